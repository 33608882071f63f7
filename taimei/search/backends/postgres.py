"""PostgreSQL full-text search shared by every web and worker process.

PostgreSQL 15 here has no Chinese parser, so documents arrive pre-segmented (bigrams and
stems, see `taimei.search.text`) and are stored as a tsvector literal with positions and
weights; queries are tsquery literals built from terms, never from the user's syntax. The
vector and the payload live out of line (see migration 0003), so the rows that a search
visits are narrow.

A search is three statements in one transaction, each driven by the GIN index on the vector
(the planner is told not to scan the table nor walk a btree row by row: it cannot see that
testing `@@` on a row reads that row's out-of-line vector):

1. count the matches, and how many of them are undated or inside each recency window;
2. count facet values: exactly up to `conf.exact_facets_up_to()` matches, beyond that over
   the matches in a nested hash sample (a lexeme of the vector, so the same index scan picks
   it) scaled to the exact total, with `facets_estimated` (as the embedded index does);
3. rank. `ts_rank` reads a candidate's whole vector, so a result of more than
   RANK_CANDIDATES matches is ranked among its RANK_CANDIDATES newest (undated documents,
   such as members and events, first): news ranking is recency-boosted anyway, and an older
   article is left out only when that many newer ones match. The smallest recency window
   holding enough matches bounds the rows read to find the newest.
"""

from __future__ import annotations

import json
import zlib
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from typing import Any

from django.db import connection, transaction

from taimei.search import conf
from taimei.search.backends.base import (
    EXACT_NAME_BOOST,
    FACETS,
    RECENCY_WINDOWS,
    WEIGHTS,
    EngineResult,
    StoredHit,
    facet_values,
    field_texts,
    name_keys,
    payload,
)
from taimei.search.query import Alternative, Clause, ParsedQuery
from taimei.search.registry import IndexDocument, Visibility

MAX_POSITION = 16383
FIELD_GAP = 16
FIELD_LABELS = (("names", "A"), ("title", "B"), ("body", "D"))
# ts_rank weights in {D, C, B, A} order, scaled so names weigh 1.0 as in the embedded index.
RANK_WEIGHTS = f"{{{WEIGHTS['body'] / WEIGHTS['names']},0,{WEIGHTS['title'] / WEIGHTS['names']},1}}"
RANK_CANDIDATES = 1000
# Nested hash samples: a document is in level L (1/L of the index) when its hash shard is a
# multiple of L; the vector holds one lexeme per level, which no query term can spell.
SAMPLE_LEVELS = tuple(2**k for k in range(1, 9))
# Facet values grouped into two columns, counted with GROUPING SETS: the per-row cost of
# unnesting an array is several times that of hashing two short strings.
FACET_COLUMNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("facet_doc", ("kind", "language", "year", "country")),
    ("facet_tags", ("topic", "industry")),
)
FACET_SEPARATOR = "\x1e"
GIN_INDEXES = ("search_document_vector", "search_document_facets")
# For the statements of one search only (set_config(..., true) is SET LOCAL). With sequential
# scans off a forced one would cost 1e10 in the planner's eyes and start JIT compilation.
PLANNER = (
    "SELECT set_config('enable_seqscan', 'off', true), "
    "set_config('enable_indexscan', 'off', true), set_config('jit', 'off', true), "
    "set_config('max_parallel_workers_per_gather', '0', true)"
)


def _lexeme(term: str) -> str:
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


def _sample_lexeme(level: int) -> str:
    return f"'~sample{level}'"


def sample_levels(doc_id: str) -> list[int]:
    """The sample levels a document belongs to (a stable hash: the same on every build)."""
    shard = zlib.crc32(doc_id.encode()) % SAMPLE_LEVELS[-1]
    return [level for level in SAMPLE_LEVELS if shard % level == 0]


