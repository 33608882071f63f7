"""The shape of a rule, the text fragments several rule families share, and width folding."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True, slots=True)
class Rule:
    """One named pattern and what the extract stage does when it matches."""

    name: str
    kind: str
    pattern: re.Pattern[str]
    max_length: int | None = None
    sentences: bool = False


@dataclass(frozen=True, slots=True)
class ZoneRule:
    """A hint about the source that says which time zone its naive times are written in."""

    name: str
    kind: str  # "zone"
    pattern: re.Pattern[str]
    zone: str


def zone_rule(name: str, pattern: str, zone: str, flags: int = 0) -> ZoneRule:
    return ZoneRule(name, "zone", re.compile(pattern, flags), zone)


def rule(
    name: str,
    kind: str,
    pattern: str,
    max_length: int | None = None,
    *,
    sentences: bool = False,
    flags: int = re.IGNORECASE,
    starts: str | None = None,
) -> Rule:
    """A rule; `starts` lists (as the inside of a character class) every character a match
    can begin with, so a search steps over other positions in C instead of trying each
    alternative there: worth it for case-insensitive patterns of many alternatives, which the
    regex engine cannot skip through on its own."""
    if starts is not None:
        pattern = f"(?=[{starts}])(?:{pattern})"
    return Rule(name, kind, re.compile(pattern, flags), max_length, sentences)


# Chinese names: 2–4 Han characters (or a transliterated name with the middle dot).
NAME = r"[\u4e00-\u9fff][\u4e00-\u9fff·‧]{1,5}"
NAMES = rf"{NAME}(?:\s*[、,，及與和]\s*{NAME})*"
OUTLETS = (
    r"自由時報|聯合報|聯合新聞網|中國時報|中時新聞網|工商時報|經濟日報|蘋果日報|ETtoday|東森新聞"
    r"|三立新聞|TVBS|民視|公視|台視|華視|中視|鏡週刊|鏡新聞|上報|風傳媒|新頭殼|Newtalk|今周刊"
    r"|商業周刊|天下雜誌|數位時代|科技新報|鉅亨網|中央社|NOWnews|今日新聞|太報|匯流新聞網"
)
REPORTER = (
    r"(?:本報|本报)?(?:實習|实习|特派|駐[\u4e00-\u9fff]{1,4}|驻[\u4e00-\u9fff]{1,4}|文字)?"
    r"(?:記者|记者)"
)
EN_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
EN_DATE = (
    rf"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
    rf"(?:{EN_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+{EN_MONTH}\s+\d{{4}})"
)
EN_NAME = r"[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|de|van|von|da|del|bin)){0,3}"


# Full-width ASCII and the ideographic space folded to half width, one character for one, so
# a match on the folded paragraph cuts the original at the same offsets.
WIDTH_TABLE: dict[int, int] = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {
    0x3000: 0x20
}


_REMEMBERED_MAX = 4000  # characters; a worker keeps at most 256 such folds


def width_fold(paragraph: str) -> str:
    """`paragraph` through `WIDTH_TABLE`, remembered when it is paragraph-sized: the rule
    families of the extract stage each fold the same paragraphs again, and translating
    through a dict costs a lookup per character."""
    if len(paragraph) > _REMEMBERED_MAX:
        return paragraph.translate(WIDTH_TABLE)
    return _remembered_width_fold(paragraph)


@lru_cache(maxsize=256)
def _remembered_width_fold(paragraph: str) -> str:
    return paragraph.translate(WIDTH_TABLE)
