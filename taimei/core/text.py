"""Script and width folding used wherever text is compared rather than displayed.

OpenCC converts Traditional to Simplified so that 聯發科 and 联发科 compare equal; NFKC folds
full-width digits and letters (１５％ → 15%). Never apply these to text that is shown: the
reverse conversion changes 台 into 臺.
"""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache

import opencc


@cache
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    """Traditional (and mixed) Chinese converted to Simplified; other scripts untouched."""
    return str(_converter("t2s").convert(text))


def to_traditional(text: str) -> str:
    """Simplified Chinese converted to Traditional (Taiwan standard characters)."""
    return str(_converter("s2t").convert(text))


def fold(text: str) -> str:
    """A comparison key: NFKC width folding, Simplified script, case folded, spaces collapsed."""
    folded = to_simplified(unicodedata.normalize("NFKC", text)).casefold()
    return " ".join(folded.split())


def _fold_char(char: str) -> str:
    """One character's comparison form, or the character itself when folding would resize it."""
    width = unicodedata.normalize("NFKC", char)
    if len(width) != 1:
        width = char
    lower = width.casefold()
    return lower if len(lower) == 1 else width


class _FoldTable(dict[int, str]):
    """Code point → `_fold_char` of it, for `str.translate`; filled as characters are met."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(chr(code))
        return folded


_FOLD_TABLE = _FoldTable()


@lru_cache(maxsize=32)
def aligned_fold(text: str) -> str:
    """`fold` without the resizing steps: position i of the result is text[i] folded.

    Used where offsets found in the folded text must map straight back to the original. NFKC
    and casefolding change length for a few characters (…, ß, ㈱); those are kept as they are.
    OpenCC t2s maps character for character in practice; if a phrase rule ever changes the
    length, each character is converted on its own. The per-character folding runs as one
    `str.translate` (in C) rather than a Python step per character.
    """
    width = text.translate(_FOLD_TABLE)
    simplified = to_simplified(width)
    if len(simplified) == len(width):
        return simplified
    singles = (to_simplified(char) for char in width)
    return "".join(s if len(s) == 1 else c for s, c in zip(singles, width, strict=True))


_CONTROL = dict.fromkeys(c for c in range(32) if chr(c) not in "\t\n\r")


def clean_user_text(text: str, *, max_length: int) -> str:
    """User input made safe to store and query: no NUL or other control characters
    (PostgreSQL refuses NUL in text), whitespace collapsed, at most `max_length` characters."""
    return " ".join(text.translate(_CONTROL).split())[:max_length]
