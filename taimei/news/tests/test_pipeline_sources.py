"""Sources: files, folders, feeds, OPML and URLs become documents; nothing raises."""

from __future__ import annotations

import os
from pathlib import Path

import feedparser
import pytest

from taimei.news.pipeline.document import Document, Options
from taimei.news.pipeline.sources import expand, parse_feed, root_element, unsafe_xml
from taimei.news.tests.test_pipeline_fetch import server  # noqa: F401 - pytest fixture

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
FEEDS = FIXTURES / "feeds"
HOSTILE = FIXTURES / "hostile"


def _all(source: Path | str, options: Options | None = None) -> list[Document]:
    return list(expand(str(source), options or Options()))


def test_rss2_entries_become_feed_entry_documents() -> None:
    first, second = _all(FEEDS / "rss2.xml")
    assert first.format == "feed-entry"
    assert first.title == "台美簽署投資合作備忘錄 聚焦AI與半導體"
    assert first.url == first.source == "https://feed.example.tw/news/1001"
    assert first.guid == "example-1001"
    assert first.feed_url == str(FEEDS / "rss2.xml")
    assert first.author == "記者黃小華"
    assert first.published_at is not None
    assert first.published_at.isoformat() == "2026-01-27T10:05:00+08:00"
    assert "<p>台美雙方今（27日）簽署" in first.markup  # content:encoded wins over description
    assert first.metadata["tags"] == ["產經"]
    assert first.metadata["feed_title"] == "範例產經新聞"
    assert first.error is None
    # A date without an offset is read in the default time zone, never naive.
    assert second.published_at is not None
    assert second.published_at.isoformat() == "2026-01-26T18:30:00+08:00"


def test_atom_entries_keep_html_and_turn_plain_text_into_paragraphs() -> None:
    html_entry, text_entry = _all(FEEDS / "atom.xml")
    assert html_entry.title == "Taiwan & U.S. open talks on double-taxation relief"
    assert html_entry.author == "Jane Doe"
    assert html_entry.published_at is not None
    assert html_entry.published_at.isoformat() == "2025-11-03T14:00:00-05:00"
    assert html_entry.markup.startswith("<p>Taiwan and the United States")
    assert text_entry.markup == (
        "<p>Trade officials from both sides met in Washington on Sunday.</p>"
        "<p>They agreed to meet again next month.</p>"
    )


@pytest.mark.parametrize("name", ["rss1.rdf", "rss091.xml"])
def test_rss_1_and_0_91_are_read(name: str) -> None:
    (entry,) = _all(FEEDS / name)
    assert entry.error is None
    assert entry.format == "feed-entry"
    assert entry.url and entry.title and entry.markup


def test_opml_lists_feeds_next_to_it() -> None:
    documents = _all(FEEDS / "list.opml")
    assert [doc.url for doc in documents] == [
        "https://feed.example.tw/news/1001",
        "https://feed.example.tw/news/1002",
        "https://wire.example.com/2025/11/03/tax-talks",
        "https://wire.example.com/2025/11/02/plain",
    ]


