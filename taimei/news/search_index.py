"""What news puts into site search: one document per published article."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from taimei.news.models import Article, ArticleSource
from taimei.search.registry import IndexDocument, SearchIndex, Visibility


class ArticleIndex(SearchIndex[Article]):
    """Published articles by title and clean text, faceted by topic and industry, newest first."""

    kind = "article"
    model = Article

    def queryset(self) -> QuerySet[Article]:
        return Article.objects.defer("original", "folded_text", "fingerprint").prefetch_related(
            "topic_labels",
            "industry_labels",
            Prefetch("copies", queryset=ArticleSource.objects.order_by("-is_primary", "pk")),
        )

    def document(self, instance: Article) -> IndexDocument:
        copies = list(instance.copies.all())
        first = copies[0] if copies else None
        return IndexDocument(
            kind=self.kind,
            pk=instance.pk,
            key=str(instance.pk),
            title=instance.title,
            body="\n\n".join([instance.text, *instance.captions]),
            url=instance.get_absolute_url(),
            source=(first.url or first.location) if first else instance.url,
            language=instance.language or "zh-Hant",
            date=instance.published_at or instance.created_at,
            facets={
                "topic": [label.topic_id for label in instance.topic_labels.all()],
                "industry": [label.industry_id for label in instance.industry_labels.all()],
            },
            recency=True,
        )

    def visibility(self, instance: Article) -> Visibility:
        return "public" if instance.is_published else "hidden"
