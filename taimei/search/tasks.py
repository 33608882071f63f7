"""Index work as Celery tasks (in-process with no broker): they receive kinds and keys only."""

from __future__ import annotations

from celery import shared_task

from taimei.search import services


@shared_task(name="taimei.search.tasks.index_drain", ignore_result=True)  # type: ignore[untyped-decorator]
def index_drain() -> int:
    """Apply every pending outbox entry to the index; returns how many records were synced."""
    return services.index_drain()
