"""Stage: language and script, the folded text for matching, and dates with a time zone.

Reads `title`, `paragraphs`, `url`, `feed_url`, `published_at`, `metadata` (`date_text`,
`feed_epoch_ms`, `roc_stamp`, and the source hints `site_name`, `feed_title`, `tags`, ...);
writes `language`, `folded_text`, `published_at` (always timezone-aware; naive times read in
the source's zone), `metadata["time_zone"]` (`{"zone", "rule"}`) and `metadata["dates"]`: the
event dates the text mentions, relative ones (今（27日）, 昨天, 上週三, "on Tuesday") resolved
against the publication date, as
`{"text", "date" (ISO), "start" (offset in Document.text), "kind", "precision"}`.

One module per concern: `language` (script detection), `datetimes` (date fields read into
aware datetimes), `zones` (the source's time zone), `mentions` (dates inside the text).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from taimei.core.text import fold
from taimei.news.pipeline.document import Document, Options
from taimei.news.pipeline.normalize.datetimes import aware, parse_datetime
from taimei.news.pipeline.normalize.language import detect_language
from taimei.news.pipeline.normalize.mentions import resolve_dates
from taimei.news.pipeline.normalize.zones import source_zone

__all__ = [
    "detect_language",
    "normalize",
    "parse_datetime",
    "publication_date",
    "resolve_dates",
    "source_zone",
]

_TAIPEI = ZoneInfo("Asia/Taipei")


def normalize(document: Document, options: Options) -> Document:
    """Language, folded text, an aware publication date and the dates the text mentions."""
    if document.error:
        return document
    try:
        return _normalize(document, options)
    except (ValueError, OverflowError, ZoneInfoNotFoundError) as exc:
        return replace(document, error=f"could not normalise the document: {exc}")


def _normalize(document: Document, options: Options) -> Document:
    ZoneInfo(options.default_timezone)  # a misconfigured default is an error for every item
    text = document.text
    language = detect_language(f"{document.title}\n{text}")
    zone_name, zone_rule = source_zone(document, language, options.default_timezone)
    zone = ZoneInfo(zone_name)
    published = publication_date(document, zone)
    metadata = {**document.metadata, "time_zone": {"zone": zone_name, "rule": zone_rule}}
    reference = published or (aware(options.now, zone) if options.now else None)
    if reference is not None:
        metadata["dates"] = resolve_dates(text, reference.astimezone(zone).date())
    return replace(
        document,
        language=language,
        folded_text=fold(f"{document.title} {text}"),
        published_at=published,
        metadata=metadata,
    )


def publication_date(document: Document, zone: tzinfo) -> datetime | None:
    """The aware publication time: explicit field, then date text, ROC stamp, feed epoch.

    Naive times are read in `zone` (the source's zone); an ROC stamp is always Taiwan's date.
    """
    if document.published_at is not None:
        return aware(document.published_at, zone)
    metadata = document.metadata
    for key, key_zone in (("date_text", zone), ("roc_stamp", _TAIPEI)):
        value = metadata.get(key)
        if isinstance(value, str) and value.strip():
            parsed = parse_datetime(value, key_zone)
            if parsed is not None:
                return parsed
    epoch = metadata.get("feed_epoch_ms")
    if isinstance(epoch, int) and epoch > 0:
        return datetime.fromtimestamp(epoch / 1000, tz=UTC)
    return None
