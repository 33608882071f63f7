"""Query understanding: any string a user types becomes a structured, engine-neutral query.

Nothing here can fail on input: the string is cleaned (control characters and NUL dropped,
length capped), split into quoted phrases, `-exclusions`, `field:value` filters and free text;
free text is script-folded, known names are expanded to all their aliases, CJK runs are split
into words by jieba and every word becomes a bigram phrase. Backends receive terms, never the
user's syntax, so no engine query parser ever sees user input.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from taimei.core.taxonomy import COUNTRIES, INDUSTRIES, TOPICS, Vocabulary
from taimei.search.aliases import AliasTable, alias_table
from taimei.search.registry import KINDS
from taimei.search.text import bigrams, normalise, segment, segments, stem

MAX_QUERY_CHARS = 500
MAX_CLAUSES = 16
MAX_ALTERNATIVES = 12
SHORT_RUN = 4
MAX_CACHED_TEXTS = 4096

_LANGUAGES = {"zh-hant": "zh-Hant", "zh-hans": "zh-Hans", "en": "en", "zh": "zh-Hant"}
_QUOTES = str.maketrans({"“": '"', "”": '"', "「": '"', "」": '"', "『": '"', "』": '"', "＂": '"'})
_TOKEN = re.compile(r'(?P<neg>[-−－])?(?:"(?P<phrase>[^"]*)"?|(?P<word>[^\s"]+))')
_FILTER = re.compile(r"^(?P<field>[a-z]+)[:：](?P<value>.+)$")
FILTER_FIELDS = ("kind", "topic", "industry", "country", "language")


@dataclass(frozen=True, slots=True)
class Alternative:
    """One way a clause may match: consecutive terms (a phrase when several), or a prefix."""

    terms: tuple[str, ...]
    surface: str
    prefix: bool = False


@dataclass(frozen=True, slots=True)
class Clause:
    """Something the user asked for; it matches when any of its alternatives does."""

    alternatives: tuple[Alternative, ...]


@dataclass
class ParsedQuery:
    """The engine-neutral query a backend executes."""

    must: list[Clause] = field(default_factory=list)
    must_not: list[Clause] = field(default_factory=list)
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    exact_names: tuple[str, ...] = ()
    ignored: list[str] = field(default_factory=list)
    match_any: bool = False

    @property
    def is_empty(self) -> bool:
        return not self.must and not self.filters

    def highlight_terms(self) -> list[str]:
        """Normalised strings worth marking in snippets, longest first."""
        found = {alt.surface for clause in self.must for alt in clause.alternatives}
        return sorted((s for s in found if s), key=len, reverse=True)

    def relaxed(self) -> ParsedQuery:
        """The same query where any one clause may match (used when all of them find nothing)."""
        return ParsedQuery(
            must=self.must,
            must_not=self.must_not,
            filters=self.filters,
            exact_names=self.exact_names,
            ignored=self.ignored,
            match_any=True,
        )


def clean(raw: object) -> str:
    """Printable text of bounded length: control, format and surrogate characters removed."""
    text = raw if isinstance(raw, str) else ""
    text = text[: MAX_QUERY_CHARS * 4]
    text = "".join(
        " " if ch.isspace() else ch
        for ch in text
        if ch.isspace() or unicodedata.category(ch)[0] != "C"
    )
    return text.translate(_QUOTES)[:MAX_QUERY_CHARS].strip()


def _filter_value(field_name: str, value: str) -> str | None:
    """The canonical value of a `field:value` filter, matched by slug or either label."""
    if field_name == "kind":
        return value if value in KINDS else None
    if field_name == "language":
        return _LANGUAGES.get(value.lower())
    vocabulary: Vocabulary = {"topic": TOPICS, "industry": INDUSTRIES, "country": COUNTRIES}[
        field_name
    ]
    key = normalise(value)
    for term in vocabulary:
        if key in {term.slug.casefold(), normalise(term.zh), normalise(term.en)}:
            return term.slug
    return None


def _phrase(text: str) -> Alternative | None:
    """A normalised piece of text as one phrase of index terms."""
    terms: list[str] = []
    for cjk, run in segments(text):
        terms.extend(bigrams(run) if cjk else [stem(run)])
    if not terms:
        return None
    return Alternative(terms=tuple(terms), surface=" ".join(text.split()))


def _name_clause(name: str, aliases: AliasTable) -> Clause | None:
    alternatives = [alt for n in aliases.expand(name)[:MAX_ALTERNATIVES] if (alt := _phrase(n))]
    return Clause(tuple(alternatives)) if alternatives else None


def _free_text_clauses(text: str, aliases: AliasTable) -> list[Clause]:
    """Clauses for normalised free text: known names expanded, the rest word by word
    (remembered per alias table: popular queries skip the alias scan and jieba)."""
    cached = aliases.parsed.get(text)
    if cached is None:
        if len(aliases.parsed) >= MAX_CACHED_TEXTS:
            aliases.parsed.clear()
        cached = aliases.parsed[text] = tuple(_expand_free_text(text, aliases))
    return list(cached)


def _expand_free_text(text: str, aliases: AliasTable) -> list[Clause]:
    clauses: list[Clause] = []
    position = 0
    pieces: list[tuple[str, bool]] = []
    for start, end, name in aliases.find(text):
        pieces.append((text[position:start], False))
        pieces.append((name, True))
        position = end
    pieces.append((text[position:], False))
    for piece, is_name in pieces:
        if is_name:
            if clause := _name_clause(piece, aliases):
                clauses.append(clause)
            continue
        for cjk, run in segments(piece):
            if not cjk:
                clauses.append(Clause((Alternative((stem(run),), stem(run)),)))
                continue
            for word in _query_words(run):
                if len(word) >= 2:
                    clauses.append(Clause((Alternative(tuple(bigrams(word)), word),)))
                else:
                    clauses.append(Clause((Alternative((word,), word, prefix=True),)))
    return clauses


def _query_words(run: str) -> list[str]:
    """Words of a CJK query run. Short runs stay whole (names no dictionary knows: 周美翰);
    longer ones are split by jieba, with runs of single characters kept together and lone
    particles (的, 在) dropped."""
    if len(run) <= SHORT_RUN:
        return [run]
    words: list[str] = []
    singles = ""
    for word in [*segment(run), ""]:
        if len(word) == 1:
            singles += word
            continue
        if len(singles) >= 2:
            words.append(singles)
        singles = ""
        if word:
            words.append(word)
    return words or [run]


def parse(raw: object, *, aliases: AliasTable | None = None) -> ParsedQuery:
    """The structured query for whatever the user typed."""
    aliases = alias_table() if aliases is None else aliases
    query = ParsedQuery()
    free: list[str] = []
    filters: dict[str, list[str]] = {}
    for match in _TOKEN.finditer(clean(raw)):
        negative = bool(match.group("neg"))
        phrase, word = match.group("phrase"), match.group("word")
        if phrase is not None:
            alternative = _phrase(normalise(phrase))
            if alternative is not None:
                (query.must_not if negative else query.must).append(Clause((alternative,)))
            continue
        if word is None:
            continue
        filter_match = _FILTER.match(word) if not negative else None
        if filter_match and filter_match.group("field") in FILTER_FIELDS:
            value = _filter_value(filter_match.group("field"), filter_match.group("value"))
            if value is None:
                query.ignored.append(word)
            else:
                filters.setdefault(filter_match.group("field"), []).append(value)
            continue
        if negative:
            query.must_not.extend(_free_text_clauses(normalise(word), aliases))
        else:
            free.append(word)
    free_text = " ".join(normalise(" ".join(free)).split())
    query.must.extend(_free_text_clauses(free_text, aliases))
    query.must = query.must[:MAX_CLAUSES]
    query.must_not = query.must_not[:MAX_CLAUSES]
    query.filters = {name: tuple(dict.fromkeys(values)) for name, values in filters.items()}
    if free_text in aliases:
        query.exact_names = aliases.expand(free_text)[:MAX_ALTERNATIVES]
    elif free_text:
        query.exact_names = (free_text,)
    return query