def tsvector_literal(document: IndexDocument, texts: dict[str, str] | None = None) -> str:
    """Terms with positions and field weights, and the sample lexemes, in tsvector's input
    syntax (`texts`: the document's `field_texts`, when made in bulk)."""
    texts = texts or field_texts([document])[0]
    positions: dict[str, list[str]] = {}
    position = 1
    for field, label in FIELD_LABELS:
        for term in texts[field].split():
            if position > MAX_POSITION:
                break
            positions.setdefault(term, []).append(f"{position}{label}")
            position += 1
        position += FIELD_GAP
    lexemes = [f"{_lexeme(term)}:{','.join(p[:256])}" for term, p in positions.items()]
    lexemes += [_sample_lexeme(level) for level in sample_levels(document.doc_id)]
    return " ".join(lexemes)


def _alternative(alternative: Alternative) -> str:
    if alternative.prefix:
        return _lexeme(alternative.terms[0]) + ":*"
    return "(" + " <-> ".join(_lexeme(term) for term in alternative.terms) + ")"


def _clause(clause: Clause) -> str:
    return "(" + " | ".join(_alternative(alt) for alt in clause.alternatives) + ")"


def tsquery_literal(query: ParsedQuery) -> str:
    joiner = " | " if query.match_any else " & "
    text = joiner.join(_clause(clause) for clause in query.must)
    if query.must_not:
        negated = " & ".join("!" + _clause(clause) for clause in query.must_not)
        text = f"({text}) & {negated}" if text else negated
    return text


COLUMNS = "doc_id, visibility, fresh, facets, facet_doc, facet_tags, name_keys, vector, payload"


def encode_rows(documents: Sequence[IndexDocument]) -> list[tuple[Any, ...]]:
    """The table rows of `documents` (a pure function: bulk builds run it in worker
    processes)."""
    rows = []
    for document, texts in zip(documents, field_texts(documents), strict=True):
        values = {name: list(dict.fromkeys(v)) for name, v in facet_values(document).items()}
        grouped = [
            FACET_SEPARATOR.join(
                f"{name}:{value}" for name in names for value in sorted(values.get(name, ()))
            )
            for _column, names in FACET_COLUMNS
        ]
        rows.append(
            (
                document.doc_id,
                document.visibility,
                document.date if document.recency else None,
                [f"{name}:{value}" for name, vs in values.items() for value in vs],
                *grouped,
                name_keys(document),
                tsvector_literal(document, texts),
                json.dumps(payload(document), ensure_ascii=False),
            )
        )
    return rows


