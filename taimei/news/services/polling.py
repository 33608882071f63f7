"""Feed polling: conditional GET (ETag / Last-Modified) and per-source back-off after errors.

A healthy feed is fetched every `poll_every` seconds; each failure in a row doubles the wait up
to `backoff_max`, so a broken server is not hammered and recovers on its own when it answers.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import partial

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from taimei.news import conf
from taimei.news.models import Source
from taimei.news.pipeline import sources as pipeline_sources
from taimei.news.pipeline.fetch import FetchError, fetch_url
from taimei.news.services.duplicates import DuplicateFinder
from taimei.news.services.ingest import IngestReport, SourceBatch
from taimei.news.services.options import options_build
from taimei.news.services.store import clean_str, failure_record


def backoff_delay(failures: int) -> timedelta:
    """How long to wait before the next fetch after `failures` errors in a row."""
    base = conf.poll_every()
    if failures <= 0:
        return timedelta(seconds=base)
    return timedelta(seconds=min(base * 2 ** min(failures, 30), conf.backoff_max()))


def sources_due(*, now: datetime | None = None) -> QuerySet[Source]:
    """Active remote feeds whose next fetch is due (never fetched ones included)."""
    now = now or timezone.now()
    return Source.objects.filter(
        Q(next_fetch_at__isnull=True) | Q(next_fetch_at__lte=now),
        Q(location__startswith="http://") | Q(location__startswith="https://"),
        is_active=True,
        kind=Source.Kind.FEED,
    ).order_by("next_fetch_at", "pk")


def sources_poll_due(*, now: datetime | None = None) -> int:
    """Queue a poll of every due feed (tasks receive primary keys); returns how many."""
    from taimei.news.tasks import poll_source

    ids: list[int] = list(sources_due(now=now).values_list("pk", flat=True))
    for pk in ids:
        transaction.on_commit(partial(poll_source.delay, pk))
    return len(ids)


def source_poll(*, source: Source) -> IngestReport:
    """Fetch one feed if it changed, store its new entries, and schedule the next fetch."""
    options = options_build()
    now = timezone.now()
    source.last_fetched_at = now
    try:
        result = fetch_url(
            source.location,
            options,
            etag=source.etag or None,
            last_modified=source.last_modified or None,
        )
    except FetchError as exc:
        return _failed(source, str(exc), now)
    if result.not_modified:
        source.last_status = Source.Status.NOT_MODIFIED
        _healthy(source, now)
        source.items_read = source.items_new = 0
        source.save()
        return IngestReport()
    batch = SourceBatch(source, DuplicateFinder(), None)
    documents = pipeline_sources.parse_feed(
        result.body, source=source.location, options=options, content_type=result.content_type
    )
    for document in documents:
        batch.store(document, options)
    batch.finish(fetched_at=now)
    source.etag = clean_str(result.etag, 500)
    source.last_modified = clean_str(result.last_modified, 100)
    if source.last_status == Source.Status.ERROR:
        return _failed(source, source.last_error, now, record=False)
    _healthy(source, now)
    source.save()
    return batch.report


def _healthy(source: Source, now: datetime) -> None:
    source.consecutive_failures = 0
    source.next_fetch_at = now + backoff_delay(0)
    source.last_error = ""


def _failed(source: Source, reason: str, now: datetime, *, record: bool = True) -> IngestReport:
    if record:
        failure_record(source=source, item=source.location, stage="fetch", reason=reason)
    source.last_status = Source.Status.ERROR
    source.last_error = clean_str(reason)
    source.consecutive_failures += 1
    source.next_fetch_at = now + backoff_delay(source.consecutive_failures)
    source.save()
    report = IngestReport()
    if record:
        report.failures[reason] += 1
    return report
