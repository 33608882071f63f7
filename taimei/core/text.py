"""Script and width folding used wherever text is compared rather than displayed.

OpenCC converts Traditional to Simplified so that 聯發科 and 联发科 compare equal; NFKC folds
full-width digits and letters (１５％ → 15%). Never apply these to text that is shown: the
reverse conversion changes 台 into 臺.
"""

from __future__ import annotations

import unicodedata
from functools import cache

import opencc


@cache
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    """Traditional (and mixed) Chinese converted to Simplified; other scripts untouched."""
    return _converter("t2s").convert(text)


def to_traditional(text: str) -> str:
    """Simplified Chinese converted to Traditional (Taiwan standard characters)."""
    return _converter("s2t").convert(text)


def fold(text: str) -> str:
    """A comparison key: NFKC width folding, Simplified script, case folded, spaces collapsed."""
    folded = to_simplified(unicodedata.normalize("NFKC", text)).casefold()
    return " ".join(folded.split())
