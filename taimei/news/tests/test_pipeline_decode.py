"""Decoding: BOMs, declarations, Big5 / GB18030 sniffing, wrong declarations, garbage."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from taimei.core.text import to_simplified
from taimei.news.pipeline.decode import _count_bad, chinese_score, declared_encoding, decode
from taimei.news.pipeline.document import Document, Options

ENCODINGS = Path(__file__).parent / "fixtures" / "ingest" / "encodings"
TRADITIONAL = (
    "行政院今天通過產業創新條例修正草案，鼓勵企業投資人工智慧與低碳技術，"
    "經濟部指出，預計每年可帶動新台幣500億元投資，並協助中小企業轉型。"
)
SIMPLIFIED = to_simplified(TRADITIONAL)


def _decode(raw: bytes, content_type: str | None = None, **options: int) -> Document:
    return decode(Document(source="test", raw=raw, content_type=content_type), Options(**options))


@pytest.mark.parametrize(
    ("raw", "encoding"),
    [
        (TRADITIONAL.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TRADITIONAL.encode("utf-8"), "utf-8"),
        (TRADITIONAL.encode("utf-16"), "utf-16-le"),
        (b"\xfe\xff" + TRADITIONAL.encode("utf-16-be"), "utf-16-be"),
        (TRADITIONAL.encode("cp950"), "cp950"),
        (SIMPLIFIED.encode("gb18030"), "gb18030"),
    ],
)
def test_reads_boms_utf8_big5_and_gb18030_without_declarations(raw: bytes, encoding: str) -> None:
    document = _decode(raw)
    assert document.error is None
    assert document.encoding == encoding
    assert document.markup in (TRADITIONAL, SIMPLIFIED)


def test_big5_fixture_with_meta_charset() -> None:
    document = _decode((ENCODINGS / "big5_page.html").read_bytes())
    assert document.encoding == "cp950"
    assert "產業創新條例修正草案" in document.markup
    assert "encoding_note" not in document.metadata


def test_gb18030_fixture_without_declaration() -> None:
    document = _decode((ENCODINGS / "gb18030_article.txt").read_bytes())
    assert document.encoding == "gb18030"
    assert "商务部今天发布年度对外投资合作发展报告" in document.markup


@pytest.mark.parametrize(
    ("name", "encoding", "expected"),
    [
        ("declared_utf8_is_big5.html", "cp950", "產業創新條例"),
        ("declared_big5_is_gb18030.html", "gb18030", "商务部今天发布"),
    ],
)
def test_a_wrong_declared_encoding_is_detected(name: str, encoding: str, expected: str) -> None:
    document = _decode((ENCODINGS / name).read_bytes())
    assert document.encoding == encoding
    assert expected in document.markup
    assert "\ufffd" not in document.markup
    assert document.metadata["encoding_note"].startswith("declared ")


def test_utf8_declared_as_big5_is_read_as_utf8() -> None:
    document = _decode(TRADITIONAL.encode("utf-8"), "text/html; charset=big5")
    assert document.encoding == "utf-8"
    assert document.markup == TRADITIONAL
    assert document.metadata["encoding_note"] == "declared cp950, read as utf-8"


@pytest.mark.parametrize(
    ("raw", "content_type", "expected"),
    [
        (b"x", "text/html; charset=Big5", "cp950"),
        (b"x", 'text/html; charset="gb2312"', "gb18030"),
        (b'<?xml version="1.0" encoding="GBK"?><rss/>', None, "gb18030"),
        (b'<html><meta charset="utf-8"></html>', None, "utf-8"),
        (b'<meta http-equiv="Content-Type" content="text/html; charset=big5">', None, "cp950"),
        (b"x", "text/html; charset=ISO-8859-1", "cp1252"),
        (b"x", "text/html; charset=nonsense-42", None),
        (b"x", None, None),
    ],
)
def test_declared_encoding(raw: bytes, content_type: str | None, expected: str | None) -> None:
    assert declared_encoding(raw, content_type) == expected


def test_declared_latin1_is_used_for_non_utf8_western_text() -> None:
    document = _decode("Café in Taipei — naïve".encode("cp1252"), "text/plain; charset=latin-1")
    assert document.markup == "Café in Taipei — naïve"
    assert document.encoding == "cp1252"


def test_a_cut_off_utf8_tail_is_still_utf8() -> None:
    document = _decode(TRADITIONAL.encode("utf-8")[:-1])
    assert document.encoding == "utf-8"
    assert document.markup.startswith("行政院今天通過")


def test_newlines_are_normalised() -> None:
    assert _decode(b"a\r\nb\rc").markup == "a\nb\nc"


@pytest.mark.parametrize(
    "raw",
    [
        random.Random(7).randbytes(4096),
        bytes(range(256)) * 16,
        b"\x00" * 100 + b"PK\x03\x04" + random.Random(8).randbytes(500),
        b"%PDF-1.7\n" + random.Random(9).randbytes(3000),
    ],
)
def test_binary_garbage_is_an_error(raw: bytes) -> None:
    document = _decode(raw)
    assert document.error == "binary data, not text: cannot read it as a document"
    assert document.markup == ""


def test_bad_characters_are_counted_as_the_character_class_says() -> None:
    bad = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd\ue000-\uf8ff]")
    text = "".join(map(chr, range(0x110000)))
    assert _count_bad(text) == len(bad.findall(text)) == 9 + 1 + 18 + 1 + 1 + 0x1900
    assert _count_bad("台積電\t\n\x0c\r OK") == 0


@pytest.mark.parametrize("raw", [b"", b"   \n\t "])
def test_empty_input_is_an_error(raw: bytes) -> None:
    assert _decode(raw).error == "empty input: nothing to read"


def test_oversized_input_is_an_error() -> None:
    document = _decode(b"<p>" + b"x" * 2000 + b"</p>", max_bytes=1000)
    assert document.error == "input too large: 2007 bytes (limit 1000)"


def test_feed_entries_and_failed_documents_pass_through_unchanged() -> None:
    entry = Document(source="e", format="feed-entry", markup="<p>已解碼</p>")
    assert decode(entry, Options()) is entry
    failed = Document(source="f", raw=b"x", error="earlier failure")
    assert decode(failed, Options()) is failed


def test_empty_feed_entry_says_so() -> None:
    document = decode(Document(source="e", format="feed-entry"), Options())
    assert document.error == "empty input: the feed entry has no content to read"


def test_chinese_score_separates_right_and_wrong_codecs() -> None:
    big5 = TRADITIONAL.encode("cp950")
    assert chinese_score(big5.decode("cp950")) > 0.95
    assert chinese_score(big5.decode("gb18030", errors="replace")) < 0.7
