"""The page, the htmx partial, the API, the CLI, and who sees what."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command
from django.urls import reverse

from taimei.accounts.tests.factories import UserFactory
from taimei.members.tests.factories import OrganizationFactory, PersonFactory
from taimei.search.backends import get_backend
from taimei.search.registry import IndexDocument

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus(backend, indexed):
    indexed(
        lambda: OrganizationFactory(
            slug="mediatek", name_zh="聯發科技", name_en="MediaTek", aliases=["聯發科", "联发科"]
        )
    )
    indexed(lambda: OrganizationFactory(slug="hidden", name_en="MediaTek Shadow", is_listed=False))
    get_backend().upsert(
        [
            IndexDocument(
                kind="article",
                pk=1,
                key="mtk-news",
                title="聯發科推出新晶片",
                body="联发科 <b>AI</b> 晶片在美國上市。",
                url="/news/mtk-news/",
                source="https://example.com/mtk",
                facets={"topic": ["market-expansion"]},
            ),
            IndexDocument(
                kind="opportunity",
                pk=2,
                key="2",
                title="MediaTek partner wanted",
                body="Members only",
                url="/opportunities/2/",
                visibility="members",
            ),
        ]
    )
    return backend


def test_page_groups_by_kind_with_snippets_and_facets(client, corpus):
    response = client.get(reverse("search:search"), {"q": "MediaTek"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-kind="member"' in html and 'data-kind="article"' in html
    assert "<mark>" in html and "&lt;b&gt;" in html  # escaped, then marked
    assert "partner wanted" not in html and "Shadow" not in html
    assert "<html" in html


def test_htmx_gets_the_partial(client, corpus):
    response = client.get(reverse("search:search"), {"q": "聯發科"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "<html" not in response.content.decode()
    assert "聯發科推出新晶片" in response.content.decode()


def test_members_see_members_only_documents(client, corpus):
    person = PersonFactory(organization=OrganizationFactory(slug="member-org"))
    client.force_login(person.user)
    assert (
        "partner wanted" in client.get(reverse("search:search"), {"q": "MediaTek"}).content.decode()
    )


def test_unapproved_account_sees_only_public(client, corpus):
    client.force_login(UserFactory())
    assert (
        "partner wanted"
        not in client.get(reverse("search:search"), {"q": "MediaTek"}).content.decode()
    )


def test_page_query_count_is_bounded(client, corpus, django_assert_max_num_queries):
    client.get(reverse("search:search"), {"q": "MediaTek"})  # warm the alias table
    with django_assert_max_num_queries(4):
        client.get(reverse("search:search"), {"q": "MediaTek"})


@pytest.mark.parametrize("q", ["", "\x00", '"', "-", "kind:", "a" * 10_000, "topic:nope"])
def test_odd_input_renders(client, corpus, q):
    assert client.get(reverse("search:search"), {"q": q, "page": "x"}).status_code == 200


def test_api_search(client, corpus):
    body = client.get("/api/search", {"q": "联发科", "kind": "article"}).json()
    assert body["total"] == 1
    assert body["hits"][0]["key"] == "mtk-news"
    assert "<mark>" in body["hits"][0]["snippet"]
    assert [(f["value"], f["count"]) for f in body["facets"]["kind"]] == [("article", 1)]


def test_api_respects_the_token_owner(client, corpus):
    staff = UserFactory(is_staff=True)
    client.force_login(staff)
    assert client.get("/api/search", {"q": "partner"}).json()["total"] == 1


def test_cli_prints_the_design_json(corpus, capsys):
    call_command("search", "聯發科", "--limit", "5", "--format", "json")
    hits = json.loads(capsys.readouterr().out)
    assert {hit["kind"] for hit in hits} == {"member", "article"}
    article = next(hit for hit in hits if hit["kind"] == "article")
    assert set(article) == {"kind", "slug", "title", "source", "score", "snippet"}
    assert article["source"] == "https://example.com/mtk"
    call_command("search", "partner", "--kind", "opportunity", "--format", "json")
    assert json.loads(capsys.readouterr().out) == []  # members-only: not for the command line


def test_the_count_reads_naturally_in_chinese(client, corpus):
    """The project's own wording, not the admin's catalogue entry for the same English text."""
    client.defaults.pop("HTTP_ACCEPT_LANGUAGE", None)
    html = client.get(reverse("search:search"), {"q": "MediaTek"}).content.decode()
    assert "2 筆結果" in html
    english = client.get(
        reverse("search:search"), {"q": "MediaTek"}, headers={"accept-language": "en"}
    )
    assert "2 results" in english.content.decode()
