"""Sources: turn one SOURCE (URL, OPML, feed, file or folder) into documents to process.

Writes `source`, `raw`, `content_type`, `url` for files and pages (the stages decode and parse
them), and for feed entries `format="feed-entry"`, `markup` (the entry's HTML), `title`, `url`,
`feed_url`, `guid`, `author`, `published_at` and `metadata` (`feed_title`, `tags`,
`date_text`). A source that cannot be read yields one document with `error` set: per-item
errors are never fatal to the batch, so nothing here raises.

Feeds are checked with defusedxml before feedparser sees them: a document that declares
entities (billion laughs) or external entities is refused, never expanded.
"""

from __future__ import annotations

import html
import io
import mimetypes
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import defusedxml.ElementTree as DefusedET
import feedparser
from defusedxml import DefusedXmlException

from taimei.news.pipeline.document import Document, Options
from taimei.news.pipeline.fetch import FetchError, fetch_url
from taimei.news.pipeline.normalize import parse_datetime
from taimei.news.pipeline.parse import looks_like_html

FEED_SUFFIXES = frozenset({".rss", ".atom", ".rdf", ".feed", ".xml"})
OPML_SUFFIXES = frozenset({".opml"})
_FEED_ROOTS = frozenset({"rss", "feed", "rdf", "channel"})
_HEAD = 4096
_ROOT = re.compile(
    r"\A(?:\s|<\?[^>]*\?>|<!--.*?-->|<!DOCTYPE(?:[^>\[]|\[.*?\])*>)*<([A-Za-z_][\w:.-]*)",
    re.DOTALL | re.IGNORECASE,
)
_ENTITY_DECLARATION = re.compile(rb"<!ENTITY|<\x00!\x00E\x00N\x00T\x00I\x00T\x00Y", re.I)
_TAG = re.compile(r"<[^>]+>")
_BENIGN_BOZO = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)


def expand(source: str, options: Options) -> Iterator[Document]:
    """Every document SOURCE holds, in a stable order; unreadable parts yield error documents."""
    try:
        if is_url(source):
            yield from _expand_url(source, options)
        else:
            yield from _expand_path(Path(source), options)
    except Exception as exc:  # the batch boundary: report, never stop the run
        yield Document(source=source, error=f"could not read {source}: {exc}")


def is_url(source: str) -> bool:
    """http(s) URLs are fetched; everything else is a path."""
    return source.strip().lower().startswith(("http://", "https://"))


# --- paths ---------------------------------------------------------------------------------


def _expand_path(path: Path, options: Options) -> Iterator[Document]:
    if path.is_dir():
        for file in walk(path):
            yield from _expand_file(file, options)
    elif path.is_file():
        yield from _expand_file(path, options)
    else:
        yield Document(source=str(path), error=f"no such file or folder: {path}")


def walk(folder: Path) -> Iterator[Path]:
    """Files under `folder`, recursively, sorted by name; hidden files and folders skipped."""
    for root, folders, files in os.walk(folder):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def _expand_file(path: Path, options: Options) -> Iterator[Document]:
    source = str(path)
    try:
        size = path.stat().st_size
        if size > options.max_bytes:
            yield Document(
                source=source, error=f"file too large: {size} bytes (limit {options.max_bytes})"
            )
            return
        raw = path.read_bytes()
    except OSError as exc:
        yield Document(source=source, error=f"cannot read file {path}: {exc.strerror or exc}")
        return
    suffix = path.suffix.lower()
    root = root_element(raw)
    if suffix in OPML_SUFFIXES or root == "opml":
        yield from expand_opml(raw, source=source, options=options, base=path.parent)
    elif suffix in FEED_SUFFIXES or root in _FEED_ROOTS:
        yield from parse_feed(raw, source=source, options=options)
    else:
        yield Document(source=source, raw=raw, content_type=_guess_type(path))


def _guess_type(path: Path) -> str | None:
    if path.suffix.lower() in (".md", ".markdown"):
        return "text/markdown"
    return mimetypes.guess_type(path.name)[0]


# --- URLs ----------------------------------------------------------------------------------


def _expand_url(url: str, options: Options, *, expect_feed: bool = False) -> Iterator[Document]:
    try:
        result = fetch_url(url, options)
    except FetchError as exc:
        yield Document(source=url, error=str(exc))
        return
    root = root_element(result.body)
    if root == "opml" and not expect_feed:
        yield from expand_opml(result.body, source=url, options=options, base=None)
    elif expect_feed or root in _FEED_ROOTS:
        yield from parse_feed(
            result.body, source=url, options=options, content_type=result.content_type
        )
    else:
        yield Document(
            source=url, raw=result.body, content_type=result.content_type, url=result.url
        )


# --- OPML ----------------------------------------------------------------------------------


def expand_opml(
    raw: bytes, *, source: str, options: Options, base: Path | None
) -> Iterator[Document]:
    """The entries of every feed an OPML outline lists (URLs, or paths next to the file)."""
    refusal = unsafe_xml(raw)
    if refusal:
        yield Document(source=source, error=refusal)
        return
    try:
        tree = DefusedET.fromstring(raw, forbid_dtd=True)
    except (ET.ParseError, DefusedXmlException) as exc:
        yield Document(source=source, error=f"malformed OPML file: {exc}")
        return
    feeds = [feed for feed in map(_outline_url, tree.iter("outline")) if feed is not None]
    if not feeds:
        yield Document(source=source, error="the OPML file lists no feeds (no xmlUrl)")
        return
    for feed in feeds:
        if is_url(feed):
            yield from _expand_url(feed, options, expect_feed=True)
        elif base is not None:
            yield from _expand_feed_file(base / feed, options)
        else:
            yield Document(source=feed, error=f"feed path {feed} in a remote OPML file")


