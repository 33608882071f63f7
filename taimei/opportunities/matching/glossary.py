"""Finding glossary concepts (and organisation names) in text, across languages and scripts.

Text is compared in its `fold`ed form (Simplified script, NFKC width, case folded), so 晶圓,
晶圆 and "Wafers" all reach the concept `wafer`. Chinese forms match as substrings (Chinese has
no spaces); Latin forms match whole words, plurals included. A scan is a dictionary look-up
per position, fast enough for 100,000 documents.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from taimei.core.text import fold, to_simplified

GLOSSARY_FILE = Path(__file__).resolve().parent.parent / "data" / "glossary.txt"
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_CJK_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
_WORD = re.compile(r"[a-z0-9][a-z0-9&()+.]*[a-z0-9)+]|[a-z0-9]")
MAX_WORDS = 5


@dataclass(frozen=True, slots=True)
class Concept:
    """One idea of the glossary with its surface forms in both languages."""

    key: str
    weight: float
    industry: str | None
    zh: tuple[str, ...]
    en: tuple[str, ...]

    @property
    def label(self) -> str:
        """'晶圓 / wafer': how reasons name the concept."""
        return " / ".join(form for form in (self.zh[:1] + self.en[:1]) if form)


def parse_table(table: str) -> tuple[Concept, ...]:
    """Concepts from the `key | weight | industry | zh;… | en;…` table."""
    concepts = []
    for line in table.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, weight, industry, zh, en = (part.strip() for part in line.split("|"))
        concepts.append(
            Concept(
                key=key,
                weight=float(weight),
                industry=None if industry == "-" else industry,
                zh=tuple(form.strip() for form in zh.split(";") if form.strip()),
                en=tuple(form.strip() for form in en.split(";") if form.strip()),
            )
        )
    return tuple(concepts)


def _word_key(words: Iterable[str]) -> str:
    return " ".join(words)


def _singular(word: str) -> list[str]:
    if not word.endswith("s"):
        return [word]
    variants = [word]
    if word.endswith("ies") and len(word) > 4:
        variants.append(word[:-3] + "y")
    if word.endswith("es") and len(word) > 3:
        variants.append(word[:-2])
    if word.endswith("s") and len(word) > 2:
        variants.append(word[:-1])
    return variants


class Matcher:
    """Finds registered phrases in text; each phrase leads to a key (a concept or a member)."""

    def __init__(self, phrases: Mapping[str, str], *, min_cjk: int = 2) -> None:
        self._cjk: dict[str, str] = {}
        self._mixed: dict[str, str] = {}
        self._latin: dict[str, str] = {}
        # Every proper beginning of a phrase, so a scan stops as soon as no phrase can follow.
        self._cjk_prefixes: set[str] = set()
        self._latin_prefixes: set[str] = set()
        self._first_words: set[str] = set()
        for phrase, key in phrases.items():
            folded = fold(phrase)
            if not folded:
                continue
            if _CJK.search(folded):
                if len(folded) < min_cjk:
                    continue
                self._cjk.setdefault(folded, key)
                if not _CJK.match(folded):
                    self._mixed.setdefault(folded, key)
                self._cjk_prefixes.update(folded[:n] for n in range(2, len(folded)))
            else:
                words = _WORD.findall(folded.replace("-", " "))
                if not words:
                    continue
                if len(words) > MAX_WORDS:
                    continue
                self._latin.setdefault(_word_key(words), key)
                self._latin_prefixes.update(_word_key(words[:n]) for n in range(1, len(words)))
                self._first_words.add(words[0])

    def find(self, text: str) -> dict[str, str]:
        """{key: surface as written in `text`} for every phrase found (first surface kept)."""
        if not text:
            return {}
        folded = _comparable(text)
        # Script and case folding keep the length of nearly all text, so a span of the folded
        # text is the same span of the original; when not, the folded surface is reported.
        original = text if len(text) == len(folded) else folded
        found: dict[str, str] = {}
        self._find_cjk(folded, original, found)
        self._find_latin(folded, original, found)
        return found

    def _find_cjk(self, folded: str, original: str, found: dict[str, str]) -> None:
        if not self._cjk:
            return
        lookup, prefixes = self._cjk, self._cjk_prefixes
        n = len(folded)
        starts = (i for run in _CJK_RUN.finditer(folded) for i in range(run.start(), run.end()))
        for start in starts:
            for end in range(start + 2, n + 1):
                piece = folded[start:end]
                key = lookup.get(piece)
                if key is not None and key not in found:
                    found[key] = original[start:end]
                if piece not in prefixes:
                    break
        # Mixed phrases such as "AI伺服器" start with Latin letters.
        for phrase, key in self._mixed.items():
            if key not in found and phrase in folded:
                found[key] = phrase

    def _find_latin(self, folded: str, original: str, found: dict[str, str]) -> None:
        if not self._latin:
            return
        spans = list(_WORD.finditer(folded.replace("-", " ")))
        words = [span.group() for span in spans]
        lookup, prefixes = self._latin, self._latin_prefixes
        first_words = self._first_words
        for start in range(len(words)):
            if not any(form in first_words for form in _singular(words[start])):
                continue
            best: tuple[str, int] | None = None
            for end in range(start + 1, min(start + MAX_WORDS, len(words)) + 1):
                head = words[start : end - 1]
                for last in _singular(words[end - 1]):
                    key = lookup.get(_word_key([*head, last]))
                    if key is not None:
                        best = (key, end - 1)
                        break
                if _word_key(words[start:end]) not in prefixes:
                    break
            if best is not None and best[0] not in found:
                found[best[0]] = original[spans[start].start() : spans[best[1]].end()]


def _comparable(text: str) -> str:
    """`fold` without collapsing whitespace, so positions still point into the original."""
    return to_simplified(unicodedata.normalize("NFKC", text)).casefold()


@cache
def concepts() -> dict[str, Concept]:
    """The glossary by concept key."""
    return {
        concept.key: concept for concept in parse_table(GLOSSARY_FILE.read_text(encoding="utf-8"))
    }


@cache
def concept_matcher() -> Matcher:
    """A matcher from every form of every concept to the concept's key."""
    phrases: dict[str, str] = {}
    for concept in concepts().values():
        for form in (*concept.zh, *concept.en):
            phrases.setdefault(form, concept.key)
    return Matcher(phrases)


def find_concepts(text: str) -> dict[str, str]:
    """{concept key: surface} for the glossary concepts `text` mentions."""
    return concept_matcher().find(text)


def synonyms(term: str) -> list[str]:
    """Every form of the concepts `term` names (for keyword alerts and search expansion)."""
    found = find_concepts(term)
    forms: list[str] = []
    for key in found:
        concept = concepts()[key]
        forms.extend((*concept.zh, *concept.en))
    return list(dict.fromkeys(forms))
