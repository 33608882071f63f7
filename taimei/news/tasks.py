"""Background work of the news app; tasks receive primary keys and call one service."""

from __future__ import annotations

from celery import shared_task

from taimei.news.models import Source


@shared_task(name="taimei.news.tasks.poll_feeds")
def poll_feeds() -> int:
    """Periodic: queue a poll of every feed that is due."""
    from taimei.news.services.polling import sources_poll_due

    return sources_poll_due()


@shared_task(name="taimei.news.tasks.poll_source")
def poll_source(source_id: int) -> int:
    """Fetch one feed (conditional GET) and store its new entries; returns new articles."""
    from taimei.news.services.polling import source_poll

    source = Source.objects.filter(pk=source_id, is_active=True).first()
    if source is None:
        return 0
    return source_poll(source=source).new


@shared_task(name="taimei.news.tasks.classify_articles")
def classify_articles(article_ids: list[int] | None = None) -> int:
    """Re-run classification for the given articles (all when None)."""
    from taimei.news.services.classify import articles_classify

    return articles_classify(article_ids=article_ids)
