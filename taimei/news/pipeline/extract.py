"""Stage: the article's own text, in paragraphs, without the page's furniture.

Reads `markup`, `format`, `title`, `author`, `section`, `metadata["body_kind"]`; writes
`paragraphs`, `captions`, `title` (plain text headline when none is known), `author`
(bylines), `section`, `metadata` (`removed` = [{"rule", "text"}], `editor`, `translator`,
`reviewer`, `roc_stamp`, `dateline`, `agency`, `outlet`, `date_text`, `extractor`) and `error`
(no article text).

HTML goes through trafilatura (bare bodies wrapped in <html><body>, which it needs to accept a
feed mirror's fragment); fragments are also read block by block, and the block reading wins
when trafilatura kept clearly less of a fragment, because body recall matters more than
anything. Then the data rules in `rules.py` remove what trafilatura does not know about in
this domain. Every removal is recorded so tests and the evaluation can show it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

import lxml.etree
import lxml.html
import trafilatura

from taimei.core.text import fold
from taimei.news.pipeline import rules
from taimei.news.pipeline.document import Document, Options
from taimei.news.pipeline.parse import html_tree, looks_like_html
from taimei.news.pipeline.rules import Rule

_BLOCK_TAGS = frozenset(
    (
        *("address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption"),
        *("figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main"),
        *("ol", "p", "pre", "section", "table", "td", "th", "tr", "ul", "body", "html"),
    )
)
_TERMINAL = tuple('。！？!?.…」』”"）)】]；;')
_CLAUSE = re.compile(r"[，,、：:；;]|\s\w+\s\w+\s")
_FRAGMENT_FORMATS = frozenset({"jekyll", "feed-entry"})
_MIN_FRAGMENT_COVERAGE = 0.9
_MIN_SELECTED = 0.9
_ANYWHERE_MIN = 20
_MAX_FURNITURE_SHARE = 0.4
_LEADING_WINDOW = 3
_TEASER_MAX = 40
_HEADLINE_MAX = 100
_SECTION_MAX = 8
_WIRE_ROLE = re.compile(
    r"(Reporting|Editing) by ([^;()]+?)(?=;|\)|$| and (?:Editing|Writing))", re.I
)
_IN_PLACE = re.compile(r"\s+in\s+[A-Z][\w .-]*$")
_AUTHOR_PREFIX = re.compile(r"^(?:(?:實習|特派)?記者|记者|文\s*[/／]|撰文\s*[/／:：]|by\s+)", re.I)
_MD_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\([^)]*\)")
_MD_LINK = re.compile(r"\[(?P<text>[^\]]+)\]\([^)]*\)")
_MD_MARKS = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?|[*+-]\s+)|\*\*|__")


@dataclass(slots=True)
class _Work:
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
    work = _Work(
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
        paragraphs = _html_paragraphs(document.markup, work, document.format in _FRAGMENT_FORMATS)
    else:
        paragraphs = _text_paragraphs(document.markup, work)
        if document.format == "text":
            paragraphs = _lead(paragraphs, work)
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
    )
    if not paragraphs:
        return replace(updated, error="no article text found in the document")
    return updated


def clean_author(author: str | None) -> str | None:
    """Feed authors come as 記者黃小華, By Jane Doe or 文／王小明: keep the name."""
    if not author:
        return None
    name = _AUTHOR_PREFIX.sub("", author.strip()).strip()
    name = rules.AUTHOR_SUFFIX.sub("", name).strip()
    return name or None


# --- HTML ---------------------------------------------------------------------------------


def _html_paragraphs(markup: str, work: _Work, fragment: bool) -> list[str]:
    """Paragraphs of an HTML page or fragment: trafilatura, guarded by a block reading."""
    if fragment or not re.search(r"<html\b", markup[:4000], re.IGNORECASE):
        markup = f"<html><body>{markup}</body></html>"
    tree = html_tree(markup)
    if tree is None:
        return []
    _strip_furniture(tree, work)
    blocks = block_paragraphs(tree)
    extracted = trafilatura.extract(
        tree,
        include_comments=False,
        include_tables=True,
        favor_recall=fragment,
        output_format="txt",
        deduplicate=False,
    )
    paragraphs = _select(blocks, extracted or "")
    work.metadata["extractor"] = "trafilatura"
    kept, offered = _length(paragraphs), _length(blocks)
    if not paragraphs or (fragment and kept < _MIN_FRAGMENT_COVERAGE * offered):
        work.metadata["extractor"] = "blocks"
        return blocks
    return paragraphs


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
    return _lines(extracted)


def _compact(text: str) -> str:
    return "".join(text.split())


def _strip_furniture(tree: lxml.html.HtmlElement, work: _Work) -> None:
    """Drop scripts, forms and widget blocks; move figure captions into `captions`."""
    for element in list(tree.iter(*rules.DROP_TAGS)):
        _remove(element)
    total = max(1, len(tree.text_content()))
    for element in list(tree.iter()):
        if not isinstance(element.tag, str) or _detached(element, tree):
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
    chunks: list[str] = []
    _walk(tree, chunks)
    return _lines("".join(chunks))


def _walk(element: lxml.html.HtmlElement, chunks: list[str]) -> None:
    if not isinstance(element.tag, str):  # comments and processing instructions
        chunks.append(element.tail or "")
        return
    block = element.tag in _BLOCK_TAGS
    if block or element.tag == "br":
        chunks.append("\n")
    chunks.append(element.text or "")
    for child in element:
        _walk(child, chunks)
    if block:
        chunks.append("\n")
    chunks.append(element.tail or "")


def _lines(text: str) -> list[str]:
    return [line for line in (" ".join(raw.split()) for raw in text.split("\n")) if line]


def _length(paragraphs: Iterable[str]) -> int:
    return sum(len(paragraph) for paragraph in paragraphs)


# --- plain text ----------------------------------------------------------------------------


def _text_paragraphs(markup: str, work: _Work) -> list[str]:
    """Paragraphs of plain text (or a Markdown body): one per line, hard wraps rejoined."""
    lines: list[str] = []
    for raw in markup.split("\n"):
        line = raw.strip().strip("\u3000").strip()
        image = _MD_IMAGE.search(line)
        if image:
            if image.group("alt").strip():
                work.captions.append(image.group("alt").strip())
            line = _MD_IMAGE.sub("", line).strip()
        line = _MD_MARKS.sub("", _MD_LINK.sub(r"\g<text>", line)).strip()
        lines.append(line)
    return _rejoin(lines)


def _rejoin(lines: list[str]) -> list[str]:
    """Join hard-wrapped lines: a long line without end punctuation continues on the next."""
    paragraphs: list[str] = []
    joinable = False
    for line in lines:
        if not line:
            joinable = False
            continue
        if joinable and paragraphs:
            glue = " " if paragraphs[-1][-1].isascii() and line[0].isascii() else ""
            paragraphs[-1] = paragraphs[-1] + glue + line
        else:
            paragraphs.append(line)
        last = paragraphs[-1]
        joinable = len(line) >= 60 and not line.endswith(_TERMINAL) and line.isascii()
        joinable = joinable and not last.endswith(_TERMINAL)
    return paragraphs


def _lead(paragraphs: list[str], work: _Work) -> list[str]:
    """Scraped text: date line, section line and headline before the article."""
    rest = list(paragraphs)
    while rest:
        folded = rest[0].translate(rules.WIDTH_TABLE).strip()
        match = _first_match(rules.LEAD_RULES, folded)
        if match is not None:
            rule, found = match
            work.metadata.setdefault("date_text", found.group("date"))
            work.record(rule.name, rest.pop(0))
        elif folded in rules.SECTIONS and len(folded) <= _SECTION_MAX:
            work.section = work.section or folded
            work.record("section_line", rest.pop(0))
        else:
            break
    if rest and not work.title and _is_headline(rest[0]) and len(rest) > 1:
        work.title = rest[0]
        work.record("headline", rest.pop(0))
    return rest


def _is_headline(line: str) -> bool:
    return len(line) <= _HEADLINE_MAX and not line.endswith(("。", "！", "？", ".", "!", "?"))


# --- rules ---------------------------------------------------------------------------------


def clean_paragraphs(paragraphs: list[str], work: _Work) -> list[str]:
    """Apply the rule families in order; each step keeps real sentences whenever unsure."""
    kept = _paragraph_rules(paragraphs, work)
    kept = _bylines(kept, work)
    kept = _credits(kept, work)
    kept = _trailing(kept, work)
    return _title_repeat(kept, work)


def _first_match(family: Iterable[Rule], folded: str) -> tuple[Rule, re.Match[str]] | None:
    for rule in family:
        if rule.max_length is not None and len(folded) > rule.max_length:
            continue
        if not rule.sentences and is_sentence(folded):
            continue
        found = rule.pattern.search(folded)
        if found:
            return rule, found
    return None


def is_sentence(text: str) -> bool:
    """A paragraph that reads as prose: a clause break and sentence punctuation at the end."""
    stripped = text.rstrip()
    return stripped.endswith(_TERMINAL) and bool(_CLAUSE.search(stripped))


def _paragraph_rules(paragraphs: list[str], work: _Work) -> list[str]:
    """Whole-paragraph rules: boilerplate, related-link blocks, captions."""
    kept: list[str] = []
    in_block: str | None = None
    for paragraph in paragraphs:
        folded = paragraph.translate(rules.WIDTH_TABLE)
        if in_block and not is_sentence(folded) and len(folded) <= _HEADLINE_MAX:
            work.record(in_block, paragraph)
            continue
        in_block = None
        match = _first_match((*rules.DROP_RULES, *rules.BLOCK_RULES, *rules.CAPTION_RULES), folded)
        if match is None:
            kept.append(paragraph)
            continue
        rule = match[0]
        if rule.kind == "caption":
            work.captions.append(paragraph)
        work.record(rule.name, paragraph)
        in_block = rule.name if rule.kind == "block" else None
    return kept


def _bylines(paragraphs: list[str], work: _Work) -> list[str]:
    """Bylines at the start of the first paragraphs (or alone on a line) become the author."""
    kept: list[str] = []
    for index, paragraph in enumerate(paragraphs):
        folded = paragraph.translate(rules.WIDTH_TABLE)
        found = _cut_match(rules.BYLINE_RULES, folded)
        whole = found is not None and not folded[found[1].end() :].strip()
        if found is None or not (index < _LEADING_WINDOW or whole):
            kept.append(paragraph)
            continue
        rule, match = found
        _take_byline(match, work)
        work.record(rule.name, paragraph[: match.end()].strip())
        rest = paragraph[match.end() :].strip()
        if rest:
            kept.append(rest)
    return kept


def _cut_match(family: Iterable[Rule], folded: str) -> tuple[Rule, re.Match[str]] | None:
    """The first rule whose match (not the paragraph) fits its length limit."""
    for rule in family:
        match = rule.pattern.search(folded)
        if match is None or (rule.max_length is not None and len(match[0]) > rule.max_length):
            continue
        if rule.sentences or not is_sentence(folded) or match.end() < len(folded.rstrip()):
            return rule, match
    return None


def _take_byline(match: re.Match[str], work: _Work) -> None:
    groups = {key: value for key, value in match.groupdict().items() if value}
    author = groups.get("author")
    if "who" in groups or ("agency" in groups and "day" in groups):
        author, place = split_reporter_place(groups.get("who", "") + groups.get("place", ""))
        work.metadata["dateline"] = {"place": place, "day": groups.get("day")}
    elif groups.get("place"):
        work.metadata["dateline"] = {"place": groups["place"]}
    for key in ("agency", "outlet"):
        if key in groups:
            work.metadata[key] = groups[key]
    if author:
        if work.author and work.author != author:
            work.metadata.setdefault("feed_author", work.author)
        work.author = author.strip()
        work.bylined = True


def split_reporter_place(text: str) -> tuple[str | None, str]:
    """Split CNA's run-together 楊舒晴台北 into reporter(s) and dateline place."""
    for place in sorted(rules.PLACES, key=len, reverse=True):
        if text.endswith(place):
            names = text[: -len(place)].strip("、 ")
            return names or None, place
    names, _, last = text.rpartition("、")
    name_length = 3 if len(last) >= 5 else 2  # most Taiwanese names have three characters
    if len(last) <= name_length:
        return None, text
    reporter = f"{names}、{last[:name_length]}" if names else last[:name_length]
    return reporter, last[name_length:]


