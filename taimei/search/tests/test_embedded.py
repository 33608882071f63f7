"""The embedded index's own machinery: facet counting paths and rebuilding lost content."""

from __future__ import annotations

from datetime import timedelta

import pytest

from taimei.search.backends import get_backend, reset_backends
from taimei.search.backends.embedded import SCHEMA_VERSION
from taimei.search.tests.test_contract import NOW, doc, run

LANGUAGES = ("zh-Hant", "zh-Hans", "en")
TOPICS = ("trade", "investment", "talent")


@pytest.fixture
def embedded(settings, db):
    settings.TAIMEI_SEARCH_BACKEND = "tantivy"
    reset_backends()
    return get_backend()


def varied(n, *, country="TW"):
    """Documents whose facets differ in every dimension, years included."""
    return [
        doc(
            1000 + i,
            f"關稅 {i}",
            kind="article" if i % 5 else "opportunity",
            language=LANGUAGES[i % 3],
            date=NOW - timedelta(days=200 * (i % 4)) if i % 7 else None,
            facets={
                "topic": list(TOPICS[: i % 3 + 1]),
                "industry": ["drones"] if i % 2 else [],
                "country": [country if i % 11 == 0 else "US"],
            },
        )
        for i in range(n)
    ]


def test_single_pass_counts_equal_the_aggregation(embedded, settings):
    embedded.upsert(varied(300))
    single = run(embedded, "關稅")
    settings.TAIMEI_SEARCH_SINGLE_PASS_UP_TO = 0
    aggregated = run(embedded, "關稅")
    assert single.total == aggregated.total == 300
    assert single.facets == aggregated.facets
    assert not single.facets_estimated
    assert single.facets["year"] == {"2026": 64, "2025": 129, "2024": 64}
    assert single.facets["kind"] == {"article": 240, "opportunity": 60}
    assert [hit.payload["key"] for hit in single.hits] == [
        hit.payload["key"] for hit in aggregated.hits
    ]


def test_a_value_outside_the_packed_vocabulary_is_still_counted(embedded):
    embedded.upsert(varied(50, country="JP"))
    result = run(embedded, "關稅")
    assert result.facets["country"] == {"US": 45, "JP": 5}


def test_filters_in_the_single_pass(embedded):
    embedded.upsert(varied(90))
    result = run(embedded, "關稅 topic:talent")
    assert result.total == 30
    assert result.facets["topic"]["talent"] == 30


def test_a_new_layout_is_rebuilt_from_the_database_by_the_next_drain(embedded, settings):
    from taimei.members.models import Organization
    from taimei.search.services import index_drain, index_rebuild

    Organization.objects.create(slug="acme-drones", name_zh="艾克美無人機", name_en="Acme Drones")
    index_rebuild()
    assert not embedded.needs_rebuild()
    assert run(embedded, "艾克美").total == 1

    (embedded.path / "schema-version").write_text("an older layout")
    reset_backends()
    upgraded = get_backend()
    assert upgraded.needs_rebuild()
    assert upgraded.count() == 0
    assert (upgraded.path / "schema-version").read_text() == SCHEMA_VERSION
    index_drain()
    assert not upgraded.needs_rebuild()
    assert run(upgraded, "艾克美").total == 1
