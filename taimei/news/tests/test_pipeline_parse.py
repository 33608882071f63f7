"""Parsing: Jekyll front matter and its feed-mirror preamble, HTML heads, plain text."""

from __future__ import annotations

from pathlib import Path

import pytest

from taimei.news.pipeline.document import Document, Options
from taimei.news.pipeline.parse import looks_like_html, parse, parse_front_matter

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
SEEDS = Path(__file__).resolve().parents[4] / "shared" / "seeds"


def _parse(markup: str, **fields: str) -> Document:
    return parse(Document(source="test", markup=markup, **fields), Options())  # type: ignore[arg-type]


def test_jekyll_feed_mirror_post() -> None:
    document = _parse((FIXTURES / "jekyll_feed_mirror.md").read_text(encoding="utf-8"))
    assert document.format == "jekyll"
    assert document.title == "經濟部攜手半導體業者  赴美設立供應鏈服務據點"
    assert document.url == "https://news.example.tw/news/afe/202511040042.aspx"
    assert document.author == "(臺)中央社CNA"
    assert document.metadata["tags"] == ["(臺)中央社CNA", "產經"]
    assert document.metadata["categories"] == ["(臺)中央社CNA"]
    assert document.metadata["date_text"] == "2025-11-04T03:15:00.000Z"
    assert document.metadata["feed_epoch_ms"] == 1762226100000
    assert document.metadata["body_kind"] == "html"
    # The epoch comment, the Markdown title link and the underline are gone.
    assert document.markup.startswith("<div>")
    assert "------" not in document.markup
    assert "<!--" not in document.markup


def test_seed_000_when_available() -> None:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not available")
    seed = next(SEEDS.glob("000_*.txt"))
    document = _parse(seed.read_text(encoding="utf-8"))
    assert document.format == "jekyll"
    assert document.url == "https://www.cna.com.tw/news/afe/202008130333.aspx"
    assert document.markup.startswith("<div>")


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ('title: "He said \\"yes\\""', {"title": 'He said "yes"'}),
        ("title: 'It''s here'", {"title": "It's here"}),
        ('tags: [ a, "b, c", d ]', {"tags": ["a", "b, c", "d"]}),
        ("tags:\n  - one\n  - two", {"tags": ["one", "two"]}),
        ("# comment\nauthor: 王小明 # inline", {"author": "王小明"}),
        ("Date: 2020-08-13", {"date": "2020-08-13"}),
        ("not yaml at all", {}),
    ],
)
def test_front_matter_subset(head: str, expected: dict[str, object]) -> None:
    assert parse_front_matter(head) == expected


def test_markdown_jekyll_body_is_text_and_the_heading_gives_the_title() -> None:
    document = _parse("---\nlayout: post\n---\n# 標題在這裡\n\n第一段內容。\n\n第二段內容。")
    assert document.format == "jekyll"
    assert document.title == "標題在這裡"
    assert document.metadata["body_kind"] == "text"
    assert document.markup == "第一段內容。\n\n第二段內容。"


def test_html_head_metadata() -> None:
    document = _parse((FIXTURES / "full_page.html").read_text(encoding="utf-8"))
    assert document.format == "html"
    assert document.title == "綠能業者組團訪美 洽談離岸風電合作"
    assert document.url == "https://example-news.tw/article/20251021-wind"
    assert document.metadata["date_text"] == "2025-10-21T14:30:00+08:00"


def test_html_title_without_the_site_name() -> None:
    document = _parse("<html><head><title>台美論壇登場 | 範例新聞網</title></head><body><p>x</p>")
    assert document.title == "台美論壇登場"


def test_xhtml_with_an_xml_declaration() -> None:
    markup = (
        '<?xml version="1.0" encoding="utf-8"?>'
        "<html><head><title>T</title></head><body><p>a</p><p>b</p></body></html>"
    )
    document = _parse(markup)
    assert document.error is None
    assert document.format == "html"
    assert document.title == "T"