def _credits(paragraphs: list[str], work: _Work) -> list[str]:
    """Editor and translator credits anywhere; ROC stamps and end marks after the article."""
    kept: list[str] = []
    for paragraph in paragraphs:
        text = _cut_all(paragraph, rules.CREDIT_RULES, work)
        if text:
            kept.append(text)
    while kept:
        text = _cut_all(kept[-1], (*rules.STAMP_RULES, *rules.CREDIT_RULES), work)
        if text == kept[-1]:
            break
        if text:
            kept[-1] = text
        else:
            kept.pop()
    return kept


def _cut_all(paragraph: str, family: tuple[Rule, ...], work: _Work) -> str:
    """Cut every match of the family out of one paragraph, lifting named groups."""
    text = paragraph
    for rule in family:
        if rule.max_length is not None and len(text) > rule.max_length:
            continue
        folded = text.translate(rules.WIDTH_TABLE)
        match = rule.pattern.search(folded)
        if match is None:
            continue
        _lift(match, work)
        work.record(rule.name, text[match.start() : match.end()].strip())
        text = (text[: match.start()] + text[match.end() :]).strip()
    return text


def _lift(match: re.Match[str], work: _Work) -> None:
    for key, value in match.groupdict().items():
        if not value:
            continue
        if key == "credits":
            _wire_credits(value, work)
        else:
            work.metadata[key] = value.strip()


