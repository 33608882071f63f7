"""The embedded default: a tantivy index in files under `VAR_DIR/search`.

tantivy allows one writer per index directory (a lock file, released by the OS when a process
dies). Writers here take the lock only for the duration of one batch and retry until
`TAIMEI_SEARCH_WRITER_TIMEOUT`; a caller that still cannot get it raises `IndexBusy` and the
outbox keeps the work for the next drain. Commits are atomic: a process killed mid-batch
leaves the last committed state, and the outbox replays what was lost. Readers in other
processes notice a commit by the `meta.json` timestamp and reload.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
import threading
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any, get_args

import numpy as np
import tantivy

from taimei.core.taxonomy import COUNTRIES, INDUSTRIES, TOPICS
from taimei.search import conf
from taimei.search.backends.base import (
    EXACT_NAME_BOOST,
    FACETS,
    OPENED,
    RECENCY_WINDOWS,
    SAMPLE_MATCHES,
    WEIGHTS,
    EngineResult,
    StoredHit,
    facet_values,
    field_texts,
    name_keys,
    payload,
    sample_shard,
)
from taimei.search.query import Alternative, Clause, ParsedQuery
from taimei.search.registry import KINDS, IndexDocument, Visibility

TEXT_FIELDS = ("names", "title", "body")
RERANK_EXTRA = 20
VISIBILITY_LEVELS: tuple[Visibility, ...] = get_args(Visibility)
# Facet counting reads single-valued columns: tantivy's terms aggregation is several times
# faster over them than over one multi-valued column. A document's values of the facets in
# a group are stored as one combined string ("kind:article\x1elanguage:en\x1eyear:2025"), and
# the per-value counts are the sums over the combinations that contain the value.
FACET_COLUMNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("facets_doc", ("kind", "language", "year")),
    ("facets_country", ("country",)),
    ("facets_topic", ("topic",)),
    ("facets_industry", ("industry",)),
)
FACET_SEPARATOR = "\x1e"
MAX_FACET_BUCKETS = 65_536
# Every known facet value as one bit of `facet_bits`; the year in the bits above them; a
# value outside this vocabulary sets the overflow bit and the counts come from the columns.
FACET_BITS: tuple[tuple[str, str], ...] = (
    *(("kind", kind) for kind in KINDS),
    *(("language", language) for language in ("zh-Hant", "zh-Hans", "en")),
    *(("country", term.slug) for term in COUNTRIES),
    *(("topic", term.slug) for term in TOPICS),
    *(("industry", term.slug) for term in INDUSTRIES),
)
_BIT_OF = {pair: bit for bit, pair in enumerate(FACET_BITS)}
YEAR_SHIFT, YEAR_BASE, YEAR_SPAN = 48, 1900, 255
OVERFLOW_BIT = 63
# Nested hash samples: a document is in sample level L (1/L of the index) when its hash is a
# multiple of L, so each level is one term whose postings are streamed, not materialised.
# Measured at 1M documents, a sample of 1/8 or more costs as much to count as everything.
SAMPLE_LEVELS = (16, 32, 64, 128, 256)
# What a second pass for the facets costs against collecting every hit in the first, in µs
# (measured at 1M documents): reading a posting, checking a phrase candidate's positions and
# counting a match's facets, versus turning a hit into Python objects and reading its column.
COST_POSTING, COST_PHRASE_CANDIDATE, COST_COUNTED, COST_COLLECTED = 0.006, 0.05, 0.011, 0.35
# The layout of the files: a change to the facet vocabulary changes the version, and an
# index of another version is rebuilt (see `needs_rebuild`).
SCHEMA_VERSION = "6-" + hashlib.sha256(repr(FACET_BITS).encode()).hexdigest()[:8]


class IndexBusy(RuntimeError):
    """Another process holds the embedded index's writer lock for longer than we wait."""


