"""Highlighted snippets: pick the densest window of the original text, escape it, then mark.

Matching is script- and case-insensitive without folding the text: each query term becomes a
pattern whose characters are classes of every character that folds to them (台积电 →
[台臺][积積][电電]), so the stored text is searched as it is, at the positions it is shown.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import cache, lru_cache
from html import escape

from django.utils.safestring import SafeString, mark_safe

from taimei.search.text import is_cjk, normalise

WINDOW = 160
MAX_TEXT = 4000
# Characters whose folded form is looked up once per process: Latin, Greek and Cyrillic
# (case), CJK punctuation and kana, the ideographs (script), full-width forms (width).
_FOLDABLE = (
    (0x20, 0x24F),
    (0x370, 0x4FF),
    (0x3000, 0x30FF),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0xFF00, 0xFFEF),
)


@cache
def _variants() -> dict[str, str]:
    """Folded character → a regex matching every character that folds to it."""
    originals = [chr(code) for start, end in _FOLDABLE for code in range(start, end + 1)]
    originals = [ch for ch in originals if ch != "\n"]
    folded = normalise("\n".join(originals)).split("\n")
    if len(folded) != len(originals):  # a conversion rule spanned lines: go one by one
        folded = [normalise(ch) for ch in originals]
    groups: dict[str, set[str]] = {}
    for original, key in zip(originals, folded, strict=True):
        if len(key) == 1:
            groups.setdefault(key, {key}).add(original)
    return {
        key: "[" + "".join(re.escape(ch) for ch in sorted(chars)) + "]"
        if len(chars) > 1
        else re.escape(key)
        for key, chars in groups.items()
    }


def _term_pattern(term: str) -> str:
    variants = _variants()
    return "".join(variants.get(ch) or re.escape(ch) for ch in term)


@lru_cache(maxsize=256)
def _pattern(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    parts = []
    for term in terms[:40]:
        if not term.strip():
            continue
        if is_cjk(term.replace(" ", "")):
            parts.append(_term_pattern(term))
        else:  # a stem marks the whole word: tariff → tariffs
            parts.append(rf"(?<![^\W_]){_term_pattern(term)}[^\W_]*")
    return re.compile("|".join(parts)) if parts else None


def spans(text: str, terms: Sequence[str]) -> list[tuple[int, int]]:
    """Non-overlapping (start, end) of the normalised query `terms` in `text`."""
    pattern = _pattern(tuple(terms))
    if pattern is None:
        return []
    return [m.span() for m in pattern.finditer(text) if m.end() > m.start()]


def prepare(text: str) -> str:
    """The text a snippet is cut from: whitespace collapsed, bounded length."""
    return " ".join(text[:MAX_TEXT].split())


def _densest_start(found: list[tuple[int, int]], window: int) -> int:
    """Where the window with the most matches begins (a little before its first match)."""
    starts = [s for s, _ in found]
    best, best_count = 0, 0
    for i, start in enumerate(starts):
        count = bisect_left(starts, start + window, lo=i) - i
        if count > best_count:
            best, best_count = i, count
    return max(0, starts[best] - window // 4)


def highlight(text: str, terms: Sequence[str], *, window: int = WINDOW) -> SafeString:
    """A window of prepared `text` around the most matches, HTML-escaped, matches marked."""
    found = spans(text, terms)
    start = _densest_start(found, window) if found else 0
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