def test_folders_are_walked_sorted_and_recursively(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("第二篇。", encoding="utf-8")
    (tmp_path / "a.html").write_text("<p>one</p><p>two</p>", encoding="utf-8")
    (tmp_path / "c.md").write_text("---\ntitle: x\n---\nbody", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("secret", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text("x", encoding="utf-8")
    documents = _all(tmp_path)
    assert [Path(doc.source).relative_to(tmp_path).as_posix() for doc in documents] == [
        "a.html",
        "c.md",
        "b/z.txt",
    ]
    assert [doc.content_type for doc in documents] == ["text/html", "text/markdown", "text/plain"]
    assert documents[2].raw == "第二篇。".encode()


def test_jekyll_html_and_text_files_are_passed_on_as_raw_documents() -> None:
    for name in ("jekyll_feed_mirror.md", "full_page.html", "scraped_page.txt"):
        (document,) = _all(FIXTURES / name)
        assert document.error is None
        assert document.raw == (FIXTURES / name).read_bytes()


@pytest.mark.parametrize("name", ["billion_laughs.xml", "external_entity.xml"])
def test_entity_declarations_are_refused_before_feedparser_sees_them(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def must_not_run(*args: object, **kwargs: object) -> None:
        raise AssertionError("feedparser was given an unsafe document")

    monkeypatch.setattr(feedparser, "parse", must_not_run)
    (document,) = _all(HOSTILE / name)
    assert document.error is not None
    assert "refused" in document.error
    assert "entities" in document.error


def test_a_malformed_entity_document_is_still_refused() -> None:
    truncated = (HOSTILE / "billion_laughs.xml").read_bytes()[:400]
    assert unsafe_xml(truncated) is not None
    assert unsafe_xml((FEEDS / "rss091.xml").read_bytes()) is None  # an external DTD is fine


def test_malformed_feed_keeps_what_it_can_and_records_the_error() -> None:
    *entries, problem = _all(HOSTILE / "malformed.xml")
    assert [entry.url for entry in entries] == ["https://bad.example.com/1"]
    assert problem.error is not None
    assert problem.error.startswith("malformed feed, kept 1 readable entries")


def test_truncated_feed_keeps_the_complete_entries() -> None:
    documents = _all(HOSTILE / "truncated.xml")
    assert documents[0].url == "https://cut.example.tw/1"
    assert "內容完整無缺" in documents[0].markup
    assert documents[-1].error is not None
    assert "malformed feed" in documents[-1].error


def test_html_where_a_feed_was_expected_is_a_clear_error() -> None:
    (document,) = _all(HOSTILE / "html_instead_of_feed.rss")
    assert document.error == "expected an RSS or Atom feed but got an HTML page"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty feed"),
        (b"   \n", "empty feed"),
        (bytes(range(256)) * 8, "not a readable feed"),
        (b'<?xml version="1.0"?><urlset><url><loc>x</loc></url></urlset>', "not a readable feed"),
    ],
)
def test_empty_or_garbage_feeds_are_errors(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "feed.xml"
    path.write_bytes(content)
    (document,) = _all(path)
    assert document.error is not None
    assert message in document.error


def test_missing_and_oversized_files_are_errors_not_exceptions(tmp_path: Path) -> None:
    (missing,) = _all(tmp_path / "nope.txt")
    assert missing.error == f"no such file or folder: {tmp_path / 'nope.txt'}"
    big = tmp_path / "big.html"
    with big.open("wb") as handle:
        handle.truncate(21 * 1024 * 1024)  # a 21 MB sparse file
    (document,) = _all(big)
    assert document.error is not None
    assert document.error.startswith("file too large")


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("x", encoding="utf-8")
    path.chmod(0)
    (document,) = _all(path)
    assert document.error is not None


def test_root_element_sniffing() -> None:
    assert root_element((FEEDS / "rss091.xml").read_bytes()) == "rss"
    assert root_element((FEEDS / "rss1.rdf").read_bytes()) == "rdf"
    assert root_element((FEEDS / "atom.xml").read_bytes()) == "feed"
    assert root_element((FEEDS / "list.opml").read_bytes()) == "opml"
    assert root_element(b"\xef\xbb\xbf<!-- c --><html><body/></html>") == "html"
    assert root_element("<rss/>".encode("utf-16")) == "rss"
    assert root_element(b"plain text") is None


def test_parse_feed_never_treats_bytes_as_a_path() -> None:
    documents = list(parse_feed(b"/etc/passwd", source="x", options=Options()))
    assert len(documents) == 1
    assert documents[0].error is not None
    assert "root:" not in documents[0].markup


def test_urls_are_fetched_and_sniffed(server: str) -> None:  # noqa: F811 - fixture
    options = Options(allow_private_urls=True)
    entries = _all(f"{server}/feed.xml", options)
    assert [entry.url for entry in entries] == [
        "https://feed.example.tw/news/1001",
        "https://feed.example.tw/news/1002",
    ]
    (page,) = _all(f"{server}/page.html", options)
    assert page.error is None
    assert page.content_type == "text/html; charset=utf-8"
    assert page.url == f"{server}/page.html"
    assert page.raw.startswith(b"<!DOCTYPE html>")


def test_opml_url_with_a_page_instead_of_a_feed(server: str) -> None:  # noqa: F811 - fixture
    documents = _all(f"{server}/opml", Options(allow_private_urls=True))
    assert [doc.url for doc in documents[:2]] == [
        "https://feed.example.tw/news/1001",
        "https://feed.example.tw/news/1002",
    ]
    assert documents[2].error == "expected an RSS or Atom feed but got an HTML page"


def test_refused_url_is_an_error_document(server: str) -> None:  # noqa: F811 - fixture
    (document,) = _all(f"{server}/feed.xml")
    assert document.error is not None
    assert document.error.startswith("refused")
