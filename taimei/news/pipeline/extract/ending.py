"""After the article: stamps, credits, author notes and unrelated teasers at its end.

These come in any order (a teaser after a stamp glued to the last sentence, a credit line
after a bio), so the families are applied to the end again and again until nothing changes.
Each one looks only at the last paragraph: position is what makes them safe.
"""

from __future__ import annotations

import re

from taimei.news.pipeline import rules
from taimei.news.pipeline.extract.credits import cut_all
from taimei.news.pipeline.extract.matching import TERMINAL, first_match, is_sentence
from taimei.news.pipeline.extract.work import Work

_TEASER_MAX = 40
_NAME_PART = re.compile(r"[A-Za-z][\w'’-]+")


def ending(paragraphs: list[str], work: Work) -> list[str]:
    """Strip everything that follows the article's last sentence, or is glued to its end."""
    kept = list(paragraphs)
    while kept:
        before = len(kept), kept[-1]
        _stamps(kept, work)
        if kept and len(kept) > 1:
            _trailing_line(kept, work)
        if (len(kept), kept[-1] if kept else "") == before:
            break
    return kept


def _stamps(kept: list[str], work: Work) -> None:
    """ROC stamps, end marks and credits at the very end of the last paragraph."""
    text = cut_all(kept[-1], (*rules.STAMP_RULES, *rules.CREDIT_RULES), work)
    if text:
        kept[-1] = text
    else:
        kept.pop()


def _trailing_line(kept: list[str], work: Work) -> None:
    """Drop the last paragraph when it is a teaser or a note about the author."""
    folded = rules.width_fold(kept[-1]).strip()
    match = first_match(rules.TRAILING_RULES, folded)
    if match is not None:
        work.record(match[0].name, kept.pop())
        return
    bio = first_match(rules.BIO_RULES, folded)
    if bio is not None and _names_the_author(bio[1], work):
        work.record(bio[0].name, kept.pop())
        return
    if _is_teaser(folded) and any(is_sentence(p) for p in kept[:-1]):
        work.record("trailing_short_line", kept.pop())


def _names_the_author(match: re.Match[str], work: Work) -> bool:
    """A bio rule with a `name` group fires only for the byline's author (or a part of it)."""
    name = match.groupdict().get("name")
    if name is None:
        return True
    if not work.author:
        return False
    author_parts = {part.casefold() for part in _NAME_PART.findall(work.author)}
    return {part.casefold() for part in _NAME_PART.findall(name)} <= author_parts


def _is_teaser(folded: str) -> bool:
    """A short line with no sentence punctuation at all: a link, not the article's ending."""
    return len(folded) <= _TEASER_MAX and not folded.endswith(TERMINAL) and "," not in folded
