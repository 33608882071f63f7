"""Tokenisation shared by every backend: one function turns text into the terms we index.

Decided by measurement (bench/search.py prints the study): Chinese is indexed as overlapping
character bigrams of the script-folded text (OpenCC t2s), the way CJK search engines do. A
bigram index finds every two-character word and every name no dictionary knows, at the same
positions whatever the context, and it costs microseconds per article where jieba costs
~1.7 ms. jieba (with a user dictionary of taxonomy terms and every member alias in both
scripts, loaded lazily once per process) is used on the query side only: it splits a run such
as 台積電亞利桑那 into words, so each word becomes a bigram phrase and aliases are spotted for
expansion. Latin-script words are lowercased and stemmed (Snowball English, via tantivy's
analyzer, so both backends stem identically).
"""

from __future__ import annotations

import logging
import re
import threading
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from functools import cache, lru_cache
from typing import Any

import tantivy

from taimei.core.text import to_simplified

_CJK_RANGES = (
    "\u3040-\u30ff"  # kana
    "\u3400-\u4dbf"  # CJK extension A
    "\u4e00-\u9fff"  # CJK unified ideographs
    "\uac00-\ud7af"  # Hangul syllables
    "\uf900-\ufaff"  # compatibility ideographs
    "\U00020000-\U0003134f"  # extensions B-G
)
CJK_RUN = re.compile(f"[{_CJK_RANGES}]+")
_SEGMENT = re.compile(f"(?P<cjk>[{_CJK_RANGES}]+)|(?P<word>[^\\W_{_CJK_RANGES}]+)")
MAX_WORD = 40


# Runs between CJK unified ideographs. An ideograph is NFKC-stable and never composes with a
# neighbour, so NFKC of the text equals NFKC applied to these runs alone (much faster on
# Chinese text than normalising all of it when one full-width comma fails the quick check).
_NON_IDEOGRAPH_RUN = re.compile("[^\u4e00-\u9fff]+")


def _nfkc_run(match: re.Match[str]) -> str:
    return unicodedata.normalize("NFKC", match.group())


def nfkc(text: str) -> str:
    """unicodedata.normalize("NFKC", text), fast on Chinese text."""
    if unicodedata.is_normalized("NFKC", text):
        return text
    return _NON_IDEOGRAPH_RUN.sub(_nfkc_run, text)


def normalise(text: str) -> str:
    """Comparison form: NFKC width folding, Simplified script, case folded."""
    return to_simplified(nfkc(text)).casefold()


def normalise_many(texts: Sequence[str]) -> list[str]:
    """normalise() of many texts in one conversion call (indexing in bulk)."""
    joined = normalise("\x00".join(text.replace("\x00", " ") for text in texts))
    parts = joined.split("\x00")
    return parts if len(parts) == len(texts) else [normalise(text) for text in texts]


def is_cjk(text: str) -> bool:
    return bool(CJK_RUN.fullmatch(text))


@cache
def _english() -> Any:
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.stemmer("english"))
        .build()
    )


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """The index term of one Latin-script word (lowercase, Snowball English stem)."""
    if len(word) > MAX_WORD:
        return word[:MAX_WORD]
    analysed = _english().analyze(word)
    return analysed[0] if analysed else word


def bigrams(run: str) -> list[str]:
    """Overlapping two-character terms of a CJK run; a lone character stands for itself."""
    if len(run) < 2:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


def segments(normalised: str) -> Iterator[tuple[bool, str]]:
    """(is_cjk, text) runs of already normalised text; punctuation and spaces are dropped."""
    for cjk, word in _SEGMENT.findall(normalised):
        yield (True, cjk) if cjk else (False, word)


def index_terms(text: str, *, normalised: bool = False) -> list[str]:
    """Every term of `text` in order (positions matter for phrases): bigrams and stems."""
    return index_text(text, normalised=normalised).split()


class _Doubled(dict[int, str]):
    """Code point → "c c": translating the inside of a run ABCD gives "B BC C", so
    A + that + D is the run's bigrams "AB BC CD", made in one C loop."""

    def __missing__(self, code: int) -> str:
        value = self[code] = f"{chr(code)} {chr(code)}"
        return value


_DOUBLED = _Doubled()


def _bigram_text(run: str) -> str:
    if len(run) < 3:
        return run
    return run[0] + run[1:-1].translate(_DOUBLED) + run[-1]


def index_text(text: str, *, normalised: bool = False) -> str:
    """The terms as one space-joined string, for engines that split on whitespace.

    The hot loop of indexing: runs come from one `findall`, bigrams from `str.translate`.
    """
    parts: list[str] = []
    for cjk, word in _SEGMENT.findall(text if normalised else normalise(text)):
        parts.append(_bigram_text(cjk) if cjk else stem(word))
    return " ".join(parts)


# jieba: query-side segmentation with our dictionary --------------------------------------

_jieba_lock = threading.Lock()
_jieba_words: set[str] = set()
_stale = threading.Event()


def _dictionary_words() -> set[str]:
    """Taxonomy labels and every listed member's names, folded (both scripts meet in t2s)."""
    from taimei.core.taxonomy import VOCABULARIES
    from taimei.search.aliases import alias_table

    words = {normalise(term.zh) for vocabulary in VOCABULARIES.values() for term in vocabulary}
    words.update(alias_table().cjk_names())
    return {word for word in words if is_cjk(word) and len(word) >= 2}


@cache
def _tokenizer() -> Any:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    with _jieba_lock:
        for word in _dictionary_words():
            tokenizer.add_word(word, freq=200_000)
            _jieba_words.add(word)
    return tokenizer


def refresh_dictionary() -> None:
    """Teach the segmenter names added since it loaded (new members), at its next use."""
    _stale.set()


def _segmenter() -> Any:
    tokenizer = _tokenizer()
    if _stale.is_set():
        _stale.clear()
        with _jieba_lock:
            for word in _dictionary_words() - _jieba_words:
                tokenizer.add_word(word, freq=200_000)
                _jieba_words.add(word)
    return tokenizer


def segment(run: str) -> list[str]:
    """Words of a normalised CJK run (jieba, exact mode, no HMM: it invents junk tokens)."""
    if len(run) <= 2:
        return [run]
    return [word for word in _segmenter().cut(run, HMM=False) if word.strip()]


def segment_for_search(run: str) -> list[str]:
    """Compound words plus their parts (jieba's search mode), as an index would store them."""
    return [word for word in _segmenter().cut_for_search(run, HMM=False) if word.strip()]


def words(text: str) -> Iterable[str]:
    """Query words of `text`: CJK runs split by jieba, Latin words as typed (normalised)."""
    for cjk, run in segments(normalise(text)):
        if cjk:
            yield from segment(run)
        else:
            yield run
