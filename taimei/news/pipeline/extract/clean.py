"""The order in which the rule families clean a document's paragraphs."""

from __future__ import annotations

from taimei.core.text import fold
from taimei.news.pipeline.extract.boilerplate import paragraph_rules
from taimei.news.pipeline.extract.bylines import bylines
from taimei.news.pipeline.extract.credits import credits
from taimei.news.pipeline.extract.ending import ending
from taimei.news.pipeline.extract.work import Work


def clean_paragraphs(paragraphs: list[str], work: Work) -> list[str]:
    """Apply the rule families in order; each step keeps real sentences whenever unsure."""
    kept = paragraph_rules(paragraphs, work)
    kept = bylines(kept, work)
    kept = credits(kept, work)
    kept = ending(kept, work)
    return _title_repeat(kept, work)


def _title_repeat(paragraphs: list[str], work: Work) -> list[str]:
    if paragraphs and work.title and fold(paragraphs[0]) == fold(work.title):
        work.record("title_repeat", paragraphs[0])
        return paragraphs[1:]
    return paragraphs
