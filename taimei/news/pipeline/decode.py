"""Stage: bytes to text.

Reads `raw`, `content_type`, `markup`; writes `markup`, `encoding`, `metadata["encoding_note"]`
and `error`. A document that arrives with `markup` and no `raw` (a feed entry) passes through.

Order of evidence: byte-order mark, then strict UTF-8 (real text in any other encoding is
practically never valid UTF-8), then the declared encoding (HTTP content type, XML
declaration, HTML meta charset), then the best-scoring of Big5 (cp950) and GB18030. A declared
encoding is only trusted when its decoding reads like Chinese, so a page that says big5 but
holds GB18030 (or the reverse) is still read correctly.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import replace
from functools import cache

import charset_normalizer
import numpy as np

from taimei.news.pipeline.document import Document, Options

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# WHATWG-style aliases: sites that say big5 or gb2312 really use the larger Microsoft/GB sets.
_ALIASES = {
    "big5": "cp950",
    "big5-tw": "cp950",
    "x-x-big5": "cp950",
    "cn-big5": "cp950",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "euc-cn": "gb18030",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
}
_SNIFFED_CJK = ("cp950", "gb18030")

_CHARSET_PARAM = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")
_META = re.compile(rb"<meta[^>]+charset[^>]*>", re.IGNORECASE)
_HEAD_BYTES = 8192

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# Characters that appear when Chinese bytes are read with the wrong Chinese codec: kana, box
# drawing, Greek/Cyrillic letters, Bopomofo, compatibility forms.
_ODD = re.compile(r"[\u3040-\u30ff\u2500-\u257f\u0370-\u04ff\u3100-\u312f\ufe30-\ufe6f]")
_MIN_CJK_FOR_SCORE = 8
_GOOD_SCORE = 0.9
_MAX_CONTROL_RATIO = 0.02
_MAX_REPLACEMENT_RATIO = 0.001


def decode(document: Document, options: Options) -> Document:
    """Decode `raw` into `markup`; garbage, empty or oversized input sets `error`."""
    if document.error or (document.markup and not document.raw):
        return document
    try:
        return _decode(document, options)
    except (LookupError, ValueError, UnicodeError) as exc:
        return replace(document, error=f"could not decode the input: {exc}")


def _decode(document: Document, options: Options) -> Document:
    raw = document.raw
    if not raw.strip():
        what = "the feed entry has no content" if document.format == "feed-entry" else "nothing"
        return replace(document, error=f"empty input: {what} to read")
    if len(raw) > options.max_bytes:
        return replace(
            document, error=f"input too large: {len(raw)} bytes (limit {options.max_bytes})"
        )
    declared = declared_encoding(raw, document.content_type)
    text, encoding = decode_bytes(raw, declared)
    if text is None or _looks_binary(text):
        return replace(document, error="binary data, not text: cannot read it as a document")
    metadata = dict(document.metadata)
    if declared and encoding != declared:
        metadata["encoding_note"] = f"declared {declared}, read as {encoding}"
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return replace(document, markup=text, encoding=encoding, metadata=metadata)


def declared_encoding(raw: bytes, content_type: str | None) -> str | None:
    """The encoding the transport or the document itself claims, normalised to a codec name."""
    candidates: list[bytes] = []
    if content_type:
        match = _CHARSET_PARAM.search(content_type.encode("ascii", "ignore"))
        if match:
            candidates.append(match.group(1))
    head = raw[:_HEAD_BYTES]
    xml = _XML_DECL.match(head)
    if xml:
        candidates.append(xml.group(1))
    for meta in _META.finditer(head):
        match = _CHARSET_PARAM.search(meta.group(0))
        if match:
            candidates.append(match.group(1))
    for name in candidates:
        codec = _codec(name.decode("ascii", "ignore"))
        if codec:
            return codec
    return None


def decode_bytes(raw: bytes, declared: str | None = None) -> tuple[str | None, str | None]:
    """Text and codec name for `raw`, or (None, None) when nothing reads it as text."""
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            try:
                return raw[len(bom) :].decode(codec), codec
            except UnicodeDecodeError:
                break
    utf8 = _lenient_utf8(raw)
    if utf8 is not None:
        return utf8, "utf-8"
    if declared and declared != "utf-8":
        text = _strict(raw, declared)
        if text is not None and _reads_well(text):
            return text, declared
    best = _best_cjk(raw)
    if best is not None:
        return best
    return _fallback(raw, declared)


def _lenient_utf8(raw: bytes) -> str | None:
    """UTF-8 text, tolerating a handful of broken bytes (a cut-off tail, one bad byte)."""
    text = raw.decode("utf-8", errors="replace")
    broken = text.count("\ufffd")
    if broken == 0:
        return text
    multibyte = sum(1 for char in text if ord(char) > 0x7F) - broken
    if broken <= max(1, len(text) * _MAX_REPLACEMENT_RATIO) and multibyte >= 10 * broken:
        return text
    return None


def _codec(name: str) -> str | None:
    """Python codec name for a declared charset label, or None when unknown."""
    label = name.strip().lower()
    label = _ALIASES.get(label, label)
    try:
        codec = codecs.lookup(label).name
    except LookupError:
        return None
    return _ALIASES.get(codec, codec)


def _strict(raw: bytes, codec: str) -> str | None:
    try:
        return raw.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _reads_well(text: str) -> bool:
    """False when decoded text looks like mojibake: odd symbols, rare characters, controls."""
    if _looks_binary(text):
        return False
    cjk = len(_CJK.findall(text))
    if cjk < _MIN_CJK_FOR_SCORE:
        return True
    return chinese_score(text) >= _GOOD_SCORE


def _best_cjk(raw: bytes) -> tuple[str, str] | None:
    """The Chinese codec whose strict decoding reads most like real Chinese text."""
    scored: list[tuple[float, str, str]] = []
    for codec in _SNIFFED_CJK:
        text = _strict(raw, codec)
        if text is not None and len(_CJK.findall(text)) >= _MIN_CJK_FOR_SCORE:
            scored.append((chinese_score(text), codec, text))
    if not scored:
        return None
    score, codec, text = max(scored)
    return (text, codec) if score >= _GOOD_SCORE / 2 else None


def _fallback(raw: bytes, declared: str | None) -> tuple[str | None, str | None]:
    """Last resort: charset-normalizer's guess, then the declared codec with replacements."""
    guess = charset_normalizer.from_bytes(raw).best()
    if guess is not None and guess.encoding:
        text = str(guess)
        if _reads_well(text):
            return text, _codec(guess.encoding) or guess.encoding
    for codec in (declared, "utf-8", *_SNIFFED_CJK):
        if codec is None:
            continue
        text = raw.decode(codec, errors="replace")
        if text.count("\ufffd") <= max(1, len(text) * _MAX_REPLACEMENT_RATIO):
            return text, codec
    return None, None


