"""Highlighted snippets: pick the densest window of the original text, escape it, then mark.

Matching compares folded forms (script, width and case: 台積電 marks 台积电, ＴＳＭＣ marks
tsmc) through a character table built once per process. The text itself is never folded:
each character of a folded query term becomes a class of every character that folds to it
(积 → [積积]), so the pattern runs on the original text and the marks land on its characters.
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
def _fold_table() -> dict[int, str]:
    """Code point → its folded character (itself when folding would change the length)."""
    originals = [
        chr(code) for start, end in _FOLDABLE for code in range(start, end + 1) if code != 10
    ]
    folded = normalise("\n".join(originals)).split("\n")
    if len(folded) != len(originals):  # a conversion rule spanned lines: go one by one
        folded = [normalise(ch) for ch in originals]
    # Every character of the ranges is in the table (identity when it does not fold): a miss
    # makes `str.translate` raise and catch a LookupError, which costs more than the lookup.
    return {
        ord(original): key if len(key) == 1 else original
        for original, key in zip(originals, folded, strict=True)
    }


def fold(text: str) -> str:
    """`text` folded character by character (same length, same positions)."""
    return text.translate(_fold_table())


@cache
def _character_classes() -> dict[str, str]:
    """Folded character → a regex for every character that folds to it (script, width, case)."""
    sources: dict[str, set[str]] = {}
    for code, folded in _fold_table().items():
        sources.setdefault(folded, set()).add(chr(code))
    return {
        folded: "[" + "".join(re.escape(ch) for ch in sorted(chars)) + "]"
        for folded, chars in sources.items()
        if len(chars) > 1
    }


def _any_form(folded: str) -> str:
    """A regex matching `folded` written in any script, width or case."""
    classes = _character_classes()
    return "".join(classes.get(ch) or re.escape(ch) for ch in folded)


@lru_cache(maxsize=1024)
def _pattern(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    parts = []
    for term in terms[:40]:
        folded = fold(term)
        if not folded.strip():
            continue
        if is_cjk(folded.replace(" ", "")):
            parts.append(_any_form(folded))
        else:  # a stem marks the whole word: tariff → tariffs
            parts.append(rf"(?<![^\W_]){_any_form(folded)}[^\W_]*")
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
