"""How a rule family is matched against a paragraph, and what reads as a real sentence."""

from __future__ import annotations

import re
from collections.abc import Iterable

from taimei.news.pipeline.rules import Rule

TERMINAL = tuple('。！？!?.…」』”"）)】]；;')
_BREAKS = re.compile(r"\n\s*")
_CLAUSE = re.compile(r"[，,、：:；;]|\s\w+\s\w+\s")


def is_sentence(text: str) -> bool:
    """A paragraph that reads as prose: a clause break and sentence punctuation at the end."""
    stripped = text.rstrip()
    return stripped.endswith(TERMINAL) and bool(_CLAUSE.search(stripped))


def first_match(family: Iterable[Rule], folded: str) -> tuple[Rule, re.Match[str]] | None:
    """The first rule of the family that may judge this paragraph and matches it."""
    sentence: bool | None = None  # asked once, and only if a rule needs to know
    for rule in family:
        if rule.max_length is not None and len(folded) > rule.max_length:
            continue
        if not rule.sentences:
            if sentence is None:
                sentence = is_sentence(folded)
            if sentence:
                continue
        found = rule.pattern.search(folded)
        if found:
            return rule, found
    return None


def cut_match(family: Iterable[Rule], folded: str) -> tuple[Rule, re.Match[str]] | None:
    """The first rule whose match (not the paragraph) fits its length limit."""
    for rule in family:
        match = rule.pattern.search(folded)
        if match is None or (rule.max_length is not None and len(match[0]) > rule.max_length):
            continue
        if rule.sentences or not is_sentence(folded) or match.end() < len(folded.rstrip()):
            return rule, match
    return None


def lines(text: str) -> list[str]:
    """Non-empty lines with their whitespace collapsed.

    Split where a line break and the whitespace after it end (blank lines and indentation
    vanish in C, not one Python step per line of a page's block reading)."""
    return [" ".join(words) for chunk in _BREAKS.split(text) if (words := chunk.split())]
