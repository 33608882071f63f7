"""Stage `classify`: topics (multi-label, possibly none) and industries, each with its evidence.

Reads `title`, `text` (through the length-preserving fold, the same key as `folded_text`, so
Traditional, Simplified, English and full-width forms all hit and the evidence can quote the
text), `organizations` and `Options.lexicon` (`taimei.news.lexicon.DEFAULT_LEXICON` when empty).
Writes `topics` and `industries`.

Scoring is meant to be read by a person: each lexicon term found adds its weight, a repeated
term adds less each time (1, +0.5, +0.25, +0.25), a term in the title counts its weight once
more. An organisation the text names adds 1 to the industries it is known for (台積電 →
semiconductors). A label needs a score of 3 and, unless one term of weight ≥ 2 carries it, at
least two different signals: a single weak word (貿易, 市場) never labels a document.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from taimei.core.text import aligned_fold

# The module, not its names: `lexicon` imports `pipeline.document`, so either side may load first.
from taimei.news import lexicon
from taimei.news.pipeline.document import Document, Label, LexiconEntry, Options, Span
from taimei.news.pipeline.organizations import industries_of, is_ascii_word_char, key_starts

THRESHOLD = 3.0
STRONG = 2.0
ORGANIZATION_WEIGHT = 1.0
_REPEAT_BONUS = (1.0, 0.5, 0.25, 0.25)


@dataclass(slots=True)
class _Node:
    children: dict[str, _Node] = field(default_factory=dict)
    entries: list[LexiconEntry] = field(default_factory=list)


class _Trie:
    """All terms of one vocabulary; leftmost-longest matching so 赴美投資 hides its 投資."""

    def __init__(self, entries: list[LexiconEntry]) -> None:
        self.root = _Node()
        for entry in entries:
            node = self.root
            for char in aligned_fold(entry.term.strip()):
                node = node.children.setdefault(char, _Node())
            if all(existing.slug != entry.slug for existing in node.entries):
                node.entries.append(entry)
        singles = (char for char, node in self.root.children.items() if node.entries)
        self._starts = key_starts(self.root.children, singles)

    def scan(self, folded: str) -> Iterator[tuple[int, int, list[LexiconEntry]]]:
        """(start, end, entries) for each term occurrence on word boundaries."""
        position, length = 0, len(folded)
        for start in self._starts.finditer(folded):
            if start.start() < position:
                continue  # inside the previous term
            position = start.start()
            node = self.root.children.get(folded[position])
            best: tuple[int, list[LexiconEntry]] | None = None
            end = position + 1
            while node is not None:
                if node.entries and _bounded(folded, position, end):
                    best = (end, node.entries)
                node = node.children.get(folded[end]) if end < length else None
                end += 1
            if best is not None:
                yield position, best[0], best[1]
                position = best[0]


def _bounded(folded: str, start: int, end: int) -> bool:
    """English terms stand alone: no "AI" inside "Taiwan", no "EV" inside "every"."""
    if is_ascii_word_char(folded[start]) and start > 0 and is_ascii_word_char(folded[start - 1]):
        return False
    return not (
        is_ascii_word_char(folded[end - 1])
        and end < len(folded)
        and is_ascii_word_char(folded[end])
    )


_EMPTY_TRIE = _Trie([])
_TRIES: dict[int, tuple[tuple[LexiconEntry, ...], dict[str, _Trie]]] = {}


def _tries(lexicon: tuple[LexiconEntry, ...]) -> dict[str, _Trie]:
    """One trie per vocabulary, built once per lexicon object (cached by identity)."""
    cached = _TRIES.get(id(lexicon))
    if cached is not None and cached[0] is lexicon:
        return cached[1]
    by_vocabulary: dict[str, list[LexiconEntry]] = {}
    for entry in lexicon:
        by_vocabulary.setdefault(entry.vocabulary, []).append(entry)
    tries = {name: _Trie(entries) for name, entries in by_vocabulary.items()}
    if len(_TRIES) > 8:
        _TRIES.clear()
    _TRIES[id(lexicon)] = (lexicon, tries)
    return tries


@dataclass(slots=True)
class _Evidence:
    """Per label: how often each term (by its first surface form) was seen, and its weight."""

    terms: dict[str, list[float]] = field(default_factory=dict)  # surface → [weight, n, title]

    def add(self, surface: str, weight: float, *, in_title: bool) -> None:
        record = self.terms.setdefault(surface, [weight, 0.0, 0.0])
        record[0] = max(record[0], weight)
        record[2 if in_title else 1] += 1

    def score(self) -> float:
        total = 0.0
        for weight, count, title in self.terms.values():
            repeats = sum(_REPEAT_BONUS[: int(min(count, len(_REPEAT_BONUS)))])
            total += weight * repeats + (weight if title else 0.0)
        return total

    def accepted(self, threshold: float) -> bool:
        strongest = max((record[0] for record in self.terms.values()), default=0.0)
        return self.score() >= threshold and (strongest >= STRONG or len(self.terms) >= 2)

    def ranked(self) -> list[str]:
        return sorted(self.terms, key=lambda term: -self.terms[term][0] * sum(self.terms[term][1:]))


def _inside_a_name(spans: list[Span], start: int, end: int) -> bool:
    """True when start:end is part of, not all of, an organisation's name (商務 in 美國商務部)."""
    return any(
        span.start <= start and end <= span.end and end - start < span.end - span.start
        for span in spans
    )


