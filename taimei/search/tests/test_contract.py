"""One contract, every backend: the embedded index and PostgreSQL behave the same."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from taimei.search.aliases import AliasTable
from taimei.search.query import parse
from taimei.search.registry import IndexDocument

NOW = datetime(2026, 3, 1, 12, tzinfo=UTC)
ALIASES = AliasTable.build(
    [
        ["台灣積體電路製造股份有限公司", "台積電", "台积电", "TSMC", "台灣積體電路製造"],
        ["聯發科技股份有限公司", "聯發科", "联发科", "MediaTek"],
    ]
)


def doc(pk, title, body="", *, kind="article", names=(), **extra):
    return IndexDocument(
        kind=kind,
        pk=pk,
        key=f"{kind}-{pk}",
        title=title,
        body=body,
        names=names,
        url=f"/{pk}/",
        **extra,
    )


CORPUS = [
    doc(
        1,
        "台灣積體電路製造股份有限公司",
        "全球最大的晶圓代工廠。",
        kind="member",
        names=("台灣積體電路製造股份有限公司", "台積電", "TSMC"),
        facets={"industry": ["semiconductors"], "country": ["TW"]},
    ),
    doc(
        2,
        "台積電亞利桑那廠開始量產",
        "台積電在美國亞利桑那州的新廠今年開始量產。",
        date=NOW - timedelta(days=2),
        recency=True,
        facets={"topic": ["supply-chain"], "industry": ["semiconductors"]},
    ),
    doc(
        3,
        "美国对等关税上路",
        "对等关税对台湾出口的影响。",
        language="zh-Hans",
        date=NOW - timedelta(days=400),
        recency=True,
        facets={"topic": ["trade"]},
    ),
    doc(
        4,
        "MediaTek launches AI chips",
        "The Hsinchu chip designer announced new AI chips for phones.",
        language="en",
        date=NOW - timedelta(days=1),
        recency=True,
        facets={"topic": ["market-expansion"], "industry": ["ai", "semiconductors"]},
    ),
    doc(
        5,
        "Drone startup raises funds",
        "A drone startup in Taichung raised money.",
        language="en",
        facets={"topic": ["startups"], "industry": ["drones"]},
    ),
    doc(
        6, "Startup drone fair", "Startups bring a drone to the fair.", language="en", kind="event"
    ),
    doc(
        7,
        "會員限定：政府採購商機",
        "美國政府採購標案說明。",
        kind="opportunity",
        visibility="members",
        facets={"topic": ["procurement"]},
    ),
]


def run(backend, q, *, visibility=("public",), offset=0, limit=10, facets=True):
    return backend.search(
        parse(q, aliases=ALIASES),
        visibility=list(visibility),
        offset=offset,
        limit=limit,
        facets=facets,
        now=NOW,
    )


def keys(result):
    return [hit.payload["key"] for hit in result.hits]


@pytest.fixture
def filled(backend):
    backend.upsert(CORPUS)
    return backend


class TestBackendContract:
    def test_counts_what_it_holds(self, filled):
        assert filled.count() == len(CORPUS)

    def test_traditional_and_simplified_queries_find_each_other(self, filled):
        assert keys(run(filled, "對等關稅")) == ["article-3"]
        assert keys(run(filled, "对等关税")) == ["article-3"]
        assert "article-2" in keys(run(filled, "台积电 亚利桑那"))

    def test_alias_expands_across_languages(self, filled):
        found = keys(run(filled, "TSMC"))
        assert found[0] == "member-1"  # exact member-name hit ranks first
        assert "article-2" in found  # the article says 台積電, the query TSMC
        assert "article-4" in keys(run(filled, "聯發科"))

    def test_english_is_stemmed(self, filled):
        assert set(keys(run(filled, "drones startups"))) == {"article-5", "event-6"}

    def test_quoted_phrase_requires_adjacency(self, filled):
        assert keys(run(filled, '"drone startup"')) == ["article-5"]

    def test_minus_excludes(self, filled):
        assert keys(run(filled, "drone -fair")) == ["article-5"]
        assert "article-2" not in keys(run(filled, "台積電 -亞利桑那"))

    def test_field_filters(self, filled):
        assert keys(run(filled, "chips topic:market-expansion")) == ["article-4"]
        assert set(keys(run(filled, "industry:semiconductors"))) == {
            "member-1",
            "article-2",
            "article-4",
        }
        assert keys(run(filled, "drone kind:event")) == ["event-6"]
        assert keys(run(filled, "industry:半導體 country:台灣")) == ["member-1"]

    def test_facet_counts(self, filled):
        result = run(filled, "drone")
        assert result.total == 2
        assert result.facets["kind"] == {"article": 1, "event": 1}
        assert result.facets["language"] == {"en": 2}
        assert result.facets["industry"]["drones"] == 1

    def test_visibility(self, filled):
        assert run(filled, "政府採購").total == 0
        assert keys(run(filled, "政府採購", visibility=("public", "members"))) == ["opportunity-7"]

    def test_recency_lifts_recent_news(self, filled):
        older = doc(
            8,
            "台積電亞利桑那廠開始量產",
            "台積電在美國亞利桑那州的新廠今年開始量產。",
            date=NOW - timedelta(days=900),
            recency=True,
        )
        filled.upsert([older])
        assert keys(run(filled, "亞利桑那"))[:2] == ["article-2", "article-8"]

    def test_update_replaces_and_delete_removes(self, filled):
        filled.upsert([doc(5, "Drone maker expands", "New factory.", language="en")])
        assert keys(run(filled, '"drone startup"')) == []
        assert keys(run(filled, "factory")) == ["article-5"]
        filled.delete(["article:5", "article:999"])
        assert keys(run(filled, "factory")) == []
        assert filled.count() == len(CORPUS) - 1

    def test_pagination(self, filled):
        first = run(filled, "drone", limit=1)
        second = run(filled, "drone", limit=1, offset=1)
        assert first.total == second.total == 2
        assert keys(first) != keys(second)

    def test_single_character_query_matches_by_prefix(self, filled):
        assert "member-1" in keys(run(filled, "晶"))

    def test_rebuild_replaces_everything(self, filled):
        with filled.bulk() as bulk:
            bulk.add(CORPUS[:2])
        assert filled.count() == 2

    def test_clear(self, filled):
        filled.clear()
        assert filled.count() == 0

    def test_facets_are_estimated_from_a_sample_beyond_the_exact_limit(self, backend, settings):
        backend.upsert(
            [
                doc(
                    1000 + n,
                    f"關稅 {n}",
                    language="en" if n % 4 == 0 else "zh-Hant",
                    facets={"topic": ["trade"]},
                )
                for n in range(2000)
            ]
        )
        settings.TAIMEI_SEARCH_SINGLE_PASS_UP_TO = 0  # embedded: count in a pass of their own
        exact = run(backend, "關稅")
        assert not exact.facets_estimated
        assert exact.total == 2000
        assert exact.facets["language"] == {"en": 500, "zh-Hant": 1500}

        settings.TAIMEI_SEARCH_EXACT_FACETS_UP_TO = 300
        sampled = run(backend, "關稅")
        assert sampled.facets_estimated
        assert sampled.total == 2000  # the total stays exact
        assert sampled.facets["topic"]["trade"] == 2000  # every match has it: scaled exactly
        assert 350 <= sampled.facets["language"]["en"] <= 650
        assert abs(sum(sampled.facets["language"].values()) - 2000) <= 2
        filtered = run(backend, "關稅 language:en")
        assert filtered.total == 500
        assert filtered.facets["language"] == {"en": 500}