def _wire_credits(text: str, work: _Work) -> None:
    """(Reporting by Jane Doe in Taipei; Editing by John Roe) → author and editor."""
    for role, names in _WIRE_ROLE.findall(text):
        names = _IN_PLACE.sub("", names.strip())
        if role.lower() == "editing":
            work.metadata["editor"] = names
        elif not work.bylined:
            work.author = names


def _trailing(paragraphs: list[str], work: _Work) -> list[str]:
    """Unrelated teaser lines after the article's last sentence."""
    kept = list(paragraphs)
    while len(kept) > 1:
        folded = kept[-1].translate(rules.WIDTH_TABLE).strip()
        match = _first_match(rules.TRAILING_RULES, folded)
        if match is not None:
            work.record(match[0].name, kept.pop())
        elif _is_teaser(folded) and any(is_sentence(p) for p in kept[:-1]):
            work.record("trailing_short_line", kept.pop())
        else:
            break
    return kept


def _is_teaser(folded: str) -> bool:
    """A short line with no sentence punctuation at all: a link, not the article's ending."""
    return len(folded) <= _TEASER_MAX and not folded.endswith(_TERMINAL) and "," not in folded


def _title_repeat(paragraphs: list[str], work: _Work) -> list[str]:
    if paragraphs and work.title and fold(paragraphs[0]) == fold(work.title):
        work.record("title_repeat", paragraphs[0])
        return paragraphs[1:]
    return paragraphs
