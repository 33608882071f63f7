"""Alias matching: every name of every member and well-known organisation, through one trie.

Matching runs on the length-preserving fold (`taimei.core.text.aligned_fold`), leftmost-longest,
so 台積電/台积电/ＴＳＭＣ/tsmc all hit and offsets map straight back to the text. English aliases
need word boundaries, acronyms their capitals; short Chinese aliases must not straddle a common
word (台電子, 國中鋼琴), and an office fused with 長 is a person's title (行政院長).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from taimei.core.text import aligned_fold, to_simplified

# The module, not its names: `lexicon` imports `pipeline.document`, so either side may load first.
from taimei.news import lexicon
from taimei.news.pipeline.document import DirectoryEntry, Options

CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_RE = re.compile(f"[{CJK}]")


def is_ascii_word_char(char: str) -> bool:
    """Letters and digits that glue English words together (and so forbid a match inside)."""
    return char.isascii() and char.isalnum()


# fmt: off
# Two-character words that a short Chinese alias must not be cut out of: "國中鋼琴" holds 中鋼
# only by accident, "台電子" is not Taipower. Folded (Simplified) at build time.
_BREAK_BEFORE = ("國中", "高中", "其中", "集中", "空中", "初中", "心中", "手中", "之中", "當中")
_BREAK_AFTER = (
    "電子", "電視", "電腦", "電話", "電動", "電池", "電器", "電纜", "電路", "電影", "電源", "電商",
    "鋼琴", "鋼構", "油價", "油品", "星級", "星期", "光燈", "光線", "達成", "達到",
)
_BREAKERS = frozenset(to_simplified(word) for word in _BREAK_BEFORE + _BREAK_AFTER)
# 行政院長, 經濟部長: an office fused with 長 is a person's title, not a mention of the office.
_OFFICE_ENDINGS = frozenset("院部局署处会府")
# fmt: on
# A government unit's English name glued to a capitalised word before it belongs to that place
# or body ("Texas Department of Transportation"), unless the word is an article or possessive.
_UNIT_WORDS = ("Department", "Ministry", "Bureau", "Office", "Commission", "Agency")
_NAMED_BEFORE = re.compile(
    r"(?<![\w'’.])(?!(?:The|A|An|And|Or|Of|For|With|By|At|In|On)\s)[A-Z][a-z]+\s$"
)


@dataclass(frozen=True, slots=True)
class Target:
    """What an alias points at: a member, or a known organisation that is not one."""

    key: str
    name: str
    member: str | None
    industries: tuple[str, ...] = ()


@dataclass(slots=True)
class _Node:
    children: dict[str, _Node] = field(default_factory=dict)
    hit: tuple[str, Target] | None = None  # (alias as written, target)


def key_starts(first: Mapping[str, Any], singles: Iterable[str]) -> re.Pattern[str]:
    """Where a key of a trie may start: a first character its root knows, followed by one
    that can come second, or a key of one character (`singles`).

    A trie scan jumps from one such position to the next (`finditer`, in C) instead of trying
    the trie at every character; a position that is skipped could not start any key, so the
    matches are the same. `first` maps each first character to its node (with `children`).
    """
    second = {char for node in first.values() for char in node.children}
    choices = [f"{_char_class(first)}(?={_char_class(second)})"] if second else []
    singles = set(singles)
    if singles:
        choices.append(_char_class(singles))
    return re.compile("|".join(choices) or "(?!)")


def _char_class(chars: Iterable[str]) -> str:
    return "[" + "".join(re.escape(char) for char in sorted(chars)) + "]"


def _variants(name: str) -> set[str]:
    """Spellings news uses for one English alias: U.S./US, dashes, '&'/'and', spacing."""
    forms = {name.strip()}
    for old, new in (("U.S.", "US"), ("US-", "U.S.-"), ("-", "–"), (" & ", " and ")):
        forms |= {form.replace(old, new) for form in forms if old in form}
    return {" ".join(form.split()) for form in forms if form}


def _units(names: Iterable[str]) -> list[str]:
    """ "Unit, Parent" names give the unit alone when it is a name of several words."""
    heads = (name.split(", ")[0].strip() for name in names if name.isascii() and ", " in name)
    return [head for head in heads if len(head.split()) >= 3 and head[:1].isupper()]


class Matcher:
    """A trie over the folded aliases of members and known organisations."""

    def __init__(self, directory: Iterable[DirectoryEntry]) -> None:
        self.root = _Node()
        self.targets: list[Target] = []
        self.cjk_names: list[tuple[str, Target]] = []
        self._names: dict[str, list[str]] = {}
        for entry in directory:
            target = Target(f"member:{entry.slug}", entry.names[0], entry.slug, entry.industries)
            self._add(entry.names, target)
        for index, (names, industries) in enumerate(lexicon.KNOWN_ORGANIZATIONS):
            target = self._member_among(names) or Target(
                f"known:{index}", names[0], None, industries
            )
            self._add(names, target, known=True)
        # Last and weakest: the unit named before its parent ("Department of Investment
        # Promotion, Ministry of Economic Affairs"), unless another body already owns the name.
        for target in [t for t in self.targets if t.member is not None]:
            self._add(_units(self._names[target.key]), target, known=True)
        singles = (char for char, node in self.root.children.items() if node.hit is not None)
        self._starts = key_starts(self.root.children, singles)
        self.by_member = {t.member: t for t in self.targets if t.member is not None}
        # Members' Chinese names by first character and last two: what an abbreviation keeps.
        self.cjk_names_by_ends: dict[tuple[str, str], list[tuple[str, Target]]] = {}
        for key, target in self.cjk_names:
            self.cjk_names_by_ends.setdefault((key[0], key[-2:]), []).append((key, target))

    def _member_among(self, names: Iterable[str]) -> Target | None:
        """The member that already owns one of these names: the directory wins over the list."""
        for name in names:
            target = self.lookup(aligned_fold(name))
            if target is not None and target.member is not None:
                return target
        return None

    def _add(self, names: Iterable[str], target: Target, *, known: bool = False) -> None:
        if target.key not in self._names:
            self.targets.append(target)
        self._names.setdefault(target.key, []).extend(names)
        for name in names:
            for form in _variants(name):
                key = aligned_fold(form)
                if len(key) < 2 or (len(key) < 3 and not CJK_RE.search(key)):
                    continue  # "AI", "GE": too ambiguous to link on their own
                node = self.root
                for char in key:
                    node = node.children.setdefault(char, _Node())
                if node.hit is None or (not known and node.hit[1].member is None):
                    node.hit = (form, target)
                if CJK_RE.search(key) and target.member is not None:
                    self.cjk_names.append((key, target))

    def lookup(self, key: str) -> Target | None:
        """The organisation whose folded alias is exactly `key`."""
        node: _Node | None = self.root
        for char in key:
            node = node.children.get(char) if node is not None else None
        return node.hit[1] if node is not None and node.hit is not None else None

    def scan(self, text: str, folded: str) -> Iterator[tuple[int, int, Target]]:
        """Leftmost-longest alias matches that pass the boundary rules."""
        position, length = 0, len(folded)
        for start in self._starts.finditer(folded):
            if start.start() < position:
                continue  # inside the previous match
            position = start.start()
            node = self.root.children.get(folded[position])
            hits: list[tuple[int, str, Target]] = []
            end = position + 1
            while node is not None:
                if node.hit is not None:
                    hits.append((end, *node.hit))
                node = node.children.get(folded[end]) if end < length else None
                end += 1
            for hit_end, alias, target in reversed(hits):
                if _accept(text, folded, position, hit_end, alias):
                    yield position, hit_end, target
                    position = hit_end
                    break


def _accept(text: str, folded: str, start: int, end: int, alias: str) -> bool:
    """Boundary rules that keep an alias from matching inside a longer word."""
    first, last = folded[start], folded[end - 1]
    before = folded[start - 1] if start > 0 else " "
    after = folded[end] if end < len(folded) else " "
    if is_ascii_word_char(first) and is_ascii_word_char(before):
        return False
    if is_ascii_word_char(last) and is_ascii_word_char(after):
        return False
    surface = text[start:end]
    if alias.isascii() and any(c.isupper() for c in alias):
        if alias.isupper() and len(alias) <= 5 and surface.upper() != surface:
            return False  # "ASE" the company, not "ase"
        if surface.lower() == surface:
            return False  # "apple", "meta" in running text
    if alias.startswith(_UNIT_WORDS) and _NAMED_BEFORE.search(text, max(0, start - 30), start):
        return False  # "Georgia Department of Agriculture" is not the federal department
    if CJK_RE.match(last):
        if after == "长" and last in _OFFICE_ENDINGS:
            return False
        if end - start <= 3 and (before + first in _BREAKERS or last + after in _BREAKERS):
            return False
    return True


_MATCHERS: dict[int, tuple[tuple[DirectoryEntry, ...], Matcher]] = {}


def matcher_for(options: Options) -> Matcher:
    """The matcher for this directory, built once per directory object (cached by identity)."""
    cached = _MATCHERS.get(id(options.directory))
    if cached is not None and cached[0] is options.directory:
        return cached[1]
    matcher = Matcher(options.directory)
    if len(_MATCHERS) > 8:
        _MATCHERS.clear()
    _MATCHERS[id(options.directory)] = (options.directory, matcher)
    return matcher
