"""A batch of sources through the pipeline into the database, with a report of what happened.

Each SOURCE (feed URL, OPML file, file or folder) gets a Source row; feeds that an OPML file or
a folder holds get their own rows under it. Every item is processed and stored on its own
(one transaction each), so a failure is recorded and the batch goes on.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from django.utils import timezone

from taimei.news.models import Source
from taimei.news.pipeline import process, sources
from taimei.news.pipeline.document import Document, Options
from taimei.news.services.duplicates import DuplicateFinder
from taimei.news.services.options import options_build
from taimei.news.services.store import StoreResult, article_store, clean_str, failure_record

logger = logging.getLogger(__name__)

Progress = Callable[[Document, StoreResult], None]


@dataclass
class IngestReport:
    """Counts of one batch: items read, and what became of them; failures by reason."""

    read: int = 0
    new: int = 0
    duplicates: int = 0
    unchanged: int = 0
    updated: int = 0
    failures: Counter[str] = field(default_factory=Counter)

    @property
    def failed(self) -> int:
        return sum(self.failures.values())

    def count(self, result: StoreResult, document: Document) -> None:
        self.read += 1
        if result.outcome == "failed":
            self.failures[reason_key(result.reason, document.source)] += 1
        elif result.outcome == "duplicate":
            self.duplicates += 1
        else:
            setattr(self, result.outcome, getattr(self, result.outcome) + 1)

    def merge(self, other: IngestReport) -> None:
        for name in ("read", "new", "duplicates", "unchanged", "updated"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.failures.update(other.failures)

    def summary(self) -> str:
        return (
            f"{self.read} items read: {self.new} new, {self.duplicates} duplicates, "
            f"{self.unchanged} unchanged, {self.updated} updated, {self.failed} failed"
        )


def reason_key(reason: str, item: str) -> str:
    """A failure reason without the item's own path or URL, so like failures count together."""
    text = reason.replace(item, "…") if item else reason
    return " ".join(text.split())[:300] or "unknown error"


def source_kind(location: str) -> str:
    """What a SOURCE argument is, as far as can be told without reading it."""
    if sources.is_url(location):
        return Source.Kind.FEED
    path = Path(location)
    if path.is_dir():
        return Source.Kind.FOLDER
    if path.suffix.lower() in sources.OPML_SUFFIXES:
        return Source.Kind.OPML
    if path.suffix.lower() in sources.FEED_SUFFIXES:
        return Source.Kind.FEED
    return Source.Kind.FILE


def source_register(
    *, location: str, kind: str | None = None, parent: Source | None = None
) -> Source:
    """The Source row for `location` (created on first sight; kind and parent kept up to date)."""
    location = clean_str(location.strip(), 2000)
    if not sources.is_url(location):
        location = str(Path(location).resolve())
    source, created = Source.objects.get_or_create(
        location=location,
        defaults={"kind": kind or source_kind(location), "parent": parent},
    )
    changed = []
    if kind and source.kind != kind:
        source.kind = kind
        changed.append("kind")
    if parent is not None and source.parent_id != parent.pk and source.pk != parent.pk:
        source.parent = parent
        changed.append("parent")
    if changed and not created:
        source.save(update_fields=[*changed, "updated_at"])
    return source


class SourceBatch:
    """One SOURCE argument being ingested: its row, the rows of the feeds it holds, counts."""

    def __init__(self, top: Source, finder: DuplicateFinder, progress: Progress | None) -> None:
        self.top = top
        self.finder = finder
        self.progress = progress
        self.report = IngestReport()
        self.children: dict[str, Source] = {}
        self.counts: Counter[tuple[int, str]] = Counter()
        self.errors: dict[int, str] = {}

    def source_for(self, document: Document) -> Source:
        feed = document.feed_url or self._failed_feed(document)
        if not feed or self._same(feed, self.top.location):
            if self.top.kind == Source.Kind.FEED and not feed and document.error is None:
                self.top.kind = Source.Kind.PAGE  # a URL that gave a page, not a feed
            return self.top
        if feed not in self.children:
            self.children[feed] = source_register(
                location=feed, kind=Source.Kind.FEED, parent=self.top
            )
            if self.top.kind == Source.Kind.FEED and sources.is_url(self.top.location):
                self.top.kind = Source.Kind.OPML
        return self.children[feed]

    def _failed_feed(self, document: Document) -> str | None:
        """A feed listed in this source that could not be read (its error names the feed)."""
        if document.error is None or self.top.kind not in (Source.Kind.OPML, Source.Kind.FOLDER):
            return None
        location = document.source
        if sources.is_url(location) or Path(location).suffix.lower() in sources.FEED_SUFFIXES:
            return location
        return None

    @staticmethod
    def _same(feed: str, location: str) -> bool:
        if sources.is_url(feed):
            return feed.strip() == location
        return str(Path(feed).resolve()) == location

    def store(self, document: Document, options: Options) -> None:
        source = self.source_for(document)
        if document.error is None:
            document = process(document, options)
        try:
            result = article_store(document=document, source=source, finder=self.finder)
        except Exception as exc:  # a database refusal of one item must not end the batch
            logger.exception("storing %s failed", document.source)
            reason = f"could not store the article: {type(exc).__name__}: {exc}"
            failure_record(source=source, item=document.source, stage="store", reason=reason)
            result = StoreResult("failed", reason=reason)
        self.report.count(result, document)
        self.counts[(source.pk, "read")] += 1
        self.counts[(source.pk, result.outcome)] += 1
        if result.outcome == "failed" and document.source in (source.location, document.feed_url):
            self.errors.setdefault(source.pk, result.reason)
        if self.progress is not None:
            self.progress(document, result)

    def finish(self, *, fetched_at: datetime | None = None) -> None:
        now = fetched_at or timezone.now()
        for source in (self.top, *self.children.values()):
            read = self.counts[(source.pk, "read")]
            error = self.errors.get(source.pk, "")
            source.last_fetched_at = now
            source.items_read = read
            source.items_new = self.counts[(source.pk, "new")]
            source.items_total += read
            source.last_status = Source.Status.ERROR if error else Source.Status.OK
            source.last_error = error
            source.save()


def ingest_run(
    *,
    locations: Sequence[str],
    options: Options | None = None,
    progress: Progress | None = None,
) -> IngestReport:
    """Ingest every SOURCE in `locations`; per-item failures are recorded and counted."""
    options = options or options_build()
    finder = DuplicateFinder()
    report = IngestReport()
    for location in locations:
        report.merge(_ingest_one(location, options, finder, progress))
    return report


def _ingest_one(
    location: str, options: Options, finder: DuplicateFinder, progress: Progress | None
) -> IngestReport:
    batch = SourceBatch(source_register(location=location), finder, progress)
    for document in _documents(location, options):
        batch.store(document, options)
    batch.finish()
    return batch.report


def _documents(location: str, options: Options) -> Iterable[Document]:
    if not sources.is_url(location):
        location = str(Path(location).resolve())
    try:
        yield from sources.expand(location, options)
    except Exception as exc:  # expand reports errors as documents; this is the last guard
        logger.exception("expanding %s failed", location)
        yield Document(source=location, error=f"could not read {location}: {exc}")