def _collect(trie: _Trie, doc: Document, *, skip_names: bool) -> dict[str, _Evidence]:
    """Evidence per slug from the title and the body, with or without words inside names.

    A topic word inside a name says nothing of the story (商務 in 美國商務部, Supply in Buckeye
    Steel Supply); an industry word there does (Acme Chips makes chips).
    """
    evidence: dict[str, _Evidence] = {}
    names = [span for org in doc.organizations for span in org.spans] if skip_names else []
    for source, in_title in ((doc.title, True), (doc.text, False)):
        folded = aligned_fold(source)
        surfaces: dict[str, str] = {}
        for start, end, entries in trie.scan(folded):
            if names and not in_title and _inside_a_name(names, start, end):
                continue
            surface = surfaces.setdefault(folded[start:end], source[start:end])
            for entry in entries:
                evidence.setdefault(entry.slug, _Evidence()).add(
                    surface, entry.weight, in_title=in_title
                )
    return evidence


# A sum of money right after a verb of investing is an investment, whatever the other words
# (投資50億美元, 總投資約35億美元, 投入新台幣1000億元, to invest US$5 billion). Folded text.
INVESTED_AMOUNT_WEIGHT = 3.0
_INVESTING_BEFORE = re.compile(
    r"(?:(?:投资|投入|斥资|砸|注资|挹注)(?:金额|总额)?(?:约|达|逾|近|超过|高达|共|总计|了)?"
    r"(?:新台币|新臺币|美金|台币)?"
    r"|\binvest(?:s|ed|ing|ment of)?\s+(?:about\s+|up to\s+|nearly\s+|some\s+|more than\s+"
    r"|over\s+|another\s+)?)$"
)


def _invested_amounts(doc: Document) -> list[str]:
    """The texts of amounts the body says are invested, from the verb to the figure."""
    folded = aligned_fold(doc.text)
    found = []
    for amount in doc.amounts:
        if amount.span is None:
            continue
        before = _INVESTING_BEFORE.search(folded, max(0, amount.span.start - 24), amount.span.start)
        if before is not None:
            found.append(doc.text[before.start() : amount.span.end])
    return found


def _labels(evidence: dict[str, _Evidence], threshold: float) -> list[Label]:
    labels = [
        Label(slug, round(found.score(), 2), found.ranked())
        for slug, found in evidence.items()
        if found.accepted(threshold)
    ]
    return sorted(labels, key=lambda label: (-label.score, label.slug))


def classify(doc: Document, options: Options) -> Document:
    """Assign topics and industries to `doc`, each with the terms that justify it."""
    tries = _tries(options.lexicon or lexicon.DEFAULT_LEXICON)
    empty = _EMPTY_TRIE
    topics = _collect(tries.get("topics", empty), doc, skip_names=True)
    for text in _invested_amounts(doc):
        topics.setdefault("investment", _Evidence()).add(
            text, INVESTED_AMOUNT_WEIGHT, in_title=False
        )
    doc.topics = _labels(topics, THRESHOLD)
    industries = _collect(tries.get("industries", empty), doc, skip_names=False)
    for slug, names in industries_of(doc, options).items():
        for name in dict.fromkeys(names):
            industries.setdefault(slug, _Evidence()).add(name, ORGANIZATION_WEIGHT, in_title=False)
    doc.industries = _labels(industries, THRESHOLD)
    return doc
