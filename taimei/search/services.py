"""Writes to the search index: sync records from the outbox, rebuild everything."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable

from django.db import transaction

from taimei.search import aliases
from taimei.search.backends import get_backend
from taimei.search.backends.embedded import IndexBusy
from taimei.search.models import IndexUpdate
from taimei.search.registry import (
    IndexDocument,
    SearchIndex,
    document_id,
    index_for_kind,
    indexes,
)

logger = logging.getLogger(__name__)
DRAIN_BATCH = 1000


def index_sync(*, kind: str, pks: list[str]) -> None:
    """Rewrite the documents of `pks` from the database; delete those gone or hidden."""
    index = index_for_kind(kind)
    if index is None:
        return
    found: dict[str, IndexDocument | None] = {
        str(pk): document for pk, document in index.documents(pks)
    }
    upserts = [document for document in found.values() if document is not None]
    deletions = [document_id(kind, pk) for pk in dict.fromkeys(pks) if found.get(str(pk)) is None]
    backend = get_backend()
    backend.delete(deletions)
    if upserts:
        backend.upsert(upserts)
    if type(index).synonyms is not SearchIndex.synonyms:
        aliases.invalidate()


def index_drain() -> int:
    """Apply pending outbox rows batch by batch; rows stay queued if the index is busy.

    An index that lost its content (a new directory, a new file layout after an upgrade) is
    rebuilt from the database first.
    """
    synced = 0
    if get_backend().needs_rebuild():
        try:
            synced += index_rebuild()
        except IndexBusy:
            logger.warning("search index busy; the rebuild waits for the next drain")
            return synced
    while True:
        rows = list(
            IndexUpdate.objects.order_by("id")[:DRAIN_BATCH].values_list("id", "kind", "object_pk")
        )
        if not rows:
            return synced
        by_kind: dict[str, list[str]] = defaultdict(list)
        for _, kind, pk in rows:
            by_kind[kind].append(pk)
        try:
            for kind, pks in by_kind.items():
                index_sync(kind=kind, pks=list(dict.fromkeys(pks)))
        except IndexBusy:
            logger.warning("search index busy; %d updates stay queued", len(rows))
            return synced
        IndexUpdate.objects.filter(id__in=[row_id for row_id, _, _ in rows]).delete()
        synced += len(rows)


def index_rebuild(*, progress: Callable[[str, int, int], None] | None = None) -> int:
    """Re-create the whole index from the database; returns the number of documents."""
    with transaction.atomic():
        last_pending = IndexUpdate.objects.order_by("-id").values_list("id", flat=True).first()
    backend = get_backend()
    written = 0
    with backend.bulk() as bulk:
        for kind, index in indexes().items():
            total = index.queryset().count()
            done = 0
            batch: list[IndexDocument] = []
            for _, document in index.documents():
                done += 1
                if document is not None:
                    batch.append(document)
                if len(batch) >= 500:
                    bulk.add(batch)
                    written += len(batch)
                    batch = []
                if progress:
                    progress(kind, done, total)
            bulk.add(batch)
            written += len(batch)
            if progress:
                progress(kind, done, total)
    if last_pending is not None:
        IndexUpdate.objects.filter(id__lte=last_pending).delete()
    aliases.invalidate()
    return written