def chinese_score(text: str) -> float:
    """Share of Han characters that are common ones (GB2312 level 1 or Big5 level 1).

    Big5 bytes read as GB18030 (or the reverse) turn into rare characters, kana and box
    drawing, so a correct decoding scores near 1.0 and a wrong one near 0.5.
    """
    common = _common_hanzi()
    cjk = _CJK.findall(text)
    good = sum(1 for char in cjk if char in common)
    return good / max(1, len(cjk) + len(_ODD.findall(text)))


@cache
def _common_hanzi() -> frozenset[str]:
    """The frequently used characters of both scripts, taken from the codecs' level-1 blocks."""
    chars: set[str] = set()
    blocks = (
        ("gb2312", range(0xB0, 0xD8), range(0xA1, 0xFF)),
        ("cp950", range(0xA4, 0xC7), (*range(0x40, 0x7F), *range(0xA1, 0xFF))),
    )
    for codec, leads, trails in blocks:
        for lead in leads:
            for trail in trails:
                try:
                    chars.add(bytes((lead, trail)).decode(codec))
                except UnicodeDecodeError:
                    continue
    return frozenset(char for char in chars if _CJK.match(char))


def _looks_binary(text: str) -> bool:
    """Control characters, replacement marks or private-use code points in bulk mean garbage."""
    if not text:
        return True
    return _count_bad(text) > max(2, len(text) * _MAX_CONTROL_RATIO)


def _count_bad(text: str) -> int:
    """Control characters other than tab, newline, form feed and carriage return; DEL; U+FFFD;
    the private-use area U+E000–U+F8FF. Counted on the code points with numpy: a whole page
    goes through this, and a regular expression would take a Python-visible step per match."""
    points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    low = points[points < 0x20]
    bad = len(low) - np.count_nonzero((low == 0x09) | (low == 0x0A) | (low == 0x0C) | (low == 0x0D))
    high = points[points >= 0x7F]
    bad += np.count_nonzero(high == 0x7F) + np.count_nonzero(high == 0xFFFD)
    return int(bad + np.count_nonzero((high >= 0xE000) & (high <= 0xF8FF)))
