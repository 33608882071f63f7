"""Which time zone a source writes its naive times in, from what the source says about itself.

Explicit offsets are always kept; this only decides how to read "2025-10-06" or "09:12". The
source's own hints come first (`rules.ZONE_RULES` over its URL, site name, outlet and a feed
mirror's region tag), then the language: Simplified Chinese is a mainland source, English a
U.S. outlet in the zone of a U.S. place its dateline or headline names (Eastern by default),
Traditional Chinese the configured default (Asia/Taipei).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from taimei.news.pipeline import rules
from taimei.news.pipeline.document import Document

_US_ZONE_PREFIXES = ("America/", "Pacific/Honolulu")


def source_zone(document: Document, language: str | None, default: str) -> tuple[str, str]:
    """(IANA zone, the name of the rule that chose it) for the document's naive times."""
    for hint in _hints(document):
        for rule in rules.ZONE_RULES:
            if rule.pattern.search(hint):
                return rule.zone, rule.name
        us_zone = _us_place_zone(hint)
        if us_zone:
            return us_zone, "zone_us_outlet_place"
    if language == "en":
        return _english_zone(document)
    if language in rules.LANGUAGE_ZONES:
        return rules.LANGUAGE_ZONES[language], f"zone_language_{language}"
    return default, "zone_default"


def _hints(document: Document) -> Iterator[str]:
    """What the source says about itself: addresses, site and outlet names, region tags."""
    metadata = document.metadata
    for value in (document.url, document.feed_url):
        if value:
            yield _host(value)
    for key in ("site_name", "feed_title", "feed_author", "outlet", "agency", "origin"):
        yield from _strings(metadata.get(key))
    for key in ("tags", "categories"):
        yield from _strings(metadata.get(key))
    front = metadata.get("front_matter")
    if isinstance(front, dict):
        yield from _strings(front.get("author"))


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str) and value.strip():
        yield value
    elif isinstance(value, list):
        yield from (item for item in value if isinstance(item, str) and item.strip())


def _host(url: str) -> str:
    rest = url.split("://", 1)[-1]
    return rest.split("/", 1)[0].split("?", 1)[0] + "/"


def _us_place_zone(text: str) -> str | None:
    """The zone of the first U.S. place a name or headline names ("Ohio Commerce Journal")."""
    for match in rules.PLACE_NAME.finditer(text):
        zone = rules.PLACE_ZONES[match[0].casefold()]
        if zone.startswith(_US_ZONE_PREFIXES):
            return zone
    return None


def _english_zone(document: Document) -> tuple[str, str]:
    first = document.paragraphs[0] if document.paragraphs else ""
    dateline = rules.ENGLISH_DATELINE.match(first)
    if dateline:
        zone = rules.PLACE_ZONES.get(" ".join(dateline["place"].split()).casefold())
        if zone:
            return zone, "zone_english_dateline"
    headline = _us_place_zone(document.title)
    if headline:
        return headline, "zone_english_headline_place"
    return rules.LANGUAGE_ZONES["en"], "zone_language_en"
