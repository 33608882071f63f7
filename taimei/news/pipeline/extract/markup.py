"""HTML pages and fragments: trafilatura, guarded by a reading of the markup's blocks.

Bare bodies are wrapped in <html><body>, which trafilatura needs to accept a feed mirror's
fragment; fragments are also read block by block, and the block reading wins when
trafilatura kept clearly less of a fragment, because body recall matters more than anything.

trafilatura runs in its fast mode (no readability/jusText comparison): on the evaluation set,
the test fixtures, the demo samples and the benchmark pages its output is identical to the
default mode's, and the block reading already guards what the comparison would rescue.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

import lxml.etree
import lxml.html
import trafilatura
from trafilatura.settings import Extractor

from taimei.news.pipeline import rules
from taimei.news.pipeline.extract.matching import lines
from taimei.news.pipeline.extract.work import Work
from taimei.news.pipeline.parse import html_tree

_BLOCK_TAGS = frozenset(
    (
        *("address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption"),
        *("figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main"),
        *("ol", "p", "pre", "section", "table", "td", "th", "tr", "ul", "body", "html"),
    )
)
_MIN_FRAGMENT_COVERAGE = 0.9
_MIN_SELECTED = 0.9
_ANYWHERE_MIN = 20
_MAX_FURNITURE_SHARE = 0.4
_HTML_START = re.compile(r"<html\b", re.IGNORECASE)
# What a furniture rule may judge: elements with a class or an id, and caption tags. Selected
# in C, so the rules' regexes run on a few dozen elements, not all; asking for the attributes
# (whose parents are the elements, in document order) is cheaper than testing every element.
_JUDGED = lxml.etree.XPath(
    "descendant-or-self::*/@class | descendant-or-self::*/@id"
    + "".join(f" | descendant-or-self::{tag}" for tag in rules.CAPTION_TAGS)
)
_TEXT_LENGTH = lxml.etree.XPath("string-length()")
_SmartString = lxml.etree._ElementUnicodeResult  # an attribute value that knows its element


def html_paragraphs(
    markup: str, work: Work, fragment: bool, parsed: lxml.html.HtmlElement | None = None
) -> list[str]:
    """Paragraphs of an HTML page or fragment: trafilatura, guarded by a block reading.

    `parsed` is `markup` already parsed (by the parse stage); it is used, and changed, unless
    the markup has to be wrapped first.
    """
    if fragment or not _HTML_START.search(markup, 0, 4000):
        tree = html_tree(f"<html><body>{markup}</body></html>")
    else:
        tree = parsed if parsed is not None else html_tree(markup)
    if tree is None:
        return []
    _strip_furniture(tree, work)
    blocks = block_paragraphs(tree)
    extracted = trafilatura.extract(tree, options=_extractor(recall=fragment))
    paragraphs = _select(blocks, extracted or "")
    work.metadata["extractor"] = "trafilatura"
    kept, offered = _length(paragraphs), _length(blocks)
    if not paragraphs or (fragment and kept < _MIN_FRAGMENT_COVERAGE * offered):
        work.metadata["extractor"] = "blocks"
        return blocks
    return paragraphs


@cache
def _extractor(*, recall: bool) -> Extractor:
    """trafilatura's settings, built once: building them reads its config file's values on
    every call, a tenth of a millisecond per page. trafilatura never changes them (its recall
    retry works on a copy)."""
    return Extractor(
        comments=False, tables=True, recall=recall, output_format="txt", dedup=False, fast=True
    )


def _select(blocks: list[str], extracted: str) -> list[str]:
    """The blocks trafilatura kept, in order, so paragraph boundaries come from the markup.

    trafilatura sometimes joins a short article into one line; its text decides what is
    content, the blocks decide where paragraphs end. Short blocks must follow the previous
    match directly, so a two-character menu item cannot match a word inside the article.
    """
    target = _compact(extracted)
    chosen: list[str] = []
    cursor = 0
    for block in blocks:
        key = _compact(block)
        if len(key) >= _ANYWHERE_MIN:
            position = target.find(key, cursor)
        else:
            position = cursor if target.startswith(key, cursor) else -1
        if position >= 0:
            chosen.append(block)
            cursor = position + len(key)
    if sum(len(_compact(block)) for block in chosen) >= _MIN_SELECTED * len(target):
        return chosen
    return lines(extracted)


def _compact(text: str) -> str:
    return "".join(text.split())


def _strip_furniture(tree: lxml.html.HtmlElement, work: Work) -> None:
    """Drop scripts, forms and widget blocks; move figure captions into `captions`."""
    for element in list(tree.iter(*rules.DROP_TAGS)):
        _remove(element)
    total = max(1, int(_TEXT_LENGTH(tree)))  # len(tree.text_content()), without the string
    for element in _judged(tree):
        if _detached(element, tree):
            continue
        names = f"{element.get('class') or ''} {element.get('id') or ''}"
        if element.tag in rules.CAPTION_TAGS or rules.CAPTION_CLASS.search(names):
            caption = " ".join(element.text_content().split())
            if caption:
                work.captions.append(caption)
            _remove(element)
        elif rules.BOILERPLATE_CLASS.search(names):
            text = " ".join(element.text_content().split())
            if len(text) <= _MAX_FURNITURE_SHARE * total:
                if text:
                    work.record("dom_boilerplate", text)
                _remove(element)


def _judged(tree: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    """The elements `_JUDGED` selects, each once, in document order."""
    elements: list[lxml.html.HtmlElement] = []
    for node in _JUDGED(tree):
        element = node.getparent() if isinstance(node, _SmartString) else node  # its owner
        if not elements or elements[-1] is not element:  # class and id of one element
            elements.append(element)
    return elements


def _detached(element: lxml.html.HtmlElement, root: lxml.html.HtmlElement) -> bool:
    """True inside a block removed already (its top ancestor is no longer the root)."""
    top = element
    for ancestor in element.iterancestors():
        top = ancestor
    return top is not root


def _remove(element: lxml.html.HtmlElement) -> None:
    """Remove an element but keep its tail text, which belongs to the parent."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    if tail and tail.strip():
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


def block_paragraphs(tree: lxml.html.HtmlElement) -> list[str]:
    """The text of every block element and <br>-separated line, in document order."""
    return lines(str(_BLOCK_TEXT(tree)))


# The page's text with a line break around every block element and before every <br>;
# comments and processing instructions say nothing. An XSLT run in C: walking the tree in
# Python costs a proxy object and a text decoding per element, twice as long on a news page.
_BLOCK_TEXT = lxml.etree.XSLT(
    lxml.etree.XML(
        '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
        '<xsl:output method="text" encoding="UTF-8"/>'
        f'<xsl:template match="{"|".join(sorted(_BLOCK_TAGS))}">'
        "<xsl:text>&#10;</xsl:text><xsl:apply-templates/><xsl:text>&#10;</xsl:text>"
        "</xsl:template>"
        '<xsl:template match="br"><xsl:text>&#10;</xsl:text><xsl:apply-templates/></xsl:template>'
        "</xsl:stylesheet>"
    )
)


def _length(paragraphs: Iterable[str]) -> int:
    return sum(len(paragraph) for paragraph in paragraphs)
