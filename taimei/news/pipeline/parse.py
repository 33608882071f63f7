"""Stage: recognise the format and lift the metadata the format itself carries.

Reads `markup`, `content_type`, `format`, `title`, `author`, `url`; writes `format` ("jekyll",
"html", "text" or an existing "feed-entry"), `markup` (the body without front matter),
`title`, `author`, `url` and `metadata` (`front_matter`, `tags`, `categories`, `date_text`,
`feed_epoch_ms`, `body_kind` = "html" | "text").

Jekyll posts from feed mirrors put an epoch comment, a Markdown link to the original and a
`------` underline before the HTML body; trafilatura rejects the body unless they are gone.
Dates stay text here (`metadata["date_text"]`): the normalize stage owns time zones.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import lxml.etree
import lxml.html

from taimei.news.pipeline import rules
from taimei.news.pipeline.document import Document, Options

_FRONT_MATTER = re.compile(r"\A\ufeff?\s*---[ \t]*\n(?P<head>.*?)\n---[ \t]*(?:\n|\Z)", re.DOTALL)
_KEY_LINE = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:\s*(?P<value>.*)$")
_LIST_ITEM = re.compile(r"^\s+-\s+(?P<value>.*)$|^-\s+(?P<top>.*)$")
_EPOCH_COMMENT = re.compile(r"\A\s*<!--\s*(?P<epoch>\d{10,13})\s*-->\s*")
_TITLE_LINK = re.compile(r"\A\s*\[(?P<title>[^\]\n]+)\]\((?P<url>[^)\s]+)\)[ \t]*\n")
_MD_HEADING = re.compile(r"\A\s*#{1,2}[ \t]+(?P<title>[^\n]+)\n")
_UNDERLINE = re.compile(r"\A\s*(?:-{3,}|={3,})[ \t]*(?:\n|\Z)")
_HTML_SNIFF = re.compile(
    r"<(?:!doctype\s+html|html|head|body|p|div|article|section|br|span|h[1-6]|ul|table)\b",
    re.IGNORECASE,
)
_HTML_TAGS_MIN = 2
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")
_TITLE_SEPARATORS = re.compile(r"\s+[|｜–—-]\s+|\s*｜\s*")

_AUTHOR_META = ("author", "article:author", "dc.creator", "parsely-author")
_SITE_META = ("og:site_name", "application-name", "publisher", "dc.publisher")
_JSON_LD_MAX = 200_000


def parse(document: Document, options: Options) -> Document:
    """Recognise Jekyll, HTML or plain text and lift titles, dates and links from it."""
    del options  # the format alone decides; kept for the stage signature
    if document.error:
        return document
    try:
        return _parse(document)
    except (ValueError, lxml.etree.LxmlError) as exc:
        return replace(document, error=f"could not parse the document: {exc}")


def _parse(document: Document) -> Document:
    markup = document.markup
    if not markup.strip():
        return replace(document, error="empty document: no text after decoding")
    if document.format == "feed-entry":  # sources made every entry's content HTML
        return replace(document, metadata={**document.metadata, "body_kind": "html"})
    front = _FRONT_MATTER.match(markup)
    if front:
        return _parse_jekyll(
            document, parse_front_matter(front.group("head")), markup[front.end() :]
        )
    if _is_html(document):
        return _parse_html(document)
    return replace(document, format="text", metadata={**document.metadata, "body_kind": "text"})


def _is_html(document: Document) -> bool:
    if document.content_type and "html" in document.content_type.lower():
        return True
    return looks_like_html(document.markup)


def looks_like_html(markup: str) -> bool:
    """True when the text carries real HTML structure rather than a stray angle bracket."""
    return len(_HTML_SNIFF.findall(markup[:20000])) >= _HTML_TAGS_MIN


def parse_front_matter(head: str) -> dict[str, Any]:
    """A tolerant reader for the YAML subset Jekyll posts use (scalars and flat lists).

    Feed mirrors write `title: "..."`, `tags: [ a, b ]` and block lists; a full YAML parser
    would add a dependency and execute tags we never need.
    """
    result: dict[str, Any] = {}
    current: str | None = None
    for line in head.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        item = _LIST_ITEM.match(line)
        if item and current is not None:
            value = _scalar(item.group("value") or item.group("top") or "")
            existing = result.get(current)
            result[current] = [*existing, value] if isinstance(existing, list) else [value]
            continue
        match = _KEY_LINE.match(line)
        if not match:
            continue
        current = match.group("key").lower()
        result[current] = _value(match.group("value"))
    return result


def _value(text: str) -> Any:
    text = text.strip()
    if text.startswith("[") and text.endswith("]"):
        return [_scalar(part) for part in _split_flow_list(text[1:-1]) if part.strip()]
    return [] if text == "" else _scalar(text)


def _split_flow_list(text: str) -> list[str]:
    """Split `a, "b, c", d` on commas outside quotes."""
    parts: list[str] = []
    current: list[str] = []
    quote: str | None = None
    for char in text:
        if quote:
            quote = None if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char == ",":
            parts.append("".join(current))
            current = []
            continue
        current.append(char)
    parts.append("".join(current))
    return parts


def _scalar(text: str) -> str:
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] == '"':
        return text[1:-1].replace('\\"', '"').replace("\\\\", "\\")
    if len(text) >= 2 and text[0] == text[-1] == "'":
        return text[1:-1].replace("''", "'")
    return re.sub(r"\s+#.*$", "", text)


def _parse_jekyll(document: Document, front: dict[str, Any], body: str) -> Document:
    metadata: dict[str, Any] = {**document.metadata, "front_matter": front}
    epoch = _EPOCH_COMMENT.match(body)
    if epoch:
        metadata["feed_epoch_ms"] = int(epoch.group("epoch").ljust(13, "0")[:13])
        body = body[epoch.end() :]
    title = _text(front.get("title")) or document.title
    url = _text(front.get("from")) or _text(front.get("url")) or document.url
    heading = _TITLE_LINK.match(body) or _MD_HEADING.match(body)
    if heading:
        title = title or heading.group("title").strip()
        if "url" in heading.groupdict():
            url = url or heading.group("url")
        body = body[heading.end() :]
        underline = _UNDERLINE.match(body)
        if underline:
            body = body[underline.end() :]
    for key in ("tags", "categories"):
        if key in front:
            value = front[key]
            metadata[key] = value if isinstance(value, list) else [value]
    date = _text(front.get("date"))
    if date:
        metadata["date_text"] = date
    metadata["body_kind"] = "html" if looks_like_html(body) else "text"
    return replace(
        document,
        format="jekyll",
        markup=body.strip("\n"),
        title=title,
        url=url,
        author=_text(front.get("author")) or document.author,
        metadata=metadata,
    )


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if value is None:
        return None
    return str(value).strip() or None


def _parse_html(document: Document) -> Document:
    """Title, author, canonical URL and date from the page head, cheaply and tolerantly."""
    metadata: dict[str, Any] = {**document.metadata, "body_kind": "html"}
    title: str | None = document.title
    author, url = document.author, document.url
    root = html_tree(document.markup)
    if root is not None:
        metas = _meta_map(root)
        title = title or metas.get("og:title") or _first_text(root, "//h1") or _page_title(root)
        author = author or next((metas[key] for key in _AUTHOR_META if metas.get(key)), None)
        url = url or _canonical(root) or metas.get("og:url")
        date = page_date(root, metas)
        if date and "date_text" not in metadata:
            metadata["date_text"] = date
        site = next((metas[key] for key in _SITE_META if metas.get(key)), None)
        site = site or _site_from_title(root)
        if site:
            metadata.setdefault("site_name", site)
    return replace(
        document,
        format="html",
        title=title or "",
        author=author,
        url=url,
        metadata=metadata,
        tree=root,
    )


def page_date(root: lxml.html.HtmlElement, metas: dict[str, str]) -> str | None:
    """The publication date as the page states it, from its most reliable place.

    Head metas first, then JSON-LD, then <time datetime>, then the text of a <time> element or
    of an element whose class says it holds the date or the byline (when that text has a year).
    """
    date = next((metas[key] for key in rules.DATE_META if metas.get(key)), None)
    date = date or next(_json_ld_dates(root), None)
    date = date or _first_attr(root, "//time[@datetime]", "datetime")
    return date or next(_element_dates(root), None)


def _json_ld_dates(root: lxml.html.HtmlElement) -> Iterator[str]:
    for script in root.xpath('//script[@type="application/ld+json"]'):
        text = script.text or ""
        if len(text) > _JSON_LD_MAX:
            continue
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            continue
        for key in rules.DATE_JSON_LD:
            found = _json_find(data, key)
            if found:
                yield found
                return


def _json_find(data: object, key: str, depth: int = 0) -> str | None:
    """The first string value of `key` in nested JSON-LD (objects, lists, @graph)."""
    if depth > 8:
        return None
    if isinstance(data, dict):
        value = data.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
        children: list[object] = list(data.values())
    elif isinstance(data, list):
        children = list(data)
    else:
        return None
    for child in children:
        found = _json_find(child, key, depth + 1)
        if found:
            return found
    return None


def _element_dates(root: lxml.html.HtmlElement) -> Iterator[str]:
    """Texts with a year: every <time> element first, then date and byline elements."""
    for element in root.iter("time"):
        text = " ".join(element.text_content().split())
        if len(text) <= rules.DATE_ELEMENT_MAX and rules.DATE_ELEMENT_YEAR.search(text):
            yield text
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag in ("script", "style", "head"):
            continue
        names = f"{element.get('class') or ''} {element.get('id') or ''}"
        if not rules.DATE_ELEMENT_CLASS.search(names):
            continue
        text = " ".join(element.text_content().split())
        if len(text) <= rules.DATE_ELEMENT_MAX and rules.DATE_ELEMENT_YEAR.search(text):
            yield text


def _site_from_title(root: lxml.html.HtmlElement) -> str | None:
    """The site name most outlets append to <title> after a separator ("Story | Outlet")."""
    title = _first_text(root, "//title")
    parts = [part.strip() for part in _TITLE_SEPARATORS.split(title or "") if part.strip()]
    return parts[-1] if len(parts) > 1 else None


def _parser() -> lxml.etree.HTMLParser:
    """lxml's HTML parser with every element an `HtmlElement`, chosen in C.

    lxml.html's own parser asks a Python method which class each element gets (forms and
    inputs have their own), a Python call per element on every access; nothing here needs
    those classes, and trafilatura accepts any `HtmlElement` tree.
    """
    parser = lxml.etree.HTMLParser()
    parser.set_element_class_lookup(
        lxml.etree.ElementDefaultClassLookup(
            element=lxml.html.HtmlElement,
            comment=lxml.html.HtmlComment,
            pi=lxml.html.HtmlProcessingInstruction,
            entity=lxml.html.HtmlEntity,
        )
    )
    return parser


_PARSER = _parser()


def html_tree(markup: str) -> lxml.html.HtmlElement | None:
    """An lxml tree for a page or a fragment, or None when nothing parses.

    lxml refuses str input that carries an XML encoding declaration, so it is dropped first.
    """
    markup = _XML_DECLARATION.sub("", markup, count=1)
    if not markup.strip():
        return None
    try:
        return lxml.html.document_fromstring(markup, parser=_PARSER)
    except (lxml.etree.ParserError, ValueError):
        return None


def _meta_map(root: lxml.html.HtmlElement) -> dict[str, str]:
    found: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        content = (meta.get("content") or "").strip()
        if key and content and key not in found:
            found[key] = content
    return found


def _first_text(root: lxml.html.HtmlElement, xpath: str) -> str | None:
    for element in root.xpath(xpath):
        text = " ".join(element.text_content().split())
        if text:
            return text
    return None


def _first_attr(root: lxml.html.HtmlElement, xpath: str, attribute: str) -> str | None:
    for element in root.xpath(xpath):
        value = (element.get(attribute) or "").strip()
        if value:
            return value
    return None


def _page_title(root: lxml.html.HtmlElement) -> str | None:
    """The <title> without the site name that most outlets append after a separator."""
    title = _first_text(root, "//title")
    if not title:
        return None
    parts = [part for part in _TITLE_SEPARATORS.split(title) if part.strip()]
    return max(parts, key=len).strip() if parts else title


def _canonical(root: lxml.html.HtmlElement) -> str | None:
    for link in root.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
            return str(link.get("href")).strip()
    return None
