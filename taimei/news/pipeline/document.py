"""The record that flows through the news pipeline, and the options every stage receives.

A stage is a pure function `(Document, Options) -> Document` with no database access; the
directory's aliases and the lexicon reach it through `Options`. Each stage module's docstring
says which fields it reads and writes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(slots=True)
class Label:
    """A topic or industry assigned to a document, with the evidence a person can check."""

    slug: str
    score: float
    evidence: list[str] = field(default_factory=list)  # e.g. ["232條款", "對等關稅"]


@dataclass(slots=True)
class Span:
    """Where a mention occurs in `Document.text` (character offsets, end exclusive)."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class OrganizationMention:
    """An organisation named in the text, linked to a member slug when it is one."""

    name: str
    member: str | None
    mentions: list[str] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)


@dataclass(slots=True)
class PersonMention:
    """A person named in the text, titles removed (行政院長卓榮泰 → 卓榮泰)."""

    name: str
    mentions: list[str] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    title: str | None = None


@dataclass(slots=True)
class Amount:
    """A sum of money: `value` in units (400億美元 → 40_000_000_000), ISO currency code."""

    value: float
    currency: str
    text: str
    span: Span | None = None


@dataclass(slots=True)
class Percentage:
    """A percentage as a number (15% → 15.0)."""

    value: float
    text: str
    span: Span | None = None


@dataclass(slots=True)
class Document:
    """One news item on its way from raw bytes to an understood article."""

    source: str  # the original path or URL, as given to `ingest`/`analyze`
    raw: bytes = b""
    content_type: str | None = None  # declared by HTTP or guessed from the file name
    format: str | None = None  # "jekyll" | "html" | "text" | "feed-entry"
    markup: str = ""  # decoded input (HTML or text) before extraction
    encoding: str | None = None
    url: str | None = None  # the canonical article URL where known (front matter `from`, feed link)
    feed_url: str | None = None
    guid: str | None = None
    title: str = ""
    author: str | None = None
    section: str | None = None
    published_at: datetime | None = None  # always timezone-aware when set
    language: str | None = None  # "zh-Hant" | "zh-Hans" | "en"
    paragraphs: list[str] = field(default_factory=list)  # clean body, original script
    captions: list[str] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)  # editor, roc_stamp, tags, removed
    folded_text: str = ""  # NFKC + Simplified + casefold, for matching and indexing only
    topics: list[Label] = field(default_factory=list)
    industries: list[Label] = field(default_factory=list)
    organizations: list[OrganizationMention] = field(default_factory=list)
    people: list[PersonMention] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    percentages: list[Percentage] = field(default_factory=list)
    duplicate_of: str | None = None
    error: str | None = None
    # The page as `parse` read it (an lxml tree of `markup`), so `extract` need not parse it
    # again; `extract` consumes it and sets it back to None.
    tree: Any = field(default=None, repr=False, compare=False)

    @property
    def text(self) -> str:
        """The clean body: paragraphs separated by blank lines."""
        return "\n\n".join(self.paragraphs)


@dataclass(frozen=True, slots=True)
class DirectoryEntry:
    """What the pipeline knows of one member organisation: its slug and every alias."""

    slug: str
    names: tuple[str, ...]  # name_zh, name_en and aliases, as written in the directory
    industries: tuple[str, ...] = ()  # industry slugs, so linked members can imply industries


@dataclass(frozen=True, slots=True)
class LexiconEntry:
    """A term that signals a topic or an industry (both scripts and English)."""

    term: str
    vocabulary: str  # "topics" | "industries"
    slug: str
    weight: float = 1.0


@dataclass(slots=True)
class Options:
    """Everything a stage may consult besides the document itself."""

    directory: tuple[DirectoryEntry, ...] = ()
    lexicon: tuple[LexiconEntry, ...] = ()
    now: datetime | None = None  # reference time when nothing better is known
    default_timezone: str = "Asia/Taipei"
    allow_private_urls: bool = False
    max_bytes: int = 20 * 1024 * 1024
    fetch_timeout: float = 15.0
    extra: dict[str, Any] = field(default_factory=dict)