class PostgresBackend:
    """The `search_document` table in the project's PostgreSQL database."""

    name = "postgres"

    def _insert(self, cursor: Any, documents: Sequence[IndexDocument]) -> None:
        updates = ", ".join(f"{c} = EXCLUDED.{c}" for c in COLUMNS.split(", ")[1:])
        cursor.executemany(
            f"INSERT INTO search_document ({COLUMNS}) "  # noqa: S608 - constant column list
            "VALUES (%s, %s, %s, %s, %s, %s, %s, %s::tsvector, %s::jsonb) "
            f"ON CONFLICT (doc_id) DO UPDATE SET {updates}",
            encode_rows(documents),
        )

    def upsert(self, documents: Sequence[IndexDocument]) -> None:
        with transaction.atomic(), connection.cursor() as cursor:
            self._insert(cursor, documents)

    def delete(self, doc_ids: Sequence[str]) -> None:
        if doc_ids:
            with connection.cursor() as cursor:
                cursor.execute(
                    "DELETE FROM search_document WHERE doc_id = ANY(%s)", [list(doc_ids)]
                )

    def clear(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_document")

    def bulk(self) -> PostgresBulk:
        return PostgresBulk(self)

    def count(self) -> int:
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM search_document")
            return int(cursor.fetchone()[0])

    def needs_rebuild(self) -> bool:
        """True after a migration re-created the table that held documents, until a rebuild
        completes (a row in `search_rebuild_needed`, so every process sees it)."""
        with connection.cursor() as cursor:
            cursor.execute("SELECT EXISTS (SELECT 1 FROM search_rebuild_needed)")
            return bool(cursor.fetchone()[0])

    def close(self) -> None:
        """Nothing to release: connections belong to Django."""

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
        tsquery = tsquery_literal(query)
        where, params = _where(query, visibility, tsquery)
        # Newest first: the cutoffs of the recency windows.
        cutoffs = [now - timedelta(days=days) for days, _boost in RECENCY_WINDOWS]
        # No savepoint inside a caller's transaction: the settings then last until it ends.
        with transaction.atomic(savepoint=False), connection.cursor() as cursor:
            cursor.execute(PLANNER)
            windows = ", ".join(
                "count(*) FILTER (WHERE fresh IS NULL OR fresh >= %s)" for _ in cutoffs
            )
            cursor.execute(
                f"SELECT count(*), {windows} FROM search_document WHERE {where}",  # noqa: S608 - fragments are ours, values are parameters
                [*cutoffs, *params],
            )
            total, *within = (int(n) for n in cursor.fetchone())
            counts: dict[str, Counter[str]] = {}
            estimated = False
            if facets and total:
                counts, estimated = _facets(cursor, query, visibility, tsquery, total)
            hits: list[StoredHit] = []
            if total > offset:
                # The newest `wanted` matches lie in the newest window that holds as many.
                wanted = max(RANK_CANDIDATES, offset + limit)
                cutoff = next(
                    (c for c, n in zip(cutoffs, within, strict=True) if n >= wanted), None
                )
                candidates = (wanted, cutoff) if total > wanted else None
                hits = _rank(cursor, query, tsquery, visibility, candidates, offset, limit, now)
        return EngineResult(hits=hits, total=total, facets=counts, facets_estimated=estimated)


def _where(
    query: ParsedQuery, visibility: Sequence[Visibility], tsquery: str
) -> tuple[str, list[Any]]:
    conditions = ["visibility = ANY(%s)"]
    params: list[Any] = [list(visibility)]
    if tsquery:
        conditions.append("vector @@ %s::tsquery")
        params.append(tsquery)
    for field, values in query.filters.items():
        conditions.append("facets && %s")
        params.append([f"{field}:{value}" for value in values])
    return " AND ".join(conditions), params


def _rank(
    cursor: Any,
    query: ParsedQuery,
    tsquery: str,
    visibility: Sequence[Visibility],
    candidates: tuple[int, datetime | None] | None,
    offset: int,
    limit: int,
    now: datetime,
) -> list[StoredHit]:
    """The page of hits, ranked among every match or, with `candidates` (how many, and the
    cutoff of a window holding that many), among the newest matches."""
    where, params = _where(query, visibility, tsquery)
    source, source_params = "search_document", []
    if candidates is not None:
        wanted, cutoff = candidates
        window = " AND (fresh IS NULL OR fresh >= %s)" if cutoff else ""
        source = (
            f"(SELECT * FROM search_document WHERE {where}{window} "  # noqa: S608
            "ORDER BY fresh DESC NULLS FIRST, doc_id LIMIT %s) AS newest"
        )
        source_params = [*params, *([cutoff] if cutoff else []), wanted]
        where, params = "true", []
    score = "0"
    score_params: list[Any] = []
    if query.must:
        score = f"ts_rank('{RANK_WEIGHTS}', vector, %s::tsquery) * 10"
        score_params.append(tsquery)
        if query.exact_names:
            score += " + CASE WHEN name_keys && %s THEN %s ELSE 0 END"
            score_params += [list(query.exact_names), EXACT_NAME_BOOST]
        for days, boost in RECENCY_WINDOWS:
            score += " + CASE WHEN fresh >= %s THEN %s ELSE 0 END"
            score_params += [now - timedelta(days=days), boost]
    cursor.execute(
        f"SELECT payload, {score} AS score FROM {source} WHERE {where} "  # noqa: S608 - fragments are ours, values are parameters
        "ORDER BY score DESC, doc_id LIMIT %s OFFSET %s",
        [*score_params, *source_params, *params, limit, offset],
    )
    return [
        StoredHit(doc_id="", score=float(row_score), payload=_json(row_payload))
        for row_payload, row_score in cursor.fetchall()
    ]


def _facets(
    cursor: Any, query: ParsedQuery, visibility: Sequence[Visibility], tsquery: str, total: int
) -> tuple[dict[str, Counter[str]], bool]:
    """Counts per facet value and whether they are estimates.

    Exact up to `conf.exact_facets_up_to()` matches. Beyond that the count runs over the
    matches in the largest nested hash sample that still holds at least half that many, and
    the counts are scaled to the exact total: the cost stays bounded however common the words.
    """
    limit = conf.exact_facets_up_to()
    level = 1
    if limit and total > limit:
        level = max((lvl for lvl in SAMPLE_LEVELS if total / lvl >= limit / 2), default=1)
    if level > 1:
        sample = _sample_lexeme(level)
        counts, seen = _count_facets(
            cursor, query, visibility, f"({tsquery}) & {sample}" if tsquery else sample
        )
        if seen:
            scale = total / seen
            return {
                name: Counter({value: max(1, round(n * scale)) for value, n in counter.items()})
                for name, counter in counts.items()
            }, True
    return _count_facets(cursor, query, visibility, tsquery)[0], False


def _count_facets(
    cursor: Any, query: ParsedQuery, visibility: Sequence[Visibility], tsquery: str
) -> tuple[dict[str, Counter[str]], int]:
    """Counts per facet value among the matches of `tsquery`, and how many matches."""
    where, params = _where(query, visibility, tsquery)
    columns = ", ".join(column for column, _names in FACET_COLUMNS)
    groups = ", ".join(f"({column})" for column, _names in FACET_COLUMNS)
    cursor.execute(
        f"SELECT {columns}, count(*) FROM search_document WHERE {where} "  # noqa: S608
        f"GROUP BY GROUPING SETS ((), {groups})",
        params,
    )
    counts: dict[str, Counter[str]] = {name: Counter() for name in FACETS}
    matches = 0
    for *grouped, n in cursor.fetchall():
        texts = [text for text in grouped if text is not None]
        if not texts:  # the grand total
            matches = int(n)
            continue
        for key in texts[0].split(FACET_SEPARATOR):
            name, _, value = key.partition(":")
            if name in counts and value:
                counts[name][value] += int(n)
    return counts, matches


def _json(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else json.loads(value)


class PostgresBulk:
    """A rebuild in one transaction: other processes keep the old rows until it commits.

    During the rebuild the GIN indexes collect new entries in their pending lists and merge
    them into the tree in bulk (several times faster than inserting each row's entries), and
    they return to `fastupdate = off` before the commit. A rebuild outside a transaction is
    followed by VACUUM ANALYZE: the old rows' index entries go, and the planner learns the
    new content.
    """

    def __init__(self, backend: PostgresBackend) -> None:
        self.backend = backend
        self._atomic: Any = None

    def __enter__(self) -> PostgresBulk:
        self._atomic = transaction.atomic()
        self._atomic.__enter__()
        with connection.cursor() as cursor:
            for index in GIN_INDEXES:
                cursor.execute(f"ALTER INDEX {index} SET (fastupdate = on)")
            cursor.execute("DELETE FROM search_document")
        return self

    @staticmethod
    def encode(documents: Sequence[IndexDocument]) -> list[Any]:
        return encode_rows(documents)

    def add(self, documents: Sequence[IndexDocument]) -> None:
        self.add_encoded(encode_rows(documents))

    def add_encoded(self, rows: Iterable[Any]) -> None:
        """COPY rows from `encode` into the table emptied by __enter__ (no conflicts)."""
        with connection.cursor() as cursor:
            raw = cursor.cursor
            with raw.copy(f"COPY search_document ({COLUMNS}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)

    def __exit__(self, *exc: object) -> None:
        if exc[0] is None:
            with connection.cursor() as cursor:
                for index in GIN_INDEXES:
                    cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [index])
                    cursor.execute(f"ALTER INDEX {index} SET (fastupdate = off)")
                cursor.execute("DELETE FROM search_rebuild_needed")
        self._atomic.__exit__(*exc)
        if exc[0] is None and not connection.in_atomic_block:
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE search_document")
