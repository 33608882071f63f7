"""The directory page: search across scripts, facets with counts, pagination, query count."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from taimei.members.selectors import DirectoryFilters, organization_facets, organization_list
from taimei.members.tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory():
    return {
        "tsmc": OrganizationFactory(
            slug="tsmc",
            name_zh="台灣積體電路製造",
            name_en="TSMC",
            aliases=["台積電", "台积电"],
            industries=["semiconductors", "ai"],
            domains=["investment"],
        ),
        "mediatek": OrganizationFactory(
            slug="mediatek",
            name_zh="聯發科技",
            name_en="MediaTek",
            aliases=["聯發科"],
            industries=["semiconductors"],
            domains=["industry"],
        ),
        "ustbc": OrganizationFactory(
            slug="ustbc",
            name_zh="美台商業協會",
            name_en="US-Taiwan Business Council",
            country="US",
            kind="partner-organisation",
            domains=["trade"],
        ),
        "drone": OrganizationFactory(
            slug="skyhawk",
            name_zh="天鷹無人機",
            name_en="Skyhawk UAV",
            country="TW",
            industries=["drones"],
        ),
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("台積電", {"tsmc"}),
        ("台积电", {"tsmc"}),  # Simplified finds the Traditional alias
        ("tsmc", {"tsmc"}),
        ("联发科", {"mediatek"}),
        ("ＭｅｄｉａＴｅｋ", {"mediatek"}),  # full-width letters
        ("business council", {"ustbc"}),
        ("无人机", {"skyhawk"}),
        ("nothing-like-this", set()),
    ],
)
def test_search_finds_names_and_aliases_across_scripts_and_widths(directory, query, expected):
    found = set(organization_list(DirectoryFilters(q=query)).values_list("slug", flat=True))
    assert found == expected


def test_facets_count_within_the_other_filters(directory):
    facets = {f.name: f for f in organization_facets(DirectoryFilters(country="TW"))}

    industries = {v.slug: v.count for v in facets["industry"].values}
    assert industries == {"semiconductors": 2, "ai": 1, "drones": 1}
    countries = {v.slug: (v.count, v.selected) for v in facets["country"].values}
    assert countries == {"TW": (3, True), "US": (1, False)}, "own facet ignores its selection"


def test_filters_combine(directory):
    filters = DirectoryFilters(country="TW", industry="semiconductors", domain="industry")
    assert list(organization_list(filters).values_list("slug", flat=True)) == ["mediatek"]


def test_unknown_facet_values_and_hostile_input_are_harmless(client, directory):
    for params in (
        {"country": "XX"},
        {"industry": "' OR 1=1 --"},
        {"q": "\x00%_\\" * 50},
        {"page": "999999"},
        {"page": "-1"},
        {"per_page": "abc"},
    ):
        assert client.get(reverse("members:directory"), params).status_code == 200


def test_page_lists_results_and_facets(client, directory):
    html = client.get(reverse("members:directory"), {"industry": "semiconductors"}).content.decode()
    assert "MediaTek" in html and "Skyhawk" not in html
    assert 'data-facet="industry"' in html


def test_htmx_request_gets_only_the_partial(client, directory):
    response = client.get(
        reverse("members:directory"), {"q": "tsmc"}, headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert "<html" not in html
    assert "TSMC" in html


def _queries_for_page(client, per_page: int) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(reverse("members:directory"), {"per_page": per_page})
    assert response.status_code == 200
    return len(context.captured_queries)


def test_query_count_does_not_grow_with_page_size(client):
    for _ in range(60):
        OrganizationFactory(industries=["semiconductors", "ai"], domains=["trade"])
    assert _queries_for_page(client, 5) == _queries_for_page(client, 50)


def test_profile_page_shows_bilingual_names_and_taxonomy(client, directory):
    html = client.get(reverse("members:detail", args=["tsmc"])).content.decode()
    assert "台灣積體電路製造" in html and "TSMC" in html
    assert "半導體" in html  # the page renders in the default language
    assert client.get(reverse("members:detail", args=["no-such-org"])).status_code == 404


def _news_section(organization, viewer):
    from taimei.core.sections import Section, SectionItem

    return Section(
        title="In the news",
        items=[SectionItem(f"{organization.name_en} opens Arizona fab", "/news/1/", "2026-01-27")],
    )


def _hidden_section(organization, viewer):
    return None


def test_profile_renders_sections_other_apps_declare(client, directory, monkeypatch):
    from django.apps import apps

    config = apps.get_app_config("members")
    monkeypatch.setattr(
        config,
        "member_profile_sections",
        [f"{__name__}._news_section", f"{__name__}._hidden_section"],
        raising=False,
    )

    html = client.get(reverse("members:detail", args=["tsmc"])).content.decode()

    assert "In the news" in html
    assert '<a href="/news/1/">TSMC opens Arizona fab</a>' in html
