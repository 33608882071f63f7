"""Date fields as sources write them, read into aware datetimes.

dateparser (installed with trafilatura) reads 2020年8月13日 and RFC 822 dates but not ROC
dates (109年8月13日, the 1090813 stamp), and it is slow; the small parsers here handle the forms
Taiwanese, Chinese and U.S. sources use, and dateparser is only the last resort for a
structured date field nothing else reads.
"""

from __future__ import annotations

import re
from contextlib import suppress
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from email.utils import parsedate_to_datetime
from typing import Any
from zoneinfo import ZoneInfo

from taimei.news.pipeline.rules import WIDTH_TABLE, ZONE_ABBREVIATIONS

ROC_OFFSET = 1911
MIN_YEAR, MAX_YEAR = 1900, 2100

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
_MONTH += r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_CLOCK = (
    r"(?:\s*(?:T|\s)?\s*(?P<ampm1>上午|下午|凌晨|晚上|中午)?\s*(?P<hour>\d{1,2})\s*[:時点點]\s*"
)
_CLOCK += (
    r"(?P<minute>\d{2})?(?:\s*[:分]\s*(?P<second>\d{2})(?:\.\d+)?)?\s*(?P<ampm2>[ap]\.?m\.?)?)?"
)
_ABBREVIATIONS = "|".join(sorted(ZONE_ABBREVIATIONS, key=len, reverse=True))
_ZONE = rf"\s*(?P<zone>Z|UTC|GMT|[+-]\d{{2}}:?\d{{2}}|(?-i:(?:{_ABBREVIATIONS})(?![A-Za-z])))?"

_NUMERIC = rf"(?P<y>\d{{4}})\s*[-/.]\s*(?P<m>\d{{1,2}})\s*[-/.]\s*(?P<d>\d{{1,2}}){_CLOCK}{_ZONE}"
_CHINESE = (
    r"(?:民國|中華民國)?\s*(?P<y>\d{2,4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日號号]?"
    rf"{_CLOCK}{_ZONE}"
)
_ENGLISH_MDY = (
    rf"(?:\w+,\s*)?{_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}}){_CLOCK}{_ZONE}"
)
_ENGLISH_DMY = rf"(?:\w+,\s*)?(?P<d>\d{{1,2}})\s+{_MONTH}\s+(?P<y>\d{{4}}){_CLOCK}{_ZONE}"
_FORMS = ((_NUMERIC, False), (_CHINESE, True), (_ENGLISH_MDY, False), (_ENGLISH_DMY, False))
# (pattern for a whole field, pattern for a date inside other words, years may be ROC years)
_PATTERNS = tuple(
    (re.compile(rf"^{body}\s*$", re.I), re.compile(rf"(?<![\dA-Za-z]){body}(?!\d)", re.I), roc)
    for body, roc in _FORMS
)
_ROC_STAMP = re.compile(r"^(?P<y>0?\d{2}|1\d{2})(?P<m>\d{2})(?P<d>\d{2})$")
_EPOCH = re.compile(r"^\d{10}(?:\d{3})?$")


def parse_datetime(value: str, zone: tzinfo | str) -> datetime | None:
    """An aware datetime from a date field as sources write it; naive times get `zone`.

    Reads ISO 8601, RFC 822, 2026/01/27 10:30, 2020年8月13日 下午2:05, 109年8月13日 (ROC),
    1090813 stamps, epoch seconds or milliseconds, Aug. 13, 2020 and 13 August 2020, zone
    abbreviations (10:30 a.m. ET), and such a date inside other words (a byline, a label).
    """
    tz = ZoneInfo(zone) if isinstance(zone, str) else zone
    text = " ".join(value.translate(WIDTH_TABLE).split())
    if not text:
        return None
    parsed = _parse_known(text, tz) or _search_known(text, tz) or _parse_with_dateparser(text)
    if parsed is None or not MIN_YEAR <= parsed.year <= MAX_YEAR:
        return None
    return aware(parsed, tz)


def _parse_known(text: str, tz: tzinfo) -> datetime | None:
    if _EPOCH.match(text):
        seconds = int(text) / (1000 if len(text) == 13 else 1)
        return datetime.fromtimestamp(seconds, tz=UTC)
    stamp = _ROC_STAMP.match(text)
    if stamp:
        return _build(stamp.groupdict(), tz, roc=True)
    with suppress(ValueError):
        return datetime.fromisoformat(text)
    for whole, _, roc in _PATTERNS:
        match = whole.match(text)
        if match:
            return _build(match.groupdict(), tz, roc=roc)
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


def _search_known(text: str, tz: tzinfo) -> datetime | None:
    """The first date written inside other words: "發布時間：2025/03/05 09:12", "Updated June
    4, 2025 3:00 p.m. ET", a byline with its date."""
    found = [(match, roc) for _, loose, roc in _PATTERNS if (match := loose.search(text))]
    for match, roc in sorted(found, key=lambda item: item[0].start()):
        built = _build(match.groupdict(), tz, roc=roc)
        if built is not None:
            return built
    return None


def _build(groups: dict[str, Any], tz: tzinfo, *, roc: bool) -> datetime | None:
    """A datetime from matched parts; two- and three-digit years are ROC years."""
    year = int(groups["y"])
    if roc and year < MIN_YEAR:
        year += ROC_OFFSET
    month = _MONTHS[groups["mon"].lower().rstrip(".")] if groups.get("mon") else int(groups["m"])
    hour = int(groups.get("hour") or 0)
    marker = (groups.get("ampm1") or groups.get("ampm2") or "").lower().replace(".", "")
    if marker in ("下午", "晚上", "pm") and hour < 12:
        hour += 12
    elif marker in ("am", "凌晨") and hour == 12:
        hour = 0
    try:
        return datetime.combine(
            date(year, month, int(groups["d"])),
            time(hour, int(groups.get("minute") or 0), int(groups.get("second") or 0)),
            tzinfo=_zone(groups.get("zone"), tz),
        )
    except ValueError:
        return None


def _zone(label: str | None, default: tzinfo) -> tzinfo:
    if not label:
        return default
    if label.upper() in ("Z", "UTC", "GMT"):
        return UTC
    if label in ZONE_ABBREVIATIONS:
        return ZoneInfo(ZONE_ABBREVIATIONS[label])
    sign = -1 if label[0] == "-" else 1
    digits = label[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))


def _parse_with_dateparser(text: str) -> datetime | None:
    """Last resort for structured date fields only; imported lazily because it is slow."""
    import dateparser  # about half a second to import and rarely needed: not at start-up

    result = dateparser.parse(text, settings={"STRICT_PARSING": True})
    return result if isinstance(result, datetime) else None


def aware(moment: datetime, zone: tzinfo) -> datetime:
    """`moment` itself when it carries a zone; a naive one is read as local time in `zone`."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=zone)
