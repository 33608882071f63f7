"""News endpoints: articles with their labels, evidence and mentions; source health for staff.

No postponed annotations here: django-ninja builds the query model from the filter schema's
annotations at import time, and `date | None` as a string cannot be resolved there.
"""

from datetime import date, datetime
from decimal import Decimal

from django.http import HttpRequest
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import LimitOffsetPagination, paginate

from taimei.api.auth import authenticated
from taimei.news import selectors
from taimei.news.models import Article, Mention, Source

router = Router(tags=["news"])


class LabelOut(Schema):
    slug: str
    score: float
    evidence: list[str]


class CopyOut(Schema):
    url: str
    outlet: str
    title: str
    is_primary: bool


class ArticleOut(Schema):
    id: int
    title: str
    url: str
    published_at: datetime | None
    language: str
    topics: list[str]
    industries: list[str]
    sources: list[CopyOut]

    @staticmethod
    def resolve_topics(obj: Article) -> list[str]:
        return [label.topic_id for label in obj.topic_labels.all()]

    @staticmethod
    def resolve_industries(obj: Article) -> list[str]:
        return [label.industry_id for label in obj.industry_labels.all()]

    @staticmethod
    def resolve_sources(obj: Article) -> list[CopyOut]:
        return [
            CopyOut(url=c.link, outlet=c.outlet, title=c.title, is_primary=c.is_primary)
            for c in obj.copies.all()
        ]


class MentionOut(Schema):
    kind: str
    surface: str
    name: str
    member: str | None
    value: Decimal | None
    currency: str
    start: int | None
    end: int | None


class ArticleDetailOut(ArticleOut):
    author: str
    section: str
    text: str
    captions: list[str]
    topic_labels: list[LabelOut]
    industry_labels: list[LabelOut]
    mentions: list[MentionOut]

    @staticmethod
    def resolve_topic_labels(obj: Article) -> list[LabelOut]:
        return [
            LabelOut(slug=label.topic_id, score=label.score, evidence=label.evidence)
            for label in obj.topic_labels.all()
        ]

    @staticmethod
    def resolve_industry_labels(obj: Article) -> list[LabelOut]:
        return [
            LabelOut(slug=label.industry_id, score=label.score, evidence=label.evidence)
            for label in obj.industry_labels.all()
        ]

    @staticmethod
    def resolve_mentions(obj: Article) -> list[MentionOut]:
        return [_mention(m) for m in selectors.article_mentions(obj)]


class ArticleFilters(Schema):
    topic: str = ""
    industry: str = ""
    source: str = ""
    language: str = ""
    since: date | None = None
    until: date | None = None


class SourceOut(Schema):
    id: int
    location: str
    kind: str
    title: str
    parent_id: int | None
    is_active: bool
    last_fetched_at: datetime | None
    last_status: str
    last_error: str
    consecutive_failures: int
    next_fetch_at: datetime | None
    items_read: int
    items_new: int
    article_count: int


@router.get("/news/articles", response=list[ArticleOut], auth=None)
@paginate(LimitOffsetPagination)
def list_articles(request: HttpRequest, filters: Query[ArticleFilters]) -> object:
    """Newest articles first, filtered like the news hub (unknown filter values are ignored)."""
    params = {k: str(v) for k, v in filters.dict().items() if v not in (None, "")}
    return selectors.article_list(selectors.NewsFilters.from_params(params), viewer=request.user)


@router.get("/news/articles/{article_id}", response=ArticleDetailOut, auth=None)
def get_article(request: HttpRequest, article_id: int) -> Article:
    """One article with its clean text, labels with evidence, and everything found in it."""
    if article_id >= 2**31:
        raise HttpError(404, "Not found")
    return selectors.access_article(request.user, article_id)


def _mention(mention: Mention) -> MentionOut:
    member = mention.organization
    return MentionOut(
        kind=mention.kind,
        surface=mention.surface,
        name=mention.name,
        member=member.slug if member is not None and member.is_listed else None,
        value=mention.value,
        currency=mention.currency,
        start=mention.start,
        end=mention.end,
    )


@router.get("/news/sources", response=list[SourceOut], auth=authenticated)
def list_sources(request: HttpRequest) -> list[Source]:
    """Staff: every source's health (last fetch, status, error, back-off, counts)."""
    if not selectors.user_can_manage_news(request.user):
        raise HttpError(403, "Source health is for alliance staff.")
    return list(selectors.source_health_list())
