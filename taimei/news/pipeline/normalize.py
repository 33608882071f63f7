"""Stage: language and script, the folded text for matching, and dates with a time zone.

Reads `title`, `paragraphs`, `published_at`, `metadata` (`date_text`, `feed_epoch_ms`,
`roc_stamp`); writes `language`, `folded_text`, `published_at` (always timezone-aware) and
`metadata["dates"]`: the event dates the text mentions, relative ones (今（27日）, 昨天, 上週三,
"on Tuesday") resolved against the publication date, as
`{"text", "date" (ISO), "start" (offset in Document.text), "kind", "precision"}`.

dateparser (installed with trafilatura) reads 2020年8月13日 and RFC 822 dates but not ROC
dates (109年8月13日, the 1090813 stamp) nor relative Chinese dates like 今（27日）, and it is
slow; the small parsers here handle the forms Taiwanese, Chinese and U.S. sources use, and
dateparser is only the last resort for a structured date field nothing else reads.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from email.utils import parsedate_to_datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from taimei.core.text import fold, to_simplified, to_traditional
from taimei.news.pipeline.document import Document, Options
from taimei.news.pipeline.rules import WIDTH_TABLE

_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")
_LETTERS_PER_HAN = 4  # one Han character carries about as much as four Latin letters
_ROC_OFFSET = 1911
_MIN_YEAR, _MAX_YEAR = 1900, 2100

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
_ZONE = r"\s*(?P<zone>Z|UTC|GMT|[+-]\d{2}:?\d{2})?"

_NUMERIC = re.compile(
    rf"^(?P<y>\d{{4}})\s*[-/.]\s*(?P<m>\d{{1,2}})\s*[-/.]\s*(?P<d>\d{{1,2}}){_CLOCK}{_ZONE}\s*$",
    re.I,
)
_CHINESE = re.compile(
    r"^(?:民國|中華民國)?\s*(?P<y>\d{2,4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日號号]?"
    rf"{_CLOCK}{_ZONE}\s*$",
    re.I,
)
_ENGLISH_MDY = re.compile(
    rf"^(?:\w+,\s*)?{_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}}){_CLOCK}{_ZONE}\s*$",
    re.I,
)
_ENGLISH_DMY = re.compile(
    rf"^(?:\w+,\s*)?(?P<d>\d{{1,2}})\s+{_MONTH}\s+(?P<y>\d{{4}}){_CLOCK}{_ZONE}\s*$", re.I
)
_ROC_STAMP = re.compile(r"^(?P<y>0?\d{2}|1\d{2})(?P<m>\d{2})(?P<d>\d{2})$")
_EPOCH = re.compile(r"^\d{10}(?:\d{3})?$")

# Dates inside the text (matched on the width-folded text, same offsets as the original).
_WEEKDAYS_ZH = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_WEEKDAYS_EN = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DAY_WORDS = {"今": 0, "同": 0, "昨": -1, "前": -2, "明": 1}
_IN_TEXT = re.compile(
    r"(?P<full>(?:民國|中華民國)?(?<!\d)(?P<fy>\d{4}|1\d{2}|[89]\d)\s*年\s*(?P<fm>\d{1,2})\s*月"
    r"\s*(?P<fd>\d{1,2})\s*[日號号])"
    r"|(?P<iso>(?<!\d)(?P<iy>(?:19|20)\d{2})[-/.](?P<im>\d{1,2})[-/.](?P<id>\d{1,2})(?!\d))"
    r"|(?P<md>(?<![\d年])(?P<mm>\d{1,2})\s*月\s*(?P<md_d>\d{1,2})\s*[日號号])"
    r"|(?P<word>[今昨前明同])\s*\(\s*(?P<wd>\d{1,2})\s*\)?\s*日\)?"
    r"|(?P<rel>今天|今日|昨天|昨日|前天|明天|明日|後天|后天|大前天)"
    r"|(?P<week>[上本這这下])(?:週|周|星期|禮拜|礼拜)(?P<wday>[一二三四五六日天])?"
    r"|(?P<month>[上本下])(?:個)?月\s*(?P<month_d>\d{1,2})\s*[日號号]"
    r"|\b(?P<en_rel>today|yesterday|tomorrow|last week|next week)\b"
    r"|\b(?P<en_mod>on|last|next|this)\s+(?P<en_day>monday|tuesday|wednesday|thursday|friday"
    r"|saturday|sunday)\b",
    re.I,
)
_REL_OFFSETS = {
    "今天": 0,
    "今日": 0,
    "昨天": -1,
    "昨日": -1,
    "前天": -2,
    "大前天": -3,
    "明天": 1,
    "明日": 1,
    "後天": 2,
    "后天": 2,
    "today": 0,
    "yesterday": -1,
    "tomorrow": 1,
}


def normalize(document: Document, options: Options) -> Document:
    """Language, folded text, an aware publication date and the dates the text mentions."""
    if document.error:
        return document
    try:
        return _normalize(document, options)
    except (ValueError, OverflowError, ZoneInfoNotFoundError) as exc:
        return replace(document, error=f"could not normalise the document: {exc}")


def _normalize(document: Document, options: Options) -> Document:
    zone = ZoneInfo(options.default_timezone)
    text = document.text
    published = publication_date(document, zone)
    metadata = dict(document.metadata)
    reference = published or (_aware(options.now, zone) if options.now else None)
    if reference is not None:
        metadata["dates"] = resolve_dates(text, reference.astimezone(zone).date())
    return replace(
        document,
        language=detect_language(f"{document.title}\n{text}"),
        folded_text=fold(f"{document.title} {text}"),
        published_at=published,
        metadata=metadata,
    )


# --- language ------------------------------------------------------------------------------


def detect_language(text: str) -> str | None:
    """zh-Hant, zh-Hans or en; None when the text has no letters to judge by.

    The script is whichever conversion changes less: Traditional text changes a lot under
    t2s and little under s2t (only variants such as 台 → 臺), Simplified text the reverse.
    """
    han = len(_HAN.findall(text))
    latin = len(_LATIN.findall(text))
    if han == 0 and latin == 0:
        return None
    if han * _LETTERS_PER_HAN < latin:
        return "en"
    chinese = "".join(_HAN.findall(text))
    traditional_only = _changed(chinese, to_simplified(chinese))
    simplified_only = _changed(chinese, to_traditional(chinese))
    return "zh-Hans" if simplified_only > traditional_only else "zh-Hant"


def _changed(original: str, converted: str) -> int:
    """Characters a conversion changed (OpenCC keeps lengths for single characters)."""
    differing = sum(1 for a, b in zip(original, converted, strict=False) if a != b)
    return differing + abs(len(original) - len(converted))


# --- publication date ----------------------------------------------------------------------


def publication_date(document: Document, zone: tzinfo) -> datetime | None:
    """The aware publication time: explicit field, then date text, feed epoch, ROC stamp."""
    if document.published_at is not None:
        return _aware(document.published_at, zone)
    metadata = document.metadata
    for key in ("date_text", "roc_stamp"):
        value = metadata.get(key)
        if isinstance(value, str) and value.strip():
            parsed = parse_datetime(value, zone)
            if parsed is not None:
                return parsed
    epoch = metadata.get("feed_epoch_ms")
    if isinstance(epoch, int) and epoch > 0:
        return datetime.fromtimestamp(epoch / 1000, tz=UTC)
    return None


def parse_datetime(value: str, zone: tzinfo | str) -> datetime | None:
    """An aware datetime from a date field as sources write it; naive times get `zone`.

    Reads ISO 8601, RFC 822, 2026/01/27 10:30, 2020年8月13日 下午2:05, 109年8月13日 (ROC),
    1090813 stamps, epoch seconds or milliseconds, Aug. 13, 2020 and 13 August 2020.
    """
    tz = ZoneInfo(zone) if isinstance(zone, str) else zone
    text = " ".join(value.translate(WIDTH_TABLE).split())
    if not text:
        return None
    parsed = _parse_known(text, tz)
    if parsed is None:
        parsed = _parse_with_dateparser(text)
    if parsed is None or not _MIN_YEAR <= parsed.year <= _MAX_YEAR:
        return None
    return _aware(parsed, tz)


def _parse_known(text: str, tz: tzinfo) -> datetime | None:
    if _EPOCH.match(text):
        seconds = int(text) / (1000 if len(text) == 13 else 1)
        return datetime.fromtimestamp(seconds, tz=UTC)
    stamp = _ROC_STAMP.match(text)
    if stamp:
        return _build(stamp.groupdict(), tz, roc=True)
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        pass
    for pattern in (_NUMERIC, _CHINESE, _ENGLISH_MDY, _ENGLISH_DMY):
        match = pattern.match(text)
        if match:
            return _build(match.groupdict(), tz, roc=pattern is _CHINESE)
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


def _build(groups: dict[str, Any], tz: tzinfo, *, roc: bool) -> datetime | None:
    """A datetime from matched parts; two- and three-digit years are ROC years."""
    year = int(groups["y"])
    if roc and year < _MIN_YEAR:
        year += _ROC_OFFSET
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
    sign = -1 if label[0] == "-" else 1
    digits = label[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))


def _parse_with_dateparser(text: str) -> datetime | None:
    """Last resort for structured date fields only; imported lazily because it is slow."""
    import dateparser  # about half a second to import and rarely needed: not at start-up

    result = dateparser.parse(text, settings={"STRICT_PARSING": True})
    return result if isinstance(result, datetime) else None


def _aware(moment: datetime, zone: tzinfo) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=zone)


# --- dates in the text ---------------------------------------------------------------------


def resolve_dates(text: str, reference: date) -> list[dict[str, Any]]:
    """Every date the text mentions, relative ones resolved against `reference`."""
    found: list[dict[str, Any]] = []
    for match in _IN_TEXT.finditer(text.translate(WIDTH_TABLE)):
        resolved = _resolve(match, reference)
        if resolved is None:
            continue
        day, kind, precision = resolved
        found.append(
            {
                "text": text[match.start() : match.end()],
                "date": day.isoformat(),
                "start": match.start(),
                "kind": kind,
                "precision": precision,
            }
        )
    return found


def _resolve(match: re.Match[str], reference: date) -> tuple[date, str, str] | None:
    groups = match.groupdict()
    if groups["full"]:
        year = int(groups["fy"])
        year = year + _ROC_OFFSET if year < _MIN_YEAR else year
        return _absolute(year, int(groups["fm"]), int(groups["fd"]))
    if groups["iso"]:
        return _absolute(int(groups["iy"]), int(groups["im"]), int(groups["id"]))
    if groups["md"]:
        return _month_day(int(groups["mm"]), int(groups["md_d"]), reference)
    if groups["word"]:
        expected = reference + timedelta(days=_DAY_WORDS[groups["word"]])
        return _nearest_day(int(groups["wd"]), expected)
    if groups["rel"] or groups["en_rel"]:
        return _relative_word((groups["rel"] or groups["en_rel"]).lower(), reference)
    if groups["week"]:
        return _week(groups["week"], groups["wday"], reference)
    if groups["month"]:
        return _month_relative(groups["month"], int(groups["month_d"]), reference)
    return _english_weekday(groups["en_mod"].lower(), groups["en_day"].lower(), reference)


def _absolute(year: int, month: int, day: int) -> tuple[date, str, str] | None:
    try:
        return date(year, month, day), "absolute", "day"
    except ValueError:
        return None


def _month_day(month: int, day: int, reference: date) -> tuple[date, str, str] | None:
    """8月13日 without a year: the year that puts it nearest the reference date."""
    candidates = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        return None
    return min(candidates, key=lambda day_: abs(day_ - reference)), "absolute", "day"


def _nearest_day(day: int, expected: date) -> tuple[date, str, str] | None:
    """今（27日）: the date with that day of the month nearest the expected one."""
    candidates = []
    for months_back in (-1, 0, 1):
        year, month = _shift_month(expected.year, expected.month, months_back)
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        return None
    return min(candidates, key=lambda day_: abs(day_ - expected)), "relative", "day"


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _relative_word(word: str, reference: date) -> tuple[date, str, str] | None:
    if word in _REL_OFFSETS:
        return reference + timedelta(days=_REL_OFFSETS[word]), "relative", "day"
    weeks = {"last week": -1, "next week": 1}
    monday = reference - timedelta(days=reference.weekday())
    return monday + timedelta(weeks=weeks[word]), "relative", "week"


def _week(which: str, weekday: str | None, reference: date) -> tuple[date, str, str]:
    """上週三 → Wednesday of the previous week; 上週 alone → that week's Monday."""
    shift = {"上": -1, "本": 0, "這": 0, "这": 0, "下": 1}[which]
    monday = reference - timedelta(days=reference.weekday()) + timedelta(weeks=shift)
    if weekday is None:
        return monday, "relative", "week"
    return monday + timedelta(days=_WEEKDAYS_ZH[weekday]), "relative", "day"


def _month_relative(which: str, day: int, reference: date) -> tuple[date, str, str] | None:
    year, month = _shift_month(reference.year, reference.month, {"上": -1, "本": 0, "下": 1}[which])
    try:
        return date(year, month, day), "relative", "day"
    except ValueError:
        return None


def _english_weekday(modifier: str, day_name: str, reference: date) -> tuple[date, str, str]:
    """AP style: a bare weekday means the past seven days; "next" looks forward."""
    weekday = _WEEKDAYS_EN.index(day_name)
    if modifier == "next":
        ahead = (weekday - reference.weekday()) % 7 or 7
        return reference + timedelta(days=ahead), "relative", "day"
    if modifier == "this":
        monday = reference - timedelta(days=reference.weekday())
        return monday + timedelta(days=weekday), "relative", "day"
    back = (reference.weekday() - weekday) % 7
    if modifier == "last" and back == 0:
        back = 7
    return reference - timedelta(days=back), "relative", "day"