def build_schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("doc_id", tokenizer_name="raw", index_option="basic", fast=True)
    for name in TEXT_FIELDS:
        builder.add_text_field(name, tokenizer_name="whitespace", index_option="position")
    builder.add_text_field("name_key", tokenizer_name="raw", index_option="basic")
    builder.add_text_field("visibility", tokenizer_name="raw", index_option="basic")
    # Every facet value as "name:value": filters are term queries on this field.
    builder.add_text_field("facet", tokenizer_name="raw", index_option="basic")
    for column, _names in FACET_COLUMNS:
        builder.add_text_field(column, tokenizer_name="raw", index_option="basic", fast=True)
    # Epoch seconds of a recency=True document's date: read for the few top candidates from
    # the column, so reranking by recency never opens the document store.
    builder.add_integer_field("fresh", fast=True)
    builder.add_unsigned_field("facet_bits", fast=True)
    # The nested hash samples the document belongs to, for counting facets of huge results.
    builder.add_text_field("sample", tokenizer_name="raw", index_option="basic")
    builder.add_bytes_field("payload", stored=True)
    return builder.build()


def encode_documents(documents: Sequence[IndexDocument]) -> list[str]:
    """Each document as the JSON `IndexWriter.add_json` reads: index terms, facets, payload.

    A pure function of its input (no index, no database), so a bulk build can run it in
    worker processes and hand the strings to the one writer.
    """
    encoded = []
    for document, texts in zip(documents, field_texts(documents), strict=True):
        facets = {
            name: [f"{name}:{value}" for value in dict.fromkeys(values)]
            for name, values in facet_values(document).items()
        }
        fields: dict[str, Any] = {
            "doc_id": document.doc_id,
            "sample": sample_levels(document.doc_id),
            "facet_bits": facet_bits(facets, document.date),
            "visibility": document.visibility,
            "name_key": name_keys(document),
            "facet": [value for values in facets.values() for value in values],
            "payload": base64.b64encode(
                json.dumps(payload(document), ensure_ascii=False).encode()
            ).decode("ascii"),
            **texts,
        }
        for column, names in FACET_COLUMNS:
            combined = FACET_SEPARATOR.join(
                value for name in names for value in sorted(facets.get(name, ()))
            )
            if combined:
                fields[column] = combined
        if document.recency and document.date is not None:
            fields["fresh"] = int(document.date.timestamp())
        encoded.append(json.dumps(fields, ensure_ascii=False))
    return encoded


def sample_levels(doc_id: str) -> list[str]:
    """The sample levels a document belongs to (a stable hash: the same on every build)."""
    shard = sample_shard(doc_id)
    return [str(level) for level in SAMPLE_LEVELS if shard % level == 0]


def facet_bits(facets: dict[str, list[str]], date: datetime | None) -> int:
    """A document's facet values and year packed into the `facet_bits` column."""
    bits = 0
    for name, values in facets.items():
        if name == "year":  # packed as a number below
            continue
        for value in values:
            bit = _BIT_OF.get((name, value.partition(":")[2]))
            bits |= 1 << (OVERFLOW_BIT if bit is None else bit)
    if date is not None:
        offset = date.year - YEAR_BASE
        bits |= (offset << YEAR_SHIFT) if 0 < offset <= YEAR_SPAN else 1 << OVERFLOW_BIT
    return bits


