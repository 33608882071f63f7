"""News by topic over time and the members named most often."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, Max
from django.urls import reverse
from django.utils.translation import get_language

from taimei.core.taxonomy import TOPICS
from taimei.dashboard.filters import Period
from taimei.dashboard.selectors.common import bucket_of, published_in, spread, term_label
from taimei.news.models import Article, Mention, TopicLabel


@dataclass(frozen=True, slots=True)
class Series:
    """One line of a time series: a count per bucket."""

    slug: str
    label: str
    counts: list[int]

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True, slots=True)
class TimeSeries:
    """Counts per week or month; `totals` counts each article once, whatever its labels."""

    buckets: list[datetime.date]
    series: list[Series]
    totals: list[int]

    @property
    def total(self) -> int:
        return sum(self.totals)


def news_topic_series(*, period: Period) -> TimeSeries:
    """Published articles per topic and per week or month (two queries)."""
    per_topic: dict[str, dict[datetime.date, int]] = {}
    for bucket, topic, count in (
        TopicLabel.objects.filter(published_in(period, "article__"))
        .annotate(bucket=bucket_of(period, "article__published_at"))
        .values("bucket", "topic_id")
        .annotate(count=Count("article_id", distinct=True))
        .values_list("bucket", "topic_id", "count")
    ):
        per_topic.setdefault(topic, {})[bucket] = count
    totals = dict(
        Article.objects.filter(published_in(period))
        .annotate(bucket=bucket_of(period, "published_at"))
        .values("bucket")
        .annotate(count=Count("pk"))
        .values_list("bucket", "count")
    )
    series = [
        Series(slug, term_label(TOPICS, slug), spread(period, per_topic.get(slug, {})))
        for slug in TOPICS.slugs
    ]
    return TimeSeries(buckets=period.buckets(), series=series, totals=spread(period, totals))


@dataclass(frozen=True, slots=True)
class MemberMentions:
    """A member named in the news: in how many articles, how often, and when last."""

    slug: str
    name: str
    country: str
    articles: int
    mentions: int
    last_mentioned: datetime.datetime | None
    url: str


def member_mention_ranking(*, period: Period, limit: int) -> list[MemberMentions]:
    """The members named in the most published articles of the period (one query)."""
    english = (get_language() or "").startswith("en")
    rows = (
        Mention.objects.filter(
            published_in(period, "article__"),
            kind=Mention.Kind.ORGANIZATION,
            organization__isnull=False,
        )
        .values(
            "organization_id",
            "organization__slug",
            "organization__name_zh",
            "organization__name_en",
            "organization__country",
        )
        .annotate(
            articles=Count("article_id", distinct=True),
            mentions=Count("pk"),
            last_mentioned=Max("article__published_at"),
        )
        .order_by("-articles", "-mentions", "organization__slug")[:limit]
    )
    ranking = []
    for row in rows:
        zh, en = row["organization__name_zh"], row["organization__name_en"]
        slug = row["organization__slug"]
        ranking.append(
            MemberMentions(
                slug=slug,
                name=(en or zh) if english else (zh or en),
                country=row["organization__country"],
                articles=row["articles"],
                mentions=row["mentions"],
                last_mentioned=row["last_mentioned"],
                url=reverse("members:detail", kwargs={"slug": slug}),
            )
        )
    return ranking
