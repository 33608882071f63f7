"""Highlighted snippets: pick the densest window of the original text, escape it, then mark.

Matching happens on the script-folded form (so 台積電 marks 台积电 in a Simplified text) and
the marks are placed on the original characters; folding keeps one character per character,
so positions carry over (text whose folding changes length is matched character by character).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from taimei.search.text import is_cjk, normalise

WINDOW = 160
MAX_TEXT = 4000


def _folded(text: str) -> str:
    folded = normalise(text)
    if len(folded) == len(text):
        return folded
    return "".join(normalise(ch)[:1] or " " for ch in text)


@lru_cache(maxsize=256)
def _pattern(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    parts = []
    for term in terms[:40]:
        if not term.strip():
            continue
        if is_cjk(term.replace(" ", "")):
            parts.append(re.escape(term))
        else:  # a stem marks the whole word: tariff → tariffs
            parts.append(rf"(?<![^\W_]){re.escape(term)}[^\W_]*")
    return re.compile("|".join(parts)) if parts else None


def spans(text: str, terms: Sequence[str], *, folded: str | None = None) -> list[tuple[int, int]]:
    """Non-overlapping (start, end) of query terms in `text`, compared script-folded."""
    pattern = _pattern(tuple(terms))
    if pattern is None:
        return []
    if folded is None or len(folded) != len(text):
        folded = _folded(text)
    return [m.span() for m in pattern.finditer(folded) if m.end() > m.start()]


def prepare(text: str) -> str:
    """The text a snippet is cut from: whitespace collapsed, bounded length."""
    return " ".join(text[:MAX_TEXT].split())


def highlight(
    text: str, terms: Sequence[str], *, window: int = WINDOW, folded: str | None = None
) -> SafeString:
    """A window of prepared `text` around the most matches, HTML-escaped, matches marked.

    `folded` is normalise(text) when the caller folded many texts in one call.
    """
    found = spans(text, terms, folded=folded)
    start = 0
    if found:
        best = max(
            range(len(found)),
            key=lambda i: sum(1 for s, _ in found[i:] if s < found[i][0] + window),
        )
        start = max(0, found[best][0] - window // 4)
    end = min(len(text), start + window)
    out: list[str] = ["…" if start else ""]
    position = start
    for s, e in found:
        if e <= start or s >= end:
            continue
        s, e = max(s, start), min(e, end)
        out.append(escape(text[position:s]))
        out.append(f"<mark>{escape(text[s:e])}</mark>")
        position = e
    out.append(escape(text[position:end]))
    out.append("…" if end < len(text) else "")
    return mark_safe("".join(out))