class TantivyBackend:
    """Search over a tantivy index directory (see the module docstring for concurrency)."""

    name = "tantivy"

    def __init__(self, path: Path) -> None:
        self.path = path
        self.schema = build_schema()
        self._lock = threading.RLock()
        self._index: tantivy.Index | None = None
        self._seen_meta = 0.0
        OPENED.add(self)

    # -- opening and freshness -------------------------------------------------------------

    def _open(self) -> tantivy.Index:
        if self._index is not None:
            return self._index
        with self._lock:
            if self._index is None:
                self.path.mkdir(parents=True, exist_ok=True)
                version = self.path / "schema-version"
                if version.exists() and version.read_text() != SCHEMA_VERSION:
                    self._discard_files()
                if not (self.path / "meta.json").exists():
                    self._rebuild_marker.touch()
                try:
                    self._index = tantivy.Index(self.schema, path=str(self.path), reuse=True)
                except (OSError, ValueError):
                    # Unreadable files (a disk incident, an incompatible version): start empty
                    # and let the next outbox drain rebuild the content from the database.
                    self._discard_files()
                    self._rebuild_marker.touch()
                    self._index = tantivy.Index(self.schema, path=str(self.path), reuse=True)
                version.write_text(SCHEMA_VERSION)
                self._seen_meta = self._meta_mtime()
        return self._index

    @property
    def _rebuild_marker(self) -> Path:
        return self.path / "rebuild-needed"

    def needs_rebuild(self) -> bool:
        """True when the index started empty (new directory, new layout, unreadable files)
        and no rebuild has completed since: a file, so every process sees it."""
        self._open()
        return self._rebuild_marker.exists()

    def _discard_files(self) -> None:
        for child in self.path.iterdir():
            if child.is_dir():
                shutil.rmtree(child)
            else:
                child.unlink()

    def _meta_mtime(self) -> float:
        try:
            return os.stat(self.path / "meta.json").st_mtime
        except OSError:
            return 0.0

    def _searcher(self) -> tantivy.Searcher:
        index = self._open()
        mtime = self._meta_mtime()
        if mtime != self._seen_meta:
            index.reload()
            self._seen_meta = mtime
        return index.searcher()

    # -- writing ---------------------------------------------------------------------------

    @contextmanager
    def _writer(
        self, *, timeout: float | None = None, heap: int | None = None, threads: int = 1
    ) -> Iterator[tantivy.IndexWriter]:
        index = self._open()
        deadline = time.monotonic() + (conf.writer_timeout() if timeout is None else timeout)
        delay = 0.02
        with self._lock:
            while True:
                try:
                    writer = index.writer(heap_size=heap or conf.writer_heap(), num_threads=threads)
                    break
                except ValueError as error:
                    if "lock" not in str(error).lower() or time.monotonic() >= deadline:
                        raise IndexBusy(str(error)) from error
                    time.sleep(delay)
                    delay = min(delay * 2, 0.5)
            try:
                yield writer
                writer.commit()
                writer.wait_merging_threads()
            except BaseException:
                writer.rollback()
                raise
            finally:
                del writer
            index.reload()
            self._seen_meta = self._meta_mtime()

    def upsert(self, documents: Sequence[IndexDocument]) -> None:
        encoded = encode_documents(documents)
        with self._writer() as writer:
            for document, row in zip(documents, encoded, strict=True):
                writer.delete_documents_by_term("doc_id", document.doc_id)
                writer.add_json(row)

    def delete(self, doc_ids: Sequence[str]) -> None:
        if not doc_ids:
            return
        with self._writer() as writer:
            for doc_id in doc_ids:
                writer.delete_documents_by_term("doc_id", doc_id)

    def clear(self) -> None:
        with self._writer() as writer:
            writer.delete_all_documents()

    def bulk(self) -> TantivyBulk:
        return TantivyBulk(self)

    def count(self) -> int:
        return int(self._searcher().num_docs)

    def close(self) -> None:
        with self._lock:
            self._index = None

    # -- querying --------------------------------------------------------------------------

    def _alternative(self, alternative: Alternative, sample: tantivy.Query | None) -> tantivy.Query:
        per_field = []
        for name in TEXT_FIELDS:
            if alternative.prefix:
                query = tantivy.Query.regex_query(
                    self.schema, name, _regex_escape(alternative.terms[0]) + ".*"
                )
            elif len(alternative.terms) == 1:
                query = tantivy.Query.term_query(self.schema, name, alternative.terms[0])
            else:
                query = tantivy.Query.phrase_query(self.schema, name, list(alternative.terms))
            if sample is not None:
                # Within each leaf, so the sample's short postings lead every intersection.
                query = tantivy.Query.boolean_query(
                    [(tantivy.Occur.Must, sample), (tantivy.Occur.Must, query)]
                )
            per_field.append(
                (tantivy.Occur.Should, tantivy.Query.boost_query(query, WEIGHTS[name]))
            )
        return tantivy.Query.boolean_query(per_field)

    def _clause(self, clause: Clause, sample: tantivy.Query | None = None) -> tantivy.Query:
        alternatives = [self._alternative(alt, sample) for alt in clause.alternatives]
        if len(alternatives) == 1:
            return alternatives[0]
        return tantivy.Query.disjunction_max_query(alternatives, tie_breaker=0.1)

    def _term_set(self, field: str, values: Sequence[str]) -> tantivy.Query:
        return tantivy.Query.term_set_query(self.schema, field, list(values))

    def compile(
        self,
        query: ParsedQuery,
        *,
        visibility: Sequence[Visibility],
        now: datetime,
        searcher: tantivy.Searcher | None = None,
        sample_level: int = 1,
    ) -> tantivy.Query:
        """The tantivy query for a parsed query (public for the benchmark's raw-call timing).

        Clauses that cannot change the result are left out, using the term dictionary: the
        visibility filter when no document has a level the viewer may not see, the exact-name
        bonus when no document has one of the names. A lone clause is returned as it is, not
        wrapped: a flat union of term queries lets tantivy's top-k collector skip blocks that
        cannot reach the top (block-max WAND) instead of scoring every match. With a
        `sample_level` the query matches only its matches in that hash sample (for counting).
        """
        searcher = searcher or self._searcher()
        sample = None
        if sample_level > 1:
            sample = tantivy.Query.term_query(self.schema, "sample", str(sample_level))
        occur = tantivy.Occur.Should if query.match_any else tantivy.Occur.Must
        parts: list[tuple[tantivy.Occur, tantivy.Query]] = [
            (occur, self._clause(clause, sample)) for clause in query.must
        ]
        if not query.must:
            parts.append((tantivy.Occur.Must, sample or tantivy.Query.all_query()))
        parts.extend((tantivy.Occur.MustNot, self._clause(c)) for c in query.must_not)
        for field, values in query.filters.items():
            facet_terms = [f"{field}:{value}" for value in values]
            parts.append((tantivy.Occur.Must, self._term_set("facet", facet_terms)))
        unseen = [level for level in VISIBILITY_LEVELS if level not in visibility]
        if any(searcher.doc_freq("visibility", level) for level in unseen):
            parts.append((tantivy.Occur.Must, self._term_set("visibility", visibility)))
        exact = [name for name in query.exact_names if searcher.doc_freq("name_key", name)]
        if query.must and exact and sample is None:
            parts.append(
                (
                    tantivy.Occur.Should,
                    tantivy.Query.const_score_query(
                        self._term_set("name_key", exact), EXACT_NAME_BOOST
                    ),
                )
            )
        if len(parts) == 1 and parts[0][0] != tantivy.Occur.MustNot:
            return parts[0][1]
        minimum = 1 if query.match_any and query.must else None
        return tantivy.Query.boolean_query(parts, minimum_number_should_match=minimum)

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
        searcher = self._searcher()
        compiled = self.compile(query, visibility=visibility, now=now, searcher=searcher)
        # Recency is applied to a few extra candidates, read from the `fresh` column: a
        # date-range clause inside the query would scan the whole date column on every search.
        window = offset + limit + RERANK_EXTRA if query.must else offset + limit
        # A result that is not expected to be large is collected whole by the ranking pass
        # and its facets counted from one integer column: one pass over the postings instead
        # of two (a separate count remains for when the expectation was wrong).
        collect_all = False
        if facets:
            bound, expected, second_pass = self._expected_matches(searcher, query)
            collect_all = (
                expected <= conf.single_pass_up_to() and expected * COST_COLLECTED < second_pass
            )
        result = searcher.search(
            compiled,
            limit=max(window, min(bound, conf.single_pass_up_to())) if collect_all else window,
            count=True,
        )
        total = int(result.count or 0)  # type: ignore[attr-defined]  # missing from the stubs
        every_hit = result.hits  # a new Python list on each access: read it once
        candidates = every_hit[:window]
        fresh = searcher.fast_field_values("fresh", [address for _, address in candidates])
        cutoffs = _recency_cutoffs(now)
        ranked = sorted(
            (
                (float(score) + _recency_bonus(stamp, cutoffs), address)
                for (score, address), stamp in zip(candidates, fresh, strict=True)
            ),
            key=lambda pair: -pair[0],
        )
        # Only the page's documents are read from the store.
        hits = [
            StoredHit(
                doc_id="",
                score=score,
                payload=json.loads(bytes(searcher.doc(address)["payload"][0])),
            )
            for score, address in ranked[offset : offset + limit]
        ]
        counts: dict[str, Counter[str]] = {}
        estimated = False
        if facets:
            unpacked = None
            if collect_all and len(every_hit) == total:
                unpacked = _unpack_facets(
                    searcher.fast_field_values("facet_bits", [a for _, a in every_hit])
                )
            if unpacked is not None:
                counts = unpacked
            else:
                counts, estimated = self._facets(
                    searcher, compiled, total, query=query, visibility=visibility, now=now
                )
        return EngineResult(hits=hits, total=total, facets=counts, facets_estimated=estimated)

    def _expected_matches(
        self, searcher: tantivy.Searcher, query: ParsedQuery
    ) -> tuple[int, float, float]:
        """From document frequencies alone: an upper bound on the number of matches, the
        number expected, and what a second pass to count their facets would cost (µs).

        A match contains every term of some alternative in some field, so an alternative
        matches at most min(frequency of its terms) documents per field; the bound sums the
        fields, the expectation takes the largest (a title's words are mostly in the body
        too). Clauses that must all match are bounded by the smallest of them and expected,
        as if independent, at the product of their shares of the index; filters count as
        such clauses.
        """
        everything = max(1, int(searcher.num_docs))
        cost = 0.0

        def clause(clause: Clause) -> tuple[int, int]:
            nonlocal cost
            bound = expected = 0
            for alternative in clause.alternatives:
                if alternative.prefix:
                    cost += everything * COST_POSTING
                    return everything, everything
                per_field = []
                for name in TEXT_FIELDS:
                    frequencies = [searcher.doc_freq(name, term) for term in alternative.terms]
                    per_field.append(min(frequencies))
                    cost += sum(frequencies) * COST_POSTING
                    if len(frequencies) > 1:
                        cost += min(frequencies) * COST_PHRASE_CANDIDATE
                bound += sum(per_field)
                expected += max(per_field)
            return min(bound, everything), min(expected, everything)

        clauses = [clause(c) for c in query.must]
        if query.match_any:
            bound, expected = (sum(values) for values in zip(*clauses, strict=True))
            clauses = [(min(bound, everything), min(expected, everything))]
        for field, values in query.filters.items():
            frequency = sum(searcher.doc_freq("facet", f"{field}:{v}") for v in values)
            clauses.append((min(everything, frequency), min(everything, frequency)))
            cost += frequency * COST_POSTING
        if not clauses:
            return everything, float(everything), everything * COST_COUNTED
        matches = float(everything)
        for _, share in clauses:
            matches *= share / everything
        return min(bound for bound, _ in clauses), matches, cost + matches * COST_COUNTED

    def _facets(
        self,
        searcher: tantivy.Searcher,
        compiled: tantivy.Query,
        total: int,
        *,
        query: ParsedQuery,
        visibility: Sequence[Visibility],
        now: datetime,
    ) -> tuple[dict[str, Counter[str]], bool]:
        """Counts per facet value, from one aggregation pass in tantivy, and whether they are
        estimates.

        Counting is exact up to `conf.exact_facets_up_to()` matches. Beyond that the pass runs
        over the matches in the smallest nested hash sample that still holds SAMPLE_MATCHES
        of them (or a quarter of the limit), and the counts are scaled to the exact total: the cost
        stays bounded however common the words, at an error of a few per cent on the values
        that matter.
        """
        limit = conf.exact_facets_up_to()
        if limit and total > limit:
            wanted = min(SAMPLE_MATCHES, limit / 4)
            level = max((lvl for lvl in SAMPLE_LEVELS if total / lvl >= wanted), default=1)
            if level > 1:
                sampled = self.compile(
                    query, visibility=visibility, now=now, searcher=searcher, sample_level=level
                )
                counts = self._count_facets(searcher, sampled)
                seen = sum(counts["kind"].values())
                if seen:
                    scale = total / seen
                    return {
                        name: Counter(
                            {value: max(1, round(n * scale)) for value, n in counter.items()}
                        )
                        for name, counter in counts.items()
                    }, True
        return self._count_facets(searcher, compiled), False

    def _count_facets(
        self, searcher: tantivy.Searcher, query: tantivy.Query
    ) -> dict[str, Counter[str]]:
        request = {
            column: {"terms": {"field": column, "size": MAX_FACET_BUCKETS}}
            for column, _names in FACET_COLUMNS
        }
        response = searcher.aggregate(query, request)
        counts: dict[str, Counter[str]] = {name: Counter() for name in FACETS}
        for column, _names in FACET_COLUMNS:
            for bucket in response.get(column, {}).get("buckets", ()):
                count = int(bucket["doc_count"])
                for name, value in _bucket_values(str(bucket["key"])):
                    counts[name][value] += count
        return counts


