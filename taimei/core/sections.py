"""A titled list of linked items: what one app contributes to a page or mail another app owns.

Member profiles ("in the news", "events") and the weekly digest ("new opportunities", "articles
mentioning you", "upcoming events") are assembled from sections that apps declare on their
AppConfig, so the owning app renders them without importing the contributors.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class SectionItem:
    """One line: a linked title and a short note (date, source, reason)."""

    title: str
    url: str
    note: str = ""


@dataclass(frozen=True)
class Section:
    """A heading with its items, already in the reader's language."""

    title: str
    items: list[SectionItem] = field(default_factory=list)
    more_url: str = ""
    empty_text: str = ""
    order: int = 100
