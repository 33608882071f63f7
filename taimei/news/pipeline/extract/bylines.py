"""Bylines: the reporter, agency and dateline at the head of the article become metadata."""

from __future__ import annotations

import re

from taimei.news.pipeline import rules
from taimei.news.pipeline.extract.matching import cut_match
from taimei.news.pipeline.extract.work import Work

_LEADING_WINDOW = 3
_AUTHOR_PREFIX = re.compile(r"^(?:(?:實習|特派)?記者|记者|文\s*[/／]|撰文\s*[/／:：]|by\s+)", re.I)


def bylines(paragraphs: list[str], work: Work) -> list[str]:
    """Bylines at the start of the first paragraphs (or alone on a line) become the author."""
    kept: list[str] = []
    for index, paragraph in enumerate(paragraphs):
        folded = rules.width_fold(paragraph)
        found = cut_match(rules.BYLINE_RULES, folded)
        whole = found is not None and not folded[found[1].end() :].strip()
        if found is None or not (index < _LEADING_WINDOW or whole):
            kept.append(paragraph)
            continue
        rule, match = found
        _take_byline(match, work)
        work.record(rule.name, paragraph[: match.end()].strip())
        rest = paragraph[match.end() :].strip()
        if rest:
            kept.append(rest)
    return kept


def _take_byline(match: re.Match[str], work: Work) -> None:
    groups = {key: value for key, value in match.groupdict().items() if value}
    author = groups.get("author")
    if "who" in groups or ("agency" in groups and "day" in groups):
        author, place = split_reporter_place(groups.get("who", "") + groups.get("place", ""))
        work.metadata["dateline"] = {"place": place, "day": groups.get("day")}
    elif groups.get("place"):
        work.metadata["dateline"] = {"place": groups["place"]}
    for key in ("agency", "outlet"):
        if key in groups:
            work.metadata[key] = groups[key]
    if author:
        if work.author and work.author != author:
            work.metadata.setdefault("feed_author", work.author)
        work.author = author.strip()
        work.bylined = True


def split_reporter_place(text: str) -> tuple[str | None, str]:
    """Split CNA's run-together 楊舒晴台北 into reporter(s) and dateline place."""
    for place in sorted(rules.PLACES, key=len, reverse=True):
        if text.endswith(place):
            names = text[: -len(place)].strip("、 ")
            return names or None, place
    names, _, last = text.rpartition("、")
    name_length = 3 if len(last) >= 5 else 2  # most Taiwanese names have three characters
    if len(last) <= name_length:
        return None, text
    reporter = f"{names}、{last[:name_length]}" if names else last[:name_length]
    return reporter, last[name_length:]


def clean_author(author: str | None) -> str | None:
    """Feed authors come as 記者黃小華, By Jane Doe or 文／王小明: keep the name."""
    if not author:
        return None
    name = _AUTHOR_PREFIX.sub("", author.strip()).strip()
    name = rules.AUTHOR_SUFFIX.sub("", name).strip()
    return name or None
