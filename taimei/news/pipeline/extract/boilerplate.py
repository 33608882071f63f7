"""Whole paragraphs that are furniture: widgets, promos, related-link blocks and captions."""

from __future__ import annotations

from taimei.news.pipeline import rules
from taimei.news.pipeline.extract.matching import first_match, is_sentence
from taimei.news.pipeline.extract.work import Work

_BLOCK_LINE_MAX = 100


def paragraph_rules(paragraphs: list[str], work: Work) -> list[str]:
    """Whole-paragraph rules: boilerplate, related-link blocks, captions."""
    kept: list[str] = []
    in_block: str | None = None
    for paragraph in paragraphs:
        folded = rules.width_fold(paragraph)
        if in_block and not is_sentence(folded) and len(folded) <= _BLOCK_LINE_MAX:
            work.record(in_block, paragraph)
            continue
        in_block = None
        match = first_match((*rules.DROP_RULES, *rules.BLOCK_RULES, *rules.CAPTION_RULES), folded)
        if match is None:
            kept.append(paragraph)
            continue
        rule = match[0]
        if rule.kind == "caption":
            work.captions.append(paragraph)
        work.record(rule.name, paragraph)
        in_block = rule.name if rule.kind == "block" else None
    return kept