def test_plain_text_and_feed_entries() -> None:
    text = _parse((FIXTURES / "scraped_page.txt").read_text(encoding="utf-8"))
    assert text.format == "text"
    assert text.metadata["body_kind"] == "text"
    entry = _parse("只有一段文字", format="feed-entry")
    assert entry.format == "feed-entry"
    assert entry.metadata["body_kind"] == "html"


def test_known_fields_are_not_overwritten() -> None:
    document = _parse("---\ntitle: 前置資料標題\n---\n<p>a</p><p>b</p>", title="來自訂閱源的標題")
    assert document.title == "前置資料標題"  # front matter is the more specific source
    page = _parse(
        "<html><head><title>頁面標題</title></head><body><p>x</p></body></html>", title="已知標題"
    )
    assert page.title == "已知標題"


def test_empty_markup_and_failed_documents() -> None:
    assert _parse("   ").error == "empty document: no text after decoding"
    failed = Document(source="x", markup="<p>a</p>", error="earlier")
    assert parse(failed, Options()) is failed


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("<p>a</p><p>b</p>", True),
        ("<!DOCTYPE html><html>", True),
        ("數學式 a < b 且 c > d", False),
        ("一行<br>", False),
    ],
)
def test_looks_like_html(markup: str, expected: bool) -> None:
    assert looks_like_html(markup) is expected


def _page(head: str, body: str) -> Document:
    return _parse(
        f"<html><head>{head}</head><body>{body}<p>正文。</p><p>正文二。</p></body></html>"
    )


@pytest.mark.parametrize(
    ("head", "body", "expected"),
    [
        (
            '<meta itemprop="datePublished" content="2024-11-02T08:00:00Z">',
            "",
            "2024-11-02T08:00:00Z",
        ),
        ('<meta name="dcterms.issued" content="2024-11-02">', "", "2024-11-02"),
        (
            '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": '
            '[{"@type": "WebPage"}, {"@type": "NewsArticle", "datePublished": "2024-11-02T09:30"}]}'
            "</script>",
            "",
            "2024-11-02T09:30",
        ),
        (
            "",
            '<time datetime="2024-11-02T10:00:00-05:00">Nov. 2</time>',
            "2024-11-02T10:00:00-05:00",
        ),
        ("", "<time>March 14, 2024</time>", "March 14, 2024"),
        (
            "",
            '<span class="post-date">發布時間：113年3月14日 10:20</span>',
            "發布時間：113年3月14日 10:20",
        ),
        (
            "",
            '<div class="byline">By Dana Whitfield | Mar. 14, 2024</div>',
            "By Dana Whitfield | Mar. 14, 2024",
        ),
        # a date class whose text has no year says nothing; the byline after it does
        ("", '<span class="date">Updated</span><p class="meta">2024/03/14</p>', "2024/03/14"),
    ],
)
def test_html_publication_date_sources(head: str, body: str, expected: str) -> None:
    assert _page(head, body).metadata["date_text"] == expected


def test_head_metas_win_over_the_page_text() -> None:
    page = _page(
        '<meta property="article:published_time" content="2024-03-14T10:00:00+08:00">',
        "<time>March 1, 2024</time>",
    )
    assert page.metadata["date_text"] == "2024-03-14T10:00:00+08:00"


def test_malformed_json_ld_is_ignored() -> None:
    page = _page('<script type="application/ld+json">{"datePublished": </script>', "")
    assert "date_text" not in page.metadata


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (
            '<meta property="og:site_name" content="Harbor Business Daily"><title>A | B</title>',
            "Harbor Business Daily",
        ),
        (
            "<title>Port adds routes to Kaohsiung | Savannah Trade Post</title>",
            "Savannah Trade Post",
        ),
        ("<title>只有標題</title>", None),
    ],
)
def test_site_name(head: str, expected: str | None) -> None:
    assert _page(head, "").metadata.get("site_name") == expected
