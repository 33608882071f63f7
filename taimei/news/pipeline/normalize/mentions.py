"""Dates the text mentions, relative ones (今（27日）, 昨天, 上週三, "on Tuesday") resolved."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from taimei.news.pipeline.normalize.datetimes import MIN_YEAR, ROC_OFFSET
from taimei.news.pipeline.rules import width_fold

# Dates inside the text (matched on the width-folded text, same offsets as the original).
# Every alternative of _IN_TEXT starts with one of these characters (case-insensitively); the
# lookahead lets the scan skip other positions without trying each alternative there. Add the
# first character of any new alternative here.
_FIRST_CHARS = r"民中\d今昨前明同後后大上本這这下tylno"
_WEEKDAYS_ZH = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_WEEKDAYS_EN = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DAY_WORDS = {"今": 0, "同": 0, "昨": -1, "前": -2, "明": 1}
_ALTERNATIVES = (
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
    r"|saturday|sunday)\b"
)
_IN_TEXT = re.compile(rf"(?=[{_FIRST_CHARS}])(?:{_ALTERNATIVES})", re.I)
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


def resolve_dates(text: str, reference: date) -> list[dict[str, Any]]:
    """Every date the text mentions, relative ones resolved against `reference`."""
    found: list[dict[str, Any]] = []
    # Line by line: the extract stage has width-folded these paragraphs already (remembered).
    folded = "\n".join(width_fold(line) for line in text.split("\n"))
    for match in _IN_TEXT.finditer(folded):
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
        year = year + ROC_OFFSET if year < MIN_YEAR else year
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
