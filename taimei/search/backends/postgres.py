"""PostgreSQL full-text search shared by every web and worker process.

PostgreSQL 15 here has no Chinese parser, so documents arrive pre-segmented (bigrams and
stems, see `taimei.search.text`) and are stored as a tsvector literal with positions and
weights; queries are tsquery literals built from terms, never from the user's syntax. A GIN
index serves `@@`; facets are `kind:…`/`topic:…` strings in a GIN-indexed array.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from typing import Any

from django.db import connection, transaction

from taimei.search.backends.base import (
    EXACT_NAME_BOOST,
    FACETS,
    RECENCY_WINDOWS,
    WEIGHTS,
    EngineResult,
    StoredHit,
    facet_values,
    name_keys,
    payload,
)
from taimei.search.query import Alternative, Clause, ParsedQuery
from taimei.search.registry import IndexDocument, Visibility
from taimei.search.text import index_terms

MAX_POSITION = 16383
FIELD_GAP = 16
FIELD_LABELS = (("names", "A"), ("title", "B"), ("body", "D"))
# ts_rank weights in {D, C, B, A} order, scaled so names weigh 1.0 as in the embedded index.
RANK_WEIGHTS = f"{{{WEIGHTS['body'] / WEIGHTS['names']},0,{WEIGHTS['title'] / WEIGHTS['names']},1}}"


def _lexeme(term: str) -> str:
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector_literal(document: IndexDocument) -> str:
    """Terms with positions and field weights, in tsvector's input syntax."""
    positions: dict[str, list[str]] = {}
    position = 1
    texts = {"names": " | ".join(document.names), "title": document.title, "body": document.body}
    for field, label in FIELD_LABELS:
        for term in index_terms(texts[field]):
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


COLUMNS = "doc_id, visibility, facets, name_keys, fresh, vector, payload"


def encode_rows(documents: Sequence[IndexDocument]) -> list[tuple[Any, ...]]:
    """The table rows of `documents` (a pure function: bulk builds run it in worker
    processes)."""
    rows = []
    for document in documents:
        facets = [
            f"{name}:{value}" for name, values in facet_values(document).items() for value in values
        ]
        rows.append(
            (
                document.doc_id,
                document.visibility,
                facets,
                name_keys(document),
                document.date if document.recency else None,
                tsvector_literal(document),
                json.dumps(payload(document), ensure_ascii=False),
            )
        )
    return rows


class PostgresBackend:
    """The `search_document` table in the project's PostgreSQL database."""

    name = "postgres"

    def _insert(self, cursor: Any, documents: Sequence[IndexDocument]) -> None:
        cursor.executemany(
            f"INSERT INTO search_document ({COLUMNS}) "  # noqa: S608 - constant column list
            "VALUES (%s, %s, %s, %s, %s, %s::tsvector, %s::jsonb) "
            "ON CONFLICT (doc_id) DO UPDATE SET visibility = EXCLUDED.visibility, "
            "facets = EXCLUDED.facets, name_keys = EXCLUDED.name_keys, fresh = EXCLUDED.fresh, "
            "vector = EXCLUDED.vector, payload = EXCLUDED.payload",
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
        """Never: the table lives and dies with the database, in step with the records."""
        return False

    def close(self) -> None:
        """Nothing to release: connections belong to Django."""

    def _where(self, query: ParsedQuery, visibility: Sequence[Visibility]) -> tuple[str, list[Any]]:
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
        where, params = self._where(query, visibility)
        tsquery = tsquery_literal(query)
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
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT payload, {score} AS score FROM search_document WHERE {where} "  # noqa: S608 - fragments are ours, values are parameters
                "ORDER BY score DESC, doc_id LIMIT %s OFFSET %s",
                [*score_params, *params, limit, offset],
            )
            rows = cursor.fetchall()
            counts: dict[str, Counter[str]] = {}
            if facets:
                cursor.execute(
                    "SELECT f, count(*) FROM search_document, unnest(facets) AS f "  # noqa: S608
                    f"WHERE {where} GROUP BY f",
                    params,
                )
                for key, n in cursor.fetchall():
                    name, _, value = key.partition(":")
                    counts.setdefault(name, Counter())[value] = int(n)
                total = sum(counts.get("kind", Counter()).values())
            else:
                cursor.execute(f"SELECT count(*) FROM search_document WHERE {where}", params)  # noqa: S608
                total = int(cursor.fetchone()[0])
        hits = [
            StoredHit(doc_id="", score=float(row_score), payload=_json(row_payload))
            for row_payload, row_score in rows
        ]
        return EngineResult(
            hits=hits, total=total, facets={k: v for k, v in counts.items() if k in FACETS}
        )


def _json(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else json.loads(value)


class PostgresBulk:
    """A rebuild in one transaction: other processes keep the old rows until it commits."""

    def __init__(self, backend: PostgresBackend) -> None:
        self.backend = backend
        self._atomic: Any = None

    def __enter__(self) -> PostgresBulk:
        self._atomic = transaction.atomic()
        self._atomic.__enter__()
        with connection.cursor() as cursor:
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
        self._atomic.__exit__(*exc)
