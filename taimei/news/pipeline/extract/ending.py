"""After the article: unrelated teaser lines that follow its last sentence."""

from __future__ import annotations

from taimei.news.pipeline import rules
from taimei.news.pipeline.extract.matching import TERMINAL, first_match, is_sentence
from taimei.news.pipeline.extract.work import Work

_TEASER_MAX = 40


def trailing(paragraphs: list[str], work: Work) -> list[str]:
    """Unrelated teaser lines after the article's last sentence."""
    kept = list(paragraphs)
    while len(kept) > 1:
        folded = kept[-1].translate(rules.WIDTH_TABLE).strip()
        match = first_match(rules.TRAILING_RULES, folded)
        if match is not None:
            work.record(match[0].name, kept.pop())
        elif _is_teaser(folded) and any(is_sentence(p) for p in kept[:-1]):
            work.record("trailing_short_line", kept.pop())
        else:
            break
    return kept


def _is_teaser(folded: str) -> bool:
    """A short line with no sentence punctuation at all: a link, not the article's ending."""
    return len(folded) <= _TEASER_MAX and not folded.endswith(TERMINAL) and "," not in folded
