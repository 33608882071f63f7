"""News hub, article page, staff source health and "in the news": who sees what, and how."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from taimei.accounts.tests.factories import UserFactory
from taimei.members.tests.factories import OrganizationFactory
from taimei.news.models import IndustryLabel, Mention
from taimei.news.selectors import articles_mentioning
from taimei.news.tests.factories import (
    ArticleFactory,
    ArticleSourceFactory,
    MentionFactory,
    SourceFactory,
    TopicLabelFactory,
)

pytestmark = pytest.mark.django_db
HUB = "/news/"


@pytest.fixture
def client(client):
    """Pages in English, as the assertions read (Chinese is the site's default)."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def _titles(response) -> list[str]:
    return [article.title for article in response.context["page"].object_list]


def test_the_navigation_name_and_the_hub_url_agree():
    assert reverse("news") == reverse("news:hub") == HUB


def test_hub_lists_published_articles_newest_first(client):
    old = ArticleFactory(title="舊聞", published_at=timezone.now() - timedelta(days=3))
    new = ArticleFactory(title="新聞", published_at=timezone.now())
    ArticleFactory(title="隱藏", is_published=False)

    response = client.get(HUB)

    assert response.status_code == 200
    assert _titles(response) == [new.title, old.title]
    assert b"<html" in response.content


def test_staff_also_see_hidden_articles(client):
    ArticleFactory(title="隱藏", is_published=False)
    client.force_login(UserFactory(is_staff=True))
    assert _titles(client.get(HUB)) == ["隱藏"]


def test_filters_by_topic_industry_source_language_and_date(client):
    now = timezone.now()
    trade = TopicLabelFactory(topic_id="trade").article
    chips = ArticleFactory(language="en", published_at=now - timedelta(days=10))
    IndustryLabel.objects.create(article=chips, industry_id="semiconductors", score=3)
    feed = SourceFactory()
    ArticleSourceFactory(article=chips, source=feed)
    folder = SourceFactory(kind="folder", location="/srv/news")
    child = SourceFactory(parent=folder)
    ArticleSourceFactory(article=trade, source=child)

    assert _titles(client.get(HUB, {"topic": "trade"})) == [trade.title]
    assert _titles(client.get(HUB, {"industry": "semiconductors"})) == [chips.title]
    assert _titles(client.get(HUB, {"source": feed.pk})) == [chips.title]
    assert _titles(client.get(HUB, {"source": folder.pk})) == [trade.title]  # via its feeds
    assert _titles(client.get(HUB, {"language": "en"})) == [chips.title]
    since = (now - timedelta(days=2)).date().isoformat()
    assert chips.title not in _titles(client.get(HUB, {"since": since}))
    until = (now - timedelta(days=5)).date().isoformat()
    assert _titles(client.get(HUB, {"until": until})) == [chips.title]


@pytest.mark.parametrize(
    "params",
    [
        {"topic": "<script>"},
        {"source": "abc"},
        {"source": "99999999999999999999"},
        {"since": "2026-13-45"},
        {"until": "yesterday"},
        {"page": "-1"},
        {"page": "9999"},
        {"language": "klingon"},
    ],
)
def test_bad_filter_values_are_ignored_never_an_error(client, params):
    ArticleFactory()
    response = client.get(HUB, params)
    assert response.status_code == 200
    assert len(_titles(response)) == 1


def test_htmx_gets_the_results_partial(client):
    ArticleFactory(title="台美新聞")
    response = client.get(HUB, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert b"<html" not in response.content
    assert "台美新聞" in response.content.decode()


def _page_queries(client, count: int) -> int:
    for _ in range(count):
        article = ArticleFactory()
        TopicLabelFactory(article=article)
        IndustryLabel.objects.create(article=article, industry_id="drones", score=3)
        ArticleSourceFactory(article=article)
        ArticleSourceFactory(article=article)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(HUB, {"page": 2} if count > 20 else {})
    assert response.status_code == 200
    return len(queries)


def test_a_page_costs_the_same_number_of_queries_whatever_its_size(client, settings):
    settings.TAIMEI_NEWS_PAGE_SIZE = 20
    few = _page_queries(client, 3)
    many = _page_queries(client, 40)
    assert few == many
    assert many <= 8


def test_article_page_shows_text_sources_labels_entities_and_figures(client):
    tsmc = OrganizationFactory(slug="tsmc", name_zh="台積電")
    text = "台積電宣布投資400億美元。\n\n美國商務部表示歡迎。"
    article = ArticleFactory(text=text, captions=["▲亞利桑那廠區。"])
    ArticleSourceFactory(article=article, url="https://cna.example/1", outlet="中央社")
    ArticleSourceFactory(article=article, url="https://other.example/9", is_primary=False)
    ArticleSourceFactory(article=article, url="", location="/srv/news/a.txt", is_primary=False)
    TopicLabelFactory(article=article, topic_id="trade", evidence=["232條款", "對等關稅"])
    MentionFactory(article=article, organization=tsmc, start=0, end=3)
    MentionFactory(article=article, name="美國商務部", surface="美國商務部", start=16, end=21)
    MentionFactory(
        article=article,
        kind=Mention.Kind.AMOUNT,
        name="",
        surface="400億美元",
        value=Decimal(40_000_000_000),
        currency="USD",
        start=7,
        end=13,
    )

    response = client.get(article.get_absolute_url())

    html = response.content.decode()
    assert response.status_code == 200
    assert '<a class="entity org member" href="/members/tsmc/" title="台積電">台積電</a>' in html
    assert '<mark class="entity organization" title="美國商務部">美國商務部</mark>' in html
    assert html.count("<p>") >= 2 and "▲亞利桑那廠區。" in html
    assert "232條款 → Taiwan–U.S. trade" in html and "對等關稅 → Taiwan–U.S. trade" in html
    assert 'href="https://cna.example/1"' in html and 'href="https://other.example/9"' in html
    assert "/srv/news/a.txt" in html  # a local copy is named, not linked
    assert "400億美元" in html and "40,000,000,000 USD" in html


def test_entities_escape_their_text(client):
    article = ArticleFactory(text="<b>ACME</b> signs a deal.")
    MentionFactory(article=article, name="<b>ACME</b>", surface="<b>ACME</b>", start=0, end=11)
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<b>ACME</b>" not in html and "&lt;b&gt;ACME&lt;/b&gt;" in html


def test_an_unlisted_member_is_highlighted_but_not_linked(client):
    hidden = OrganizationFactory(slug="quiet", is_listed=False)
    article = ArticleFactory(text="台積電宣布投資。")
    MentionFactory(article=article, organization=hidden, start=0, end=3)
    html = client.get(article.get_absolute_url()).content.decode()
    assert "/members/quiet/" not in html


def test_a_hidden_article_is_not_found_for_the_public(client):
    article = ArticleFactory(is_published=False)
    assert client.get(article.get_absolute_url()).status_code == 404
    client.force_login(UserFactory(is_staff=True))
    assert client.get(article.get_absolute_url()).status_code == 200


def test_source_health_is_for_staff_only(client):
    url = reverse("news:sources")
    assert client.get(url).status_code == 302
    client.force_login(UserFactory())
    assert client.get(url).status_code == 403


def test_staff_see_each_sources_health(client):
    SourceFactory(
        location="https://broken.example/rss",
        last_status="error",
        last_error="https://broken.example/rss: the server answered HTTP 503",
        consecutive_failures=3,
        next_fetch_at=timezone.now() + timedelta(hours=2),
        items_read=4,
        items_new=1,
    )
    client.force_login(UserFactory(is_staff=True))

    response = client.get(reverse("news:sources"))

    html = response.content.decode()
    assert "HTTP 503" in html and "backing off after 3 errors" in html and "4 read, 1 new" in html
    partial = client.get(reverse("news:sources"), HTTP_HX_REQUEST="true")
    assert b"<html" not in partial.content and b"HTTP 503" in partial.content


def test_in_the_news_lists_published_articles_that_name_the_member():
    tsmc = OrganizationFactory(slug="tsmc")
    named = MentionFactory(organization=tsmc).article
    MentionFactory(organization=tsmc, article=ArticleFactory(is_published=False))
    MentionFactory()

    assert articles_mentioning(tsmc, 5) == [named]
    html = Client(headers={"Accept-Language": "en"}).get(tsmc.get_absolute_url()).content.decode()
    assert "In the news" in html
    assert f'href="{named.get_absolute_url()}"' in html
