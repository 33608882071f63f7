"""Name groups from every index's `synonyms()`: 聯發科 ↔ MediaTek, TSMC ↔ 台積電 ↔ 台灣積體電路製造.

Built once per process and rebuilt after an index sync touches a kind that declares synonyms
(or after `TAIMEI_SEARCH_ALIAS_TTL` seconds, so other processes' changes arrive too).
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from taimei.search import conf
from taimei.search.text import is_cjk, normalise

MIN_LATIN_ALIAS = 2


@dataclass
class AliasTable:
    """Normalised name → every normalised name of the same thing."""

    groups: dict[str, tuple[str, ...]] = field(default_factory=dict)
    pattern: re.Pattern[str] | None = None
    # Parsed free text (alias expansion and segmentation) by normalised text, filled by the
    # query parser: it lives and dies with the table, so a rebuilt table starts empty.
    parsed: dict[str, tuple[Any, ...]] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def build(cls, name_groups: Iterable[Sequence[str]]) -> AliasTable:
        groups: dict[str, set[str]] = {}
        for names in name_groups:
            members = {key for name in names if (key := " ".join(normalise(name).split()))}
            merged = set(members)
            for key in members:
                merged |= groups.get(key, set())
            for key in merged:
                groups[key] = merged
        usable = [key for key in groups if is_cjk(key) or len(key) >= MIN_LATIN_ALIAS]
        # Longest first, so 台灣積體電路製造 wins over a shorter alias inside it.
        usable.sort(key=len, reverse=True)
        pattern = None
        if usable:
            alternatives = "|".join(
                re.escape(key) if is_cjk(key) else rf"(?<![^\W_]){re.escape(key)}(?![^\W_])"
                for key in usable
            )
            pattern = re.compile(alternatives)
        return cls(
            groups={
                key: tuple(sorted(group, key=len, reverse=True)) for key, group in groups.items()
            },
            pattern=pattern,
        )

    def expand(self, name: str) -> tuple[str, ...]:
        return self.groups.get(name, (name,))

    def find(self, normalised_text: str) -> list[tuple[int, int, str]]:
        """(start, end, name) of every known name in `normalised_text`, left to right."""
        if self.pattern is None:
            return []
        return [(m.start(), m.end(), m.group()) for m in self.pattern.finditer(normalised_text)]

    def cjk_names(self) -> set[str]:
        return {key for key in self.groups if is_cjk(key)}

    def __contains__(self, name: object) -> bool:
        return name in self.groups


_lock = threading.Lock()
_state: dict[str, object] = {"table": None, "built_at": 0.0}


def alias_table() -> AliasTable:
    """The current table (built lazily, rebuilt when stale)."""
    table, built_at = _state["table"], _state["built_at"]
    if (
        isinstance(table, AliasTable)
        and isinstance(built_at, float)
        and time.monotonic() - built_at < conf.alias_ttl()
    ):
        return table
    with _lock:
        from taimei.search.registry import indexes

        table = AliasTable.build(
            group for index in indexes().values() for group in index.synonyms()
        )
        _state["table"], _state["built_at"] = table, time.monotonic()
    return table


def invalidate() -> None:
    """Forget the table (an index that declares synonyms changed in this process)."""
    from taimei.search.text import refresh_dictionary

    _state["table"] = None
    refresh_dictionary()
