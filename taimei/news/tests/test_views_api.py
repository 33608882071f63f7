"""The news API: public articles with labels and mentions, staff-only source health."""

from __future__ import annotations

from decimal import Decimal

import pytest

from taimei.accounts.tests.factories import UserFactory
from taimei.members.tests.factories import OrganizationFactory
from taimei.news.models import Mention
from taimei.news.tests.factories import (
    ArticleFactory,
    ArticleSourceFactory,
    MentionFactory,
    SourceFactory,
    TopicLabelFactory,
)

pytestmark = pytest.mark.django_db


def test_articles_are_listed_newest_first_with_filters(client):
    trade = TopicLabelFactory(topic_id="trade").article
    ArticleSourceFactory(article=trade, url="https://cna.example/1", outlet="中央社")
    ArticleFactory(is_published=False)
    other = ArticleFactory(language="en")

    body = client.get("/api/news/articles").json()
    assert body["count"] == 2
    assert [item["id"] for item in body["items"]] == [trade.pk, other.pk]
    first = body["items"][0]
    assert first["topics"] == ["trade"]
    assert first["sources"] == [
        {"url": "https://cna.example/1", "outlet": "中央社", "title": "", "is_primary": True}
    ]
    assert client.get("/api/news/articles?topic=trade").json()["count"] == 1
    assert client.get("/api/news/articles?language=en").json()["count"] == 1
    assert client.get("/api/news/articles?topic=nonsense").json()["count"] == 2
    assert client.get("/api/news/articles?since=not-a-date").status_code == 422


def test_an_article_carries_evidence_and_mentions(client):
    tsmc = OrganizationFactory(slug="tsmc")
    article = TopicLabelFactory(evidence=["232條款"]).article
    MentionFactory(article=article, organization=tsmc, start=0, end=3)
    MentionFactory(
        article=article,
        kind=Mention.Kind.AMOUNT,
        name="",
        surface="400億美元",
        value=Decimal(40_000_000_000),
        currency="USD",
    )

    body = client.get(f"/api/news/articles/{article.pk}").json()

    assert body["text"] == article.text
    assert body["topic_labels"] == [{"slug": "trade", "score": 3.0, "evidence": ["232條款"]}]
    org = next(m for m in body["mentions"] if m["kind"] == "organization")
    assert (org["member"], org["start"], org["end"]) == ("tsmc", 0, 3)
    amount = next(m for m in body["mentions"] if m["kind"] == "amount")
    assert (Decimal(str(amount["value"])), amount["currency"]) == (Decimal("40000000000"), "USD")


def test_hidden_and_missing_articles_are_not_found(client):
    hidden = ArticleFactory(is_published=False)
    assert client.get(f"/api/news/articles/{hidden.pk}").status_code == 404
    assert client.get("/api/news/articles/99999999999999").status_code == 404
    client.force_login(UserFactory(is_staff=True))
    assert client.get(f"/api/news/articles/{hidden.pk}").status_code == 200


def test_source_health_is_for_staff(client):
    SourceFactory(last_status="error", last_error="HTTP 503", consecutive_failures=2)
    assert client.get("/api/news/sources").status_code == 401
    client.force_login(UserFactory())
    assert client.get("/api/news/sources").status_code == 403
    client.force_login(UserFactory(is_staff=True))
    (source,) = client.get("/api/news/sources").json()
    assert (source["last_error"], source["consecutive_failures"]) == ("HTTP 503", 2)
