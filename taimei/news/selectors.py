"""Reads of stored news, and the one place that decides who sees which article and page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from taimei.core.http import AnyUser
from taimei.core.taxonomy import INDUSTRIES, TOPICS
from taimei.members.models import Organization
from taimei.news.models import (
    LANGUAGE_CHOICES,
    Article,
    ArticleSource,
    IngestFailure,
    Mention,
    Source,
)

LANGUAGES = {code for code, _label in LANGUAGE_CHOICES}


@dataclass(frozen=True)
class NewsFilters:
    """What a news reader asked for; unknown values are dropped, never fatal."""

    topic: str = ""
    industry: str = ""
    source: int | None = None
    language: str = ""
    since: date | None = None
    until: date | None = None

    @classmethod
    def from_params(cls, params: dict[str, str]) -> NewsFilters:
        topic = str(params.get("topic", ""))
        industry = str(params.get("industry", ""))
        language = str(params.get("language", ""))
        source = str(params.get("source", ""))
        return cls(
            topic=topic if topic in TOPICS else "",
            industry=industry if industry in INDUSTRIES else "",
            source=int(source) if source.isdigit() and len(source) < 10 else None,
            language=language if language in LANGUAGES else "",
            since=_date(params.get("since")),
            until=_date(params.get("until")),
        )

    def active(self) -> dict[str, str]:
        """The filters in use, as query parameters."""
        values = {
            "topic": self.topic,
            "industry": self.industry,
            "source": str(self.source) if self.source is not None else "",
            "language": self.language,
            "since": self.since.isoformat() if self.since else "",
            "until": self.until.isoformat() if self.until else "",
        }
        return {name: value for name, value in values.items() if value}


def _date(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value or "")[:10])
    except ValueError:
        return None


def user_can_manage_news(user: AnyUser) -> bool:
    """Alliance staff curate sources, classification and the lexicon."""
    return bool(user.is_authenticated and user.is_staff)


def article_visible(user: AnyUser) -> QuerySet[Article]:
    """Articles `user` may read: published ones for everyone, hidden ones for staff too."""
    if user_can_manage_news(user):
        return Article.objects.all()
    return Article.objects.filter(is_published=True)


def access_article(user: AnyUser, pk: int) -> Article:
    """The article `pk` if `user` may read it (a hidden article is 404 to the public)."""
    return get_object_or_404(article_visible(user), pk=pk)


def access_news_staff(user: AnyUser) -> None:
    """Raise PermissionDenied unless `user` is alliance staff."""
    if not user_can_manage_news(user):
        raise PermissionDenied


def article_list(filters: NewsFilters, *, viewer: AnyUser) -> QuerySet[Article]:
    """Newest articles first matching `filters`, with labels and copies prefetched for a page."""
    queryset = article_visible(viewer)
    if filters.topic:
        queryset = queryset.filter(topic_labels__topic=filters.topic)
    if filters.industry:
        queryset = queryset.filter(industry_labels__industry=filters.industry)
    if filters.source is not None:
        queryset = queryset.filter(
            Q(copies__source_id=filters.source) | Q(copies__source__parent_id=filters.source)
        )
    if filters.language:
        queryset = queryset.filter(language=filters.language)
    zone = timezone.get_current_timezone()
    if filters.since:
        queryset = queryset.filter(
            published_at__gte=datetime.combine(filters.since, time.min, tzinfo=zone)
        )
    if filters.until:
        queryset = queryset.filter(
            published_at__lte=datetime.combine(filters.until, time.max, tzinfo=zone)
        )
    return (
        queryset.distinct()
        .defer("original", "folded_text", "fingerprint", "metadata")
        .prefetch_related(
            "topic_labels",
            "industry_labels",
            Prefetch("copies", queryset=ArticleSource.objects.select_related("source")),
        )
        .order_by("-published_at", "-pk")
    )


def source_choices() -> list[tuple[int, str]]:
    """Sources that have articles, for the hub's source filter (feeds listed by their OPML too)."""
    rows = (
        Source.objects.filter(Q(copies__isnull=False) | Q(children__copies__isnull=False))
        .distinct()
        .order_by("title", "location")
    )
    return [(source.pk, str(source)) for source in rows]


def article_mentions(article: Article) -> list[Mention]:
    """Everything found in an article, members attached (one query)."""
    return list(article.mentions.select_related("organization").order_by("start", "pk"))


def article_copies(article: Article) -> list[ArticleSource]:
    """Every outlet's copy of the article, the first one first."""
    return list(article.copies.select_related("source"))


def articles_mentioning(organization: Organization, limit: int = 5) -> list[Article]:
    """The newest published articles that name `organization` (its profile's "in the news")."""
    return list(
        Article.objects.filter(is_published=True, mentions__organization=organization)
        .distinct()
        .defer("original", "folded_text", "fingerprint", "metadata")
        .order_by("-published_at", "-pk")[: max(0, limit)]
    )


def articles_mentioning_since(
    organizations: QuerySet[Organization], *, since: datetime, limit: int
) -> list[Article]:
    """Published articles newer than `since` that name any of `organizations`, newest first."""
    return list(
        Article.objects.filter(
            is_published=True,
            mentions__organization__in=organizations,
            published_at__gt=since,
        )
        .distinct()
        .defer("original", "folded_text", "fingerprint", "metadata")
        .order_by("-published_at", "-pk")[: max(0, limit)]
    )


def source_health_list() -> QuerySet[Source]:
    """Every source with its counts, for the staff health page (errors and back-off first)."""
    return Source.objects.annotate(
        article_count=Count("copies__article", distinct=True),
        failure_count=Count("failures", distinct=True),
    ).order_by("-consecutive_failures", "kind", "location")


def failure_list(*, limit: int = 50) -> QuerySet[IngestFailure]:
    """The most recent ingest failures, newest first."""
    return IngestFailure.objects.select_related("source").order_by("-created_at", "-pk")[:limit]
