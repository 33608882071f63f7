"""Labels and mentions recomputed for stored articles, after staff edited the lexicon or the
directory changed: the pipeline's understanding stages run again on the stored clean text."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction

from taimei.news.models import Article
from taimei.news.pipeline import UNDERSTANDING_STAGES, process
from taimei.news.pipeline.document import Document, Options
from taimei.news.services.options import options_build
from taimei.news.services.store import labels_replace, mentions_replace


def article_document(article: Article) -> Document:
    """A stored article as the document the understanding stages read (offsets preserved)."""
    return Document(
        source=article.url or f"article:{article.pk}",
        title=article.title,
        url=article.url or None,
        language=article.language or None,
        published_at=article.published_at,
        paragraphs=article.text.split("\n\n"),
        captions=list(article.captions),
        metadata=dict(article.metadata),
        folded_text=article.folded_text,
    )


def article_classify(*, article: Article, options: Options) -> bool:
    """Re-label one article and re-find its mentions; False (nothing changed) if a stage failed."""
    document = process(article_document(article), options, UNDERSTANDING_STAGES)
    if document.error is not None:
        return False
    with transaction.atomic():
        labels_replace(article=article, topics=document.topics, industries=document.industries)
        mentions_replace(article=article, document=document)
        # Saving the article (not only its labels) tells search to refresh its facets.
        article.save(update_fields=["updated_at"])
    return True


def articles_classify(*, article_ids: Sequence[int] | None = None) -> int:
    """Re-classify the given articles (all when None); returns how many were re-labelled."""
    options = options_build()
    queryset = Article.objects.order_by("pk")
    if article_ids is not None:
        queryset = queryset.filter(pk__in=list(article_ids))
    done = 0
    for article in queryset.iterator(chunk_size=200):
        done += article_classify(article=article, options=options)
    return done


def articles_classify_enqueue(*, article_ids: Sequence[int] | None = None) -> int:
    """Queue a re-classification (after the current transaction commits); returns its size."""
    from taimei.news.tasks import classify_articles

    queryset = Article.objects.all()
    if article_ids is not None:
        queryset = queryset.filter(pk__in=list(article_ids))
    count = queryset.count()
    ids = list(article_ids) if article_ids is not None else None
    transaction.on_commit(lambda: classify_articles.delay(ids))
    return count
