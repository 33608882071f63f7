"""The state one document's cleaning carries from rule family to rule family."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Work:
    """What the rules have lifted so far while one document is being cleaned."""

    metadata: dict[str, Any]
    title: str
    author: str | None
    section: str | None
    captions: list[str] = field(default_factory=list)
    removed: list[dict[str, str]] = field(default_factory=list)
    bylined: bool = False  # a byline named the author; wire credits must not override it

    def record(self, rule: str, text: str) -> None:
        """Note which rule removed which text (shown by tests and the evaluation)."""
        self.removed.append({"rule": rule, "text": text})
