"""The contract every search backend fulfils, and the shapes it returns."""

from __future__ import annotations

import weakref
import zlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from taimei.search.query import ParsedQuery
from taimei.search.registry import FIELD_WEIGHTS, IndexDocument, Visibility
from taimei.search.text import index_text, normalise, normalise_many

FACETS: tuple[str, ...] = ("kind", "topic", "industry", "country", "language", "year")
EXACT_NAME_BOOST = 8.0
# (days, boost) windows for documents with recency=True (news): newer ranks higher.
RECENCY_WINDOWS: tuple[tuple[int, float], ...] = ((7, 1.5), (30, 1.0), (180, 0.5))
# Facets of a result beyond the exact limit are counted over the smallest nested hash sample
# that still holds this many of its matches (or a quarter of the exact limit), then scaled: a
# value with a tenth of the matches is then off by about 7% at most (two standard errors).
SAMPLE_MATCHES = 2_000
# Documents fall in this many stable hash shards; sample level L holds the shards that are
# multiples of L (levels are powers of two up to SAMPLE_SHARDS).
SAMPLE_SHARDS = 256
OPENED: weakref.WeakSet[Any] = weakref.WeakSet()


@dataclass(frozen=True, slots=True)
class StoredHit:
    """A ranked match with what is needed to show it."""

    doc_id: str
    score: float
    payload: dict[str, Any]


@dataclass
class EngineResult:
    hits: list[StoredHit]
    total: int
    facets: dict[str, Counter[str]] = field(default_factory=dict)
    # True when the facet counts were estimated from a sample of a very large result.
    facets_estimated: bool = False


def sample_shard(doc_id: str) -> int:
    """A document's hash shard: the same on every build and in every backend."""
    return zlib.crc32(doc_id.encode()) % SAMPLE_SHARDS


def facet_values(document: IndexDocument) -> dict[str, list[str]]:
    """Facet field → values for one document (kind, language and year always present)."""
    values = {
        name: list(document.facets.get(name, ())) for name in ("topic", "industry", "country")
    }
    values["kind"] = [document.kind]
    values["language"] = [document.language]
    values["year"] = [str(document.date.year)] if document.date else []
    return values


def name_keys(document: IndexDocument) -> list[str]:
    return list(dict.fromkeys(k for n in document.names if (k := " ".join(normalise(n).split()))))


def field_texts(documents: Sequence[IndexDocument]) -> list[dict[str, str]]:
    """Each document's weighted fields as space-joined index terms (one folding pass)."""
    raw = [(" | ".join(d.names), d.title, d.body) for d in documents]
    folded = normalise_many([text for fields in raw for text in fields])
    return [
        {
            "names": index_text(folded[3 * i], normalised=True),
            "title": index_text(folded[3 * i + 1], normalised=True),
            "body": index_text(folded[3 * i + 2], normalised=True),
        }
        for i in range(len(documents))
    ]


def payload(document: IndexDocument) -> dict[str, Any]:
    """What a hit shows, stored beside the index so a page needs no database round trip."""
    return {
        "kind": document.kind,
        "key": document.key,
        "title": document.title,
        "body": document.body[:20_000],
        "url": document.url,
        "source": document.source,
        "language": document.language,
        "date": document.date.isoformat() if document.date else None,
        "facets": {k: list(v) for k, v in document.facets.items()},
        "recency": document.recency,
    }


def visible_levels(levels: Sequence[Visibility]) -> list[str]:
    return [level for level in levels if level != "hidden"]


WEIGHTS = FIELD_WEIGHTS


class SearchBackend(Protocol):
    """Index and query documents; every method is safe to call from any process."""

    name: str

    def upsert(self, documents: Sequence[IndexDocument]) -> None:
        """Add or replace documents (by doc_id) and make them searchable."""

    def delete(self, doc_ids: Sequence[str]) -> None:
        """Remove documents by doc_id (unknown ids are ignored)."""

    def clear(self) -> None:
        """Remove every document."""

    def bulk(self) -> BulkWriter:
        """A writer for a rebuild: add many documents, commit once at the end."""

    def search(
        self,
        query: ParsedQuery,
        *,
        visibility: Sequence[Visibility],
        offset: int,
        limit: int,
        facets: bool,
        now: datetime,
    ) -> EngineResult:
        """Ranked hits for `query` among documents of the given visibilities."""

    def count(self) -> int:
        """How many documents the index holds."""

    def needs_rebuild(self) -> bool:
        """Whether the index lost its content (or never had it) and must be rebuilt from the
        database; the outbox drain does it."""

    def close(self) -> None:
        """Release files and locks (tests, shutdown)."""


class BulkWriter(Protocol):
    """A rebuild. `encode` is a pure function (run it in worker processes for large builds)
    whose rows `add_encoded` writes; `add` does both here."""

    @staticmethod
    def encode(documents: Sequence[IndexDocument]) -> list[Any]: ...

    def add(self, documents: Sequence[IndexDocument]) -> None: ...

    def add_encoded(self, rows: Iterable[Any]) -> None: ...

    def __enter__(self) -> BulkWriter: ...

    def __exit__(self, *exc: object) -> None: ...
