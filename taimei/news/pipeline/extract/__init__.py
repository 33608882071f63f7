"""Stage: the article's own text, in paragraphs, without the page's furniture.

Reads `markup`, `format`, `title`, `author`, `section`, `metadata["body_kind"]`; writes
`paragraphs`, `captions`, `title` (plain text headline when none is known), `author`
(bylines), `section`, `metadata` (`removed` = [{"rule", "text"}], `editor`, `translator`,
`reviewer`, `roc_stamp`, `dateline`, `agency`, `outlet`, `date_text`, `extractor`) and `error`
(no article text).

One module per concern: `markup` (HTML through trafilatura, guarded by a block reading),
`plaintext` (text and Markdown bodies, a scrape's header lines), then the rule families of
`rules.py` in the order `clean` gives: `boilerplate` (whole paragraphs), `bylines`, `credits`
(credits and stamps), `ending` (what follows the article). Every removal is recorded so tests
and the evaluation can show it.
"""

from __future__ import annotations

from dataclasses import replace

import lxml.etree

from taimei.news.pipeline.document import Document, Options
from taimei.news.pipeline.extract.bylines import clean_author, split_reporter_place
from taimei.news.pipeline.extract.clean import clean_paragraphs
from taimei.news.pipeline.extract.markup import block_paragraphs, html_paragraphs
from taimei.news.pipeline.extract.matching import is_sentence
from taimei.news.pipeline.extract.plaintext import lead, text_paragraphs
from taimei.news.pipeline.extract.work import Work
from taimei.news.pipeline.parse import looks_like_html

__all__ = [
    "block_paragraphs",
    "clean_author",
    "clean_paragraphs",
    "extract",
    "is_sentence",
    "split_reporter_place",
]

_FRAGMENT_FORMATS = frozenset({"jekyll", "feed-entry"})


def extract(document: Document, options: Options) -> Document:
    """Clean paragraphs, captions, author and credits for one decoded, parsed document."""
    del options  # extraction depends on the document alone
    if document.error:
        return document
    try:
        return _extract(document)
    except (ValueError, TypeError, lxml.etree.LxmlError, RecursionError) as exc:
        return replace(document, error=f"could not extract the article text: {exc}")


def _extract(document: Document) -> Document:
    work = Work(
        metadata=dict(document.metadata),
        title=document.title,
        author=document.author,
        section=document.section,
        captions=list(document.captions),
    )
    kind = document.metadata.get("body_kind") or (
        "html" if looks_like_html(document.markup) else "text"
    )
    if kind == "html":
        paragraphs = html_paragraphs(
            document.markup, work, document.format in _FRAGMENT_FORMATS, document.tree
        )
    else:
        paragraphs = text_paragraphs(document.markup, work)
        if document.format == "text":
            paragraphs = lead(paragraphs, work)
    paragraphs = clean_paragraphs(paragraphs, work)
    work.metadata["removed"] = [*document.metadata.get("removed", []), *work.removed]
    updated = replace(
        document,
        paragraphs=paragraphs,
        captions=work.captions,
        title=work.title,
        author=clean_author(work.author),
        section=work.section,
        metadata=work.metadata,
        tree=None,
    )
    if not paragraphs:
        return replace(updated, error="no article text found in the document")
    return updated
