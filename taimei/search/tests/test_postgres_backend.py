"""What the PostgreSQL backend does beyond the shared contract: ranking bounded to the newest
matches, the rebuild marker, plans through the index, stable sample shards."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection, transaction

from taimei.search.backends import get_backend
from taimei.search.backends import postgres as pg
from taimei.search.backends.base import SAMPLE_SHARDS, sample_shard
from taimei.search.query import parse
from taimei.search.tests.test_contract import NOW, doc, keys, run


@pytest.fixture
def backend(settings, db):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL backend needs DATABASE_URL=postgres://…")
    settings.TAIMEI_SEARCH_BACKEND = "postgres"
    return get_backend()


def test_a_large_result_is_ranked_among_its_newest_matches(backend, monkeypatch):
    monkeypatch.setattr(pg, "RANK_CANDIDATES", 3)
    member = doc(1, "Drone Makers Guild", kind="member", names=("Drone Makers Guild",))
    # The best text score (its name is the query) but the oldest date.
    old = doc(2, "Drone", "drone", names=("Drone",), date=NOW - timedelta(days=900), recency=True)
    recent = [
        doc(10 + n, f"News {n}", "a drone", date=NOW - timedelta(days=n), recency=True)
        for n in range(4)
    ]
    backend.upsert([member, old, *recent])

    result = run(backend, "drone", limit=3)
    assert result.total == 6
    # Candidates: the undated member, then the two newest articles.
    assert keys(result) == ["member-1", "article-10", "article-11"]
    assert [hit.payload["key"] for hit in run(backend, "drone", offset=1, limit=1).hits] == [
        "article-10"
    ]
    # A page beyond the candidates widens them.
    assert keys(run(backend, "drone", offset=0, limit=6))[:2] == ["article-2", "member-1"]


def test_a_rebuild_clears_the_marker_a_migration_leaves(backend):
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO search_rebuild_needed DEFAULT VALUES")
    assert backend.needs_rebuild()
    with backend.bulk() as bulk:
        bulk.add([doc(1, "Drone")])
    assert not backend.needs_rebuild()
    assert keys(run(backend, "drone")) == ["article-1"]
    with connection.cursor() as cursor:  # the bulk merge left no pending list behind
        cursor.execute(
            "SELECT reloptions FROM pg_class WHERE relname = ANY(%s)", [list(pg.GIN_INDEXES)]
        )
        assert [options for (options,) in cursor.fetchall()] == [["fastupdate=off"]] * 2


def test_a_search_reads_matches_through_the_index(backend):
    backend.upsert([doc(n, f"Drone {n}", facets={"topic": ["trade"]}) for n in range(50)])
    sql, params = pg._statement(parse("drone"), ["public"], 0, 10, True, 20_000, NOW)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(pg.PLANNER)
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(line for (line,) in cursor.fetchall())
    assert "Seq Scan" not in plan
    assert "Bitmap Index Scan on search_document_vector" in plan


def test_shards_are_stable_and_even():
    shards = [sample_shard(f"article:{n}") for n in range(4096)]
    assert sample_shard("article:1") == shards[1]
    assert set(shards) == set(range(SAMPLE_SHARDS))
    share = sum(shard % 8 == 0 for shard in shards) / len(shards)  # sample level 8
    assert 0.09 < share < 0.16