class TantivyBulk:
    """One writer for a whole rebuild; nothing becomes visible until commit()."""

    def __init__(self, backend: TantivyBackend) -> None:
        self.backend = backend
        self._context: Any = None
        self._writer: tantivy.IndexWriter | None = None

    @staticmethod
    def encode(documents: Sequence[IndexDocument]) -> list[Any]:
        return encode_documents(documents)

    def __enter__(self) -> TantivyBulk:
        self._context = self.backend._writer(heap=conf.bulk_heap(), threads=conf.bulk_threads())
        self._writer = self._context.__enter__()
        self._writer.delete_all_documents()
        return self

    def add(self, documents: Sequence[IndexDocument]) -> None:
        self.add_encoded(encode_documents(documents))

    def add_encoded(self, rows: Iterable[Any]) -> None:
        """Add rows from `encode` (made here or in worker processes)."""
        assert self._writer is not None
        add = self._writer.add_json
        for row in rows:
            add(row)

    def __exit__(self, *exc: object) -> None:
        self._context.__exit__(*exc)
        if exc[0] is None:
            self.backend._rebuild_marker.unlink(missing_ok=True)


@lru_cache(maxsize=16_384)
def _bucket_values(key: str) -> tuple[tuple[str, str], ...]:
    """The (facet, value) pairs of a facet-combination column's bucket key: the keys recur
    on every search (a few thousand combinations), so each is split once."""
    pairs = (part.partition(":") for part in key.split(FACET_SEPARATOR))
    return tuple((name, value) for name, _, value in pairs if name in FACETS)


