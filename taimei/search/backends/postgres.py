"""PostgreSQL full-text search shared by every web and worker process.

PostgreSQL 15 here has no Chinese parser, so documents arrive pre-segmented (bigrams and
stems, see `taimei.search.text`) and are stored as a tsvector literal with positions and
weights; queries are tsquery literals built from terms, never from the user's syntax. The
vector and the payload live out of line (see migration 0003), so the rows a search visits
are narrow.

A search is one statement. It reads its matches once, through the GIN index (the planner is
told not to scan the table: it cannot see that testing `@@` on a row reads the row's
out-of-line vector), into a materialised list of (row address, date, hash shard), and from
that list:

- counts them;
- counts facet values: exactly up to `conf.exact_facets_up_to()` matches, beyond that over
  the matches in the smallest nested hash sample holding SAMPLE_MATCHES of them, scaled to
  the exact total (`facets_estimated`), as the embedded index does; the facet columns of the
  counted rows are read by address;
- ranks. `ts_rank` reads a candidate's whole vector, so a result of more than
  RANK_CANDIDATES matches is ranked among its RANK_CANDIDATES newest (undated documents, such
  as members and events, first): news ranking is recency-boosted anyway, and an older
  article is left out only when that many newer ones match.

Reading the matches once matters most for phrases (multi-character words, aliases): the
index cannot check adjacency, so each candidate row's vector is read to recheck it, once.
"""

from __future__ import annotations

import json
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
from taimei.search.registry import IndexDocument, Visibility

MAX_POSITION = 16383
FIELD_GAP = 16
FIELD_LABELS = (("names", "A"), ("title", "B"), ("body", "D"))
# ts_rank weights in {D, C, B, A} order, scaled so names weigh 1.0 as in the embedded index.
RANK_WEIGHTS = f"{{{WEIGHTS['body'] / WEIGHTS['names']},0,{WEIGHTS['title'] / WEIGHTS['names']},1}}"
RANK_CANDIDATES = 1000
# Nested hash samples: a document is in sample level L (1/L of the index) when its shard is a
# multiple of L; facets beyond the exact limit are counted over one (see SAMPLE_MATCHES).
SAMPLE_LEVELS = tuple(1 << k for k in range(1, 9))
# Facet values grouped into two columns and counted with GROUPING SETS: unnesting an array
# per row costs several times as much as hashing two short strings.
FACET_COLUMNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("facet_doc", ("kind", "language", "year", "country")),
    ("facet_tags", ("topic", "industry")),
)
FACET_SEPARATOR = "\x1e"
GIN_INDEXES = ("search_document_vector", "search_document_facets")
# For the statement of one search (set_config(..., true) is SET LOCAL). With sequential scans
# off a forced one would cost 1e10 in the planner's eyes and start JIT compilation; parallel
# workers cost more than they save on a busy small machine (measured); work_mem keeps the
# list of matches of a common word in memory.
PLANNER = (
    "SELECT set_config('enable_seqscan', 'off', true), set_config('jit', 'off', true), "
    "set_config('max_parallel_workers_per_gather', '0', true), "
    "set_config('work_mem', '32MB', true)"
)

# For a rebuild's transaction: longer pending lists, merged with more memory (fewer passes
# over the tree). Searches in other processes scan the pending lists meanwhile.
BULK_SETTINGS = (
    "SELECT set_config('gin_pending_list_limit', '16MB', true), "
    "set_config('work_mem', '64MB', true), set_config('maintenance_work_mem', '256MB', true)"
)


def _lexeme(term: str) -> str:
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector_literal(document: IndexDocument, texts: dict[str, str] | None = None) -> str:
    """Terms with positions and field weights, in tsvector's input syntax (`texts`: the
    document's `field_texts`, when they were made in bulk)."""
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
    return " ".join(f"{_lexeme(term)}:{','.join(p[:256])}" for term, p in positions.items())


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


COLUMNS = (
    "doc_id, visibility, fresh, shard, facets, facet_doc, facet_tags, name_keys, vector, payload"
)


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
                sample_shard(document.doc_id),
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
            "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s::tsvector, %s::jsonb) "
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
        exact_up_to = conf.exact_facets_up_to() if facets else 0
        sql, params = _statement(query, visibility, offset, limit, facets, exact_up_to, now)
        # No savepoint inside a caller's transaction: the settings then last until it ends.
        with transaction.atomic(savepoint=False), connection.cursor() as cursor:
            cursor.execute(PLANNER)
            cursor.execute(sql, params)
            rows = cursor.fetchall()
            total, level = next((row[1], row[2]) for row in rows if row[0] == "total")
            counts, seen = _facet_counts(rows)
            if facets and level > 1 and not seen:  # an empty sample: count them all
                sql, params = _statement(query, visibility, offset, 0, facets, 0, now)
                cursor.execute(sql, params)
                counts, seen = _facet_counts(cursor.fetchall())
                level = 1
        hits = [
            StoredHit(doc_id="", score=float(row[6]), payload=_json(row[5]))
            for row in sorted((row for row in rows if row[0] == "hit"), key=lambda row: row[1])
        ]
        estimated = level > 1
        if estimated:
            scale = total / seen
            counts = {
                name: Counter({value: max(1, round(n * scale)) for value, n in counter.items()})
                for name, counter in counts.items()
            }
        return EngineResult(
            hits=hits, total=total, facets=counts if facets else {}, facets_estimated=estimated
        )


