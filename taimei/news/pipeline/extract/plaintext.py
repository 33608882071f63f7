"""Plain text and Markdown bodies: one paragraph per line, and a scrape's header lines."""

from __future__ import annotations

import re

from taimei.news.pipeline import rules
from taimei.news.pipeline.extract.matching import TERMINAL, first_match
from taimei.news.pipeline.extract.work import Work

_HEADLINE_MAX = 100
_SECTION_MAX = 8
_MD_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\([^)]*\)")
_MD_LINK = re.compile(r"\[(?P<text>[^\]]+)\]\([^)]*\)")
_MD_MARKS = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?|[*+-]\s+)|\*\*|__")


def text_paragraphs(markup: str, work: Work) -> list[str]:
    """Paragraphs of plain text (or a Markdown body): one per line, hard wraps rejoined."""
    found: list[str] = []
    for raw in markup.split("\n"):
        line = raw.strip().strip("\u3000").strip()
        image = _MD_IMAGE.search(line)
        if image:
            if image.group("alt").strip():
                work.captions.append(image.group("alt").strip())
            line = _MD_IMAGE.sub("", line).strip()
        line = _MD_MARKS.sub("", _MD_LINK.sub(r"\g<text>", line)).strip()
        found.append(line)
    return _rejoin(found)


def _rejoin(found: list[str]) -> list[str]:
    """Join hard-wrapped lines: a long line without end punctuation continues on the next."""
    paragraphs: list[str] = []
    joinable = False
    for line in found:
        if not line:
            joinable = False
            continue
        if joinable and paragraphs:
            glue = " " if paragraphs[-1][-1].isascii() and line[0].isascii() else ""
            paragraphs[-1] = paragraphs[-1] + glue + line
        else:
            paragraphs.append(line)
        last = paragraphs[-1]
        joinable = len(line) >= 60 and not line.endswith(TERMINAL) and line.isascii()
        joinable = joinable and not last.endswith(TERMINAL)
    return paragraphs


def lead(paragraphs: list[str], work: Work) -> list[str]:
    """Scraped text: date line, section line and headline before the article."""
    rest = list(paragraphs)
    while rest:
        folded = rules.width_fold(rest[0]).strip()
        match = first_match(rules.LEAD_RULES, folded)
        if match is not None:
            rule, found = match
            work.metadata.setdefault("date_text", found.group("date"))
            work.record(rule.name, rest.pop(0))
        elif folded in rules.SECTIONS and len(folded) <= _SECTION_MAX:
            work.section = work.section or folded
            work.record("section_line", rest.pop(0))
        else:
            break
    if rest and not work.title and _is_headline(rest[0]) and len(rest) > 1:
        work.title = rest[0]
        work.record("headline", rest.pop(0))
    return rest


def _is_headline(line: str) -> bool:
    return len(line) <= _HEADLINE_MAX and not line.endswith(("。", "！", "？", ".", "!", "?"))