def _unpack_facets(values: list[Any]) -> dict[str, Counter[str]] | None:
    """Counts per facet value from the `facet_bits` of every match, or None when a match
    carries a value outside FACET_BITS (the aggregation over the columns counts those)."""
    counts: dict[str, Counter[str]] = {name: Counter() for name in FACETS}
    if not values:
        return counts
    if None in values:
        return None
    packed = np.asarray(values, dtype="<u8")
    if (packed >> np.uint64(OVERFLOW_BIT)).any():
        return None
    per_bit = np.unpackbits(packed.view(np.uint8).reshape(-1, 8), axis=1, bitorder="little")
    for bit, count in enumerate(per_bit[:, : len(FACET_BITS)].sum(axis=0).tolist()):
        if count:
            name, value = FACET_BITS[bit]
            counts[name][value] = count
    years = (packed >> np.uint64(YEAR_SHIFT)) & np.uint64(YEAR_SPAN)
    offsets, year_counts = np.unique(years, return_counts=True)
    for offset, count in zip(offsets.tolist(), year_counts.tolist(), strict=True):
        if offset:
            counts["year"][str(YEAR_BASE + offset)] = count
    return counts


def _recency_cutoffs(now: datetime) -> tuple[tuple[float, float], ...]:
    """(oldest epoch second, boost) of each recency window, for `_recency_bonus`."""
    return tuple(
        ((now - timedelta(days=days)).timestamp(), boost) for days, boost in RECENCY_WINDOWS
    )


def _recency_bonus(stamp: float | None, cutoffs: tuple[tuple[float, float], ...]) -> float:
    if stamp is None:
        return 0.0
    return sum(boost for oldest, boost in cutoffs if stamp >= oldest)


_REGEX_SPECIAL = set(".^$*+?()[]{}|\\")


def _regex_escape(text: str) -> str:
    return "".join("\\" + ch if ch in _REGEX_SPECIAL else ch for ch in text)