def _where(query: ParsedQuery, visibility: Sequence[Visibility]) -> tuple[str, list[Any]]:
    conditions = ["visibility = ANY(%s)"]
    params: list[Any] = [list(visibility)]
    tsquery = tsquery_literal(query)
    if tsquery:
        conditions.append("vector @@ %s::tsquery")
        params.append(tsquery)
    for field, values in query.filters.items():
        conditions.append("facets && %s")
        params.append([f"{field}:{value}" for value in values])
    return " AND ".join(conditions), params


def _score(query: ParsedQuery, now: datetime) -> tuple[str, list[Any]]:
    """Text rank ×10, the exact-name bonus and the recency boosts, as SQL and parameters."""
    if not query.must:
        return "0", []
    score = f"ts_rank('{RANK_WEIGHTS}', vector, %s::tsquery) * 10"
    params: list[Any] = [tsquery_literal(query)]
    if query.exact_names:
        score += " + CASE WHEN name_keys && %s THEN %s ELSE 0 END"
        params += [list(query.exact_names), EXACT_NAME_BOOST]
    for days, boost in RECENCY_WINDOWS:
        score += " + CASE WHEN fresh >= %s THEN %s ELSE 0 END"
        params += [now - timedelta(days=days), boost]
    return score, params


def _statement(
    query: ParsedQuery,
    visibility: Sequence[Visibility],
    offset: int,
    limit: int,
    facets: bool,
    exact_up_to: int,
    now: datetime,
) -> tuple[str, list[Any]]:
    """One search as one statement. Its rows: ("total", matches, sample level), with
    `facets` ("facet", count, _, facet_doc, facet_tags) per GROUPING SETS group, and ("hit",
    position, _, _, _, payload, score) for each hit of the page.

    Once there are more than `exact_up_to` matches, the sample level is the largest of
    SAMPLE_LEVELS whose sample still holds SAMPLE_MATCHES of them (or a quarter of
    `exact_up_to`); 1 counts them all.
    """
    where, params = _where(query, visibility)
    score, score_params = _score(query, now)
    columns = ", ".join(column for column, _names in FACET_COLUMNS)
    groups = ", ".join(f"({column})" for column, _names in FACET_COLUMNS)
    # The facet columns of the counted matches are read by row address: the list of matches
    # stays narrow, and however many there are, at most about `exact_up_to` rows are read.
    facet_part = (
        f"UNION ALL SELECT 'facet', count(*), NULL, {columns}, NULL, NULL "  # noqa: S608
        "FROM search_document WHERE ctid = ANY(ARRAY("
        "  SELECT tid FROM matches WHERE shard %% (SELECT level FROM sampling) = 0"
        f")) GROUP BY GROUPING SETS ((), {groups}) "
        if facets
        else ""
    )
    sql = (
        "WITH matches AS MATERIALIZED ("  # noqa: S608 - fragments are ours, values are parameters
        f"  SELECT ctid AS tid, fresh, shard FROM search_document WHERE {where}"
        "), sampling AS ("
        "  SELECT total, CASE WHEN %s > 0 AND total > %s THEN coalesce("
        "    (SELECT max(level) FROM unnest(%s::int[]) AS level WHERE total >= level * %s),"
        "  1) ELSE 1 END AS level FROM (SELECT count(*) AS total FROM matches) AS counted"
        "), newest AS ("
        "  SELECT tid FROM matches ORDER BY fresh DESC NULLS FIRST, tid LIMIT %s"
        "), ranked AS ("
        f"  SELECT payload, {score} AS score, doc_id FROM search_document"
        "  WHERE ctid = ANY(ARRAY(SELECT tid FROM newest))"
        "  ORDER BY score DESC, doc_id LIMIT %s OFFSET %s"
        ") "
        "SELECT 'total', total, level, NULL, NULL, NULL::jsonb, NULL::float8 FROM sampling "
        f"{facet_part}"
        "UNION ALL SELECT 'hit', row_number() OVER (ORDER BY score DESC, doc_id), NULL, NULL,"
        " NULL, payload, score FROM ranked"
    )
    return sql, [
        *params,
        exact_up_to,
        exact_up_to,
        list(SAMPLE_LEVELS),
        min(SAMPLE_MATCHES, exact_up_to / 4),
        max(RANK_CANDIDATES, offset + limit),
        *score_params,
        limit,
        offset,
    ]


def _facet_counts(rows: Iterable[Any]) -> tuple[dict[str, Counter[str]], int]:
    """Counts per facet value from the statement's "facet" rows, and how many matches were
    counted (the row of the empty grouping set)."""
    counts: dict[str, Counter[str]] = {name: Counter() for name in FACETS}
    counted = 0
    for part, n, _level, *grouped, _payload, _score in rows:
        if part != "facet":
            continue
        texts = [text for text in grouped if text is not None]
        if not texts:
            counted = int(n)
            continue
        for key in texts[0].split(FACET_SEPARATOR):
            name, _, value = key.partition(":")
            if name in counts and value:
                counts[name][value] += int(n)
    return counts, counted


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
            cursor.execute(BULK_SETTINGS)
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