def _outline_url(outline: ET.Element) -> str | None:
    for key in ("xmlUrl", "xmlurl", "XMLURL"):
        value = outline.get(key)
        if value and value.strip():
            return value.strip()
    return None


def _expand_feed_file(path: Path, options: Options) -> Iterator[Document]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        yield Document(source=str(path), error=f"cannot read feed {path}: {exc.strerror or exc}")
        return
    yield from parse_feed(raw, source=str(path), options=options)


# --- feeds ---------------------------------------------------------------------------------


def parse_feed(
    raw: bytes, *, source: str, options: Options, content_type: str | None = None
) -> Iterator[Document]:
    """One document per entry of an RSS 0.9x/1.0/2.0 or Atom feed, refused when unsafe.

    A malformed or truncated feed yields the entries feedparser recovered and then one error
    document that says what was wrong, so the batch records the problem and keeps the rest.
    """
    if not raw.strip():
        yield Document(source=source, error="empty feed: the file or response has no content")
        return
    refusal = unsafe_xml(raw)
    if refusal:
        yield Document(source=source, error=refusal)
        return
    root = root_element(raw)
    if root == "html" or (root not in _FEED_ROOTS and looks_like_html(_head_text(raw))):
        yield Document(source=source, error="expected an RSS or Atom feed but got an HTML page")
        return
    headers = {"content-type": content_type} if content_type else {}
    if is_url(source):
        headers["content-location"] = source
    # A stream, never bytes or str: feedparser treats a string as a URL or a file to open.
    parsed = feedparser.parse(io.BytesIO(raw), response_headers=headers, sanitize_html=True)
    entries = parsed.get("entries") or []
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if not parsed.get("version") and not entries:
        reason = f": {problem}" if problem else " (no RSS or Atom elements)"
        yield Document(source=source, error=f"not a readable feed{reason}")
        return
    feed_title = _plain(parsed.get("feed", {}).get("title", ""))
    for index, entry in enumerate(entries):
        yield entry_document(entry, index, source=source, feed_title=feed_title, options=options)
    if problem is not None and not isinstance(problem, _BENIGN_BOZO):
        yield Document(
            source=source,
            error=f"malformed feed, kept {len(entries)} readable entries: {problem}",
        )


def unsafe_xml(raw: bytes) -> str | None:
    """Why the XML must not be parsed (entity declarations, external entities), or None."""
    refusal = (
        "refused: the XML declares entities (entity expansion or external entities are not "
        "allowed in feeds)"
    )
    try:
        DefusedET.fromstring(raw, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        return refusal
    except (ET.ParseError, ValueError, LookupError):
        # Not well-formed: feedparser's loose parser would still read it, so look for
        # declarations by hand rather than trust the parser that just gave up.
        if _ENTITY_DECLARATION.search(raw):
            return refusal
    return None


def root_element(raw: bytes) -> str | None:
    """The local name of the first element (rss, feed, rdf, opml, html), or None."""
    match = _ROOT.match(_head_text(raw))
    if not match:
        return None
    return match.group(1).rsplit(":", 1)[-1].lower()


def _head_text(raw: bytes) -> str:
    head = raw[:_HEAD]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head.decode("utf-16", errors="ignore")
    return head.decode("utf-8", errors="ignore").lstrip("\ufeff")


def entry_document(
    entry: Any, index: int, *, source: str, feed_title: str, options: Options
) -> Document:
    """A feed entry as a document: its HTML content, link, guid, author and date."""
    link = (entry.get("link") or "").strip() or None
    guid = (entry.get("id") or "").strip() or link
    date_text = entry.get("published") or entry.get("updated") or entry.get("created") or ""
    metadata: dict[str, Any] = {"feed_title": feed_title}
    tags = [tag.get("term") for tag in entry.get("tags") or [] if tag.get("term")]
    if tags:
        metadata["tags"] = tags
    if date_text:
        metadata["date_text"] = date_text
    return Document(
        source=link or f"{source}#{guid or index}",
        format="feed-entry",
        markup=_entry_markup(entry),
        content_type="text/html",
        title=_plain(entry.get("title", "")),
        url=link,
        feed_url=source,
        guid=guid,
        author=_plain(entry.get("author", "")) or None,
        published_at=_entry_date(entry, date_text, options),
        metadata=metadata,
    )


def _entry_markup(entry: Any) -> str:
    """The fullest HTML the entry carries: content over summary; plain text made HTML."""
    candidates = [*(entry.get("content") or [])]
    if entry.get("summary_detail"):
        candidates.append(entry["summary_detail"])
    elif entry.get("summary"):
        candidates.append({"type": "text/html", "value": entry["summary"]})
    best = max(candidates, key=lambda item: len(item.get("value") or ""), default=None)
    if best is None:
        return ""
    value = str(best.get("value") or "")
    if "html" in str(best.get("type") or "html"):
        return value
    blocks = [block.strip() for block in re.split(r"\n\s*\n", value) if block.strip()]
    return "".join(f"<p>{html.escape(block)}</p>" for block in blocks)


def _entry_date(entry: Any, date_text: str, options: Options) -> datetime | None:
    parsed = parse_datetime(date_text, options.default_timezone) if date_text else None
    if parsed is not None:
        return parsed
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            year, month, day, hour, minute, second = value[:6]
            return datetime(year, month, day, hour, minute, second, tzinfo=UTC)  # feedparser: UTC
    return None


def _plain(text: str) -> str:
    """Titles and names without markup or entities."""
    return " ".join(html.unescape(_TAG.sub(" ", text or "")).split())
