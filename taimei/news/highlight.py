"""An article's clean text cut into paragraphs of plain and highlighted segments for display.

Mentions carry offsets into `Article.text` (paragraphs joined by blank lines); this turns them
into segments per paragraph so the template only loops, escaping every piece of text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from taimei.news.models import Mention

SEPARATOR = "\n\n"
HIGHLIGHTED = {Mention.Kind.ORGANIZATION, Mention.Kind.PERSON}


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of text; `mention` is set when the run names an organisation or person."""

    text: str
    mention: Mention | None = None

    @property
    def link(self) -> str:
        """The member profile a highlighted organisation links to, if it is a listed member."""
        organization = self.mention.organization if self.mention else None
        if organization is None or not organization.is_listed:
            return ""
        return organization.get_absolute_url()


def paragraphs_with_mentions(text: str, mentions: Iterable[Mention]) -> list[list[Segment]]:
    """`text` as paragraphs of segments; of two overlapping mentions the first wins."""
    spans = sorted(
        (
            m
            for m in mentions
            if m.kind in HIGHLIGHTED
            and m.start is not None
            and m.end is not None
            and 0 <= m.start < m.end <= len(text)
        ),
        key=lambda m: (m.start, -(m.end or 0)),
    )
    result: list[list[Segment]] = []
    offset = 0
    for paragraph in text.split(SEPARATOR):
        end = offset + len(paragraph)
        inside = [m for m in spans if offset <= (m.start or 0) and (m.end or 0) <= end]
        if paragraph.strip():
            result.append(_segments(paragraph, offset, inside))
        offset = end + len(SEPARATOR)
    return result


def _segments(paragraph: str, offset: int, mentions: list[Mention]) -> list[Segment]:
    segments: list[Segment] = []
    cursor = 0
    for mention in mentions:
        start, end = (mention.start or 0) - offset, (mention.end or 0) - offset
        if start < cursor:
            continue
        if start > cursor:
            segments.append(Segment(paragraph[cursor:start]))
        segments.append(Segment(paragraph[start:end], mention))
        cursor = end
    if cursor < len(paragraph):
        segments.append(Segment(paragraph[cursor:]))
    return segments
