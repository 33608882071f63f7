"""Extraction: article paragraphs only; captions, bylines, credits and stamps lifted out."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from taimei.news.pipeline.decode import decode
from taimei.news.pipeline.document import Document, Options
from taimei.news.pipeline.extract import block_paragraphs, extract, split_reporter_place
from taimei.news.pipeline.ingest_stages import INGEST_STAGES
from taimei.news.pipeline.parse import html_tree, parse

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
SEEDS = Path(__file__).resolve().parents[4] / "shared" / "seeds"


def _run(raw: bytes, **fields: object) -> Document:
    document = Document(source="test", raw=raw, **fields)  # type: ignore[arg-type]
    for stage in (decode, parse, extract):
        document = stage(document, Options())
    return document


def _text(markup: str, **fields: object) -> Document:
    return _run(markup.encode("utf-8"), **fields)


def _rules(document: Document) -> list[str]:
    return [entry["rule"] for entry in document.metadata["removed"]]


def test_jekyll_feed_mirror() -> None:
    document = _run((FIXTURES / "jekyll_feed_mirror.md").read_bytes())
    assert document.error is None
    assert document.paragraphs == [
        "經濟部今天表示，將與國內半導體及資通訊業者合作，在美國德州設立供應鏈服務據點，"
        "協助台灣企業就近服務美國客戶。",
        "經濟部官員說，據點預計明年第一季啟用，初期將有30家企業進駐，涵蓋晶圓代工、封裝測試與"
        "伺服器組裝等領域。",
        "官員指出，美國商務部上週三公布新一輪產業補助名單，台灣廠商在先進封裝項目獲得重要訂單，"
        "顯示台美供應鏈合作持續深化。",
        "外貿協會表示，將於昨（3）日起在休士頓舉辦為期三天的採購洽談會，邀請美國買主與台灣供應商"
        "面對面洽談。",
    ]
    assert document.author == "林志明"
    assert document.metadata["feed_author"] == "(臺)中央社CNA"
    assert document.metadata["editor"] == "張美玲"
    assert document.metadata["roc_stamp"] == "1141104"
    assert document.metadata["dateline"] == {"place": "台北", "day": "4"}
    for leaked in ("訂閱", "電子信箱", "RSS", "feedx", "編輯", "1141104"):
        assert leaked not in document.text
    assert {"byline_agency_dateline", "editor_credit", "roc_stamp"} <= set(_rules(document))


def test_scraped_plain_text() -> None:
    document = _run((FIXTURES / "scraped_page.txt").read_bytes())
    assert document.title == "台美半導體論壇登場　業者盼擴大人才交流"
    assert document.section == "財經"
    assert document.author == "李曉芬"
    assert document.metadata["date_text"] == "2025-12-09"
    assert document.captions == [
        "▲台美半導體論壇9日在台北登場，與會業者合影。（圖／主辦單位提供）",
        "▲美國在台協會官員致詞。（圖／記者王大同攝）",
    ]
    assert len(document.paragraphs) == 3
    assert document.paragraphs[0].startswith("台美半導體產業論壇今（9日）在台北舉行")
    assert document.paragraphs[-1].endswith("相關措施預計上週五已送交行政院審查。")
    assert "12/08" not in document.text
    assert "柴犬" not in document.text


def test_full_news_page() -> None:
    document = _run((FIXTURES / "full_page.html").read_bytes(), content_type="text/html")
    assert document.author == "陳冠宇"
    assert document.captions == ["台灣綠能業者代表團抵達波士頓。（圖／業者提供）"]
    assert len(document.paragraphs) == 4
    assert document.paragraphs[0].startswith("國內綠能業者組成的訪問團今（21日）啟程赴美")
    assert document.paragraphs[-1].startswith("業者也提醒")
    for leaked in ("首頁", "分享", "延伸閱讀", "風電產業鏈再擴張", "訂閱", "熱門新聞", "版權所有"):
        assert leaked not in document.text


def test_english_page() -> None:
    document = _run((FIXTURES / "english_page.html").read_bytes())
    assert document.author == "Jane Doe and John Roe"
    assert document.metadata["editor"] == "Chris Smith"
    assert document.captions == ["Workers walk past a chip plant in Hsinchu. REUTERS/Ann Wang"]
    assert len(document.paragraphs) == 3
    assert document.paragraphs[0].startswith("TAIPEI, Nov 3 (Example Wire) - Taiwanese")
    for leaked in ("Share this", "Related stories", "Reporting by", "All rights reserved"):
        assert leaked not in document.text


def test_seeds_when_available() -> None:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not available")
    jekyll = _run(next(SEEDS.glob("000_*.txt")).read_bytes())
    assert len(jekyll.paragraphs) == 9
    assert jekyll.metadata["editor"] == "鄭雪文"
    assert jekyll.metadata["roc_stamp"] == "1090813"
    assert jekyll.paragraphs[0].startswith("外貿協會今天宣布啟動台美企業聯盟")
    assert "訂閱" not in jekyll.text
    assert "RSS" not in jekyll.text
    scraped = _run(next(SEEDS.glob("004_*.txt")).read_bytes())
    assert scraped.section == "政治"
    assert scraped.author == "陳家祥"
    assert len(scraped.captions) == 2
    assert len(scraped.paragraphs) == 12
    assert scraped.paragraphs[-1].endswith("美方將作為台灣可靠及互相支持的夥伴。")


@pytest.mark.parametrize(
    ("first", "author", "rest"),
    [
        ("（中央社記者楊舒晴台北13日電）外貿協會今天宣布。", "楊舒晴", "外貿協會今天宣布。"),
        ("（中央社記者王小明、李大華華盛頓12日專電）美方表示。", "王小明、李大華", "美方表示。"),
        ("(中央社記者張三紐約１２日電)美股收高。", "張三", "美股收高。"),
        (
            "〔記者王小明／台北報導〕經濟部今天表示，將擴大補助。",
            "王小明",
            "經濟部今天表示，將擴大補助。",
        ),
        ("記者陳家祥／台北報導", "陳家祥", None),
        ("自由時報記者林小美／新竹報導", "林小美", None),
        ("國際中心／綜合報導", "國際中心", None),
        ("文／王大明", "王大明", None),
        ("By JANE DOE", "JANE DOE", None),
        ("By Jane Doe, Reuters", "Jane Doe", None),
        ("新华社北京1月27日电（记者张伟、李强）商务部今天表示。", "张伟、李强", "商务部今天表示。"),
        (
            "(By Dana Whitfield) Harbor Freight Lines said.",
            "Dana Whitfield",
            "Harbor Freight Lines said.",
        ),
        ("本报记者 周晓梅／厦门报道", "周晓梅", None),
    ],
)
def test_bylines_become_the_author(first: str, author: str, rest: str | None) -> None:
    body = "第二段是正文，內容完整。"
    document = _text(f"{first}\n\n{body}", format="text", title="已知標題")
    assert document.author == author
    expected = [rest, body] if rest else [body]
    assert document.paragraphs == expected


def test_agency_dateline_without_a_reporter() -> None:
    document = _text("（中央社台北13日電）行政院今天通過草案。\n\n第二段。", title="t")
    assert document.author is None
    assert document.metadata["agency"] == "中央社"
    assert document.paragraphs[0] == "行政院今天通過草案。"


@pytest.mark.parametrize(
    "sentence",
    [
        "記者會上，部長表示將持續推動台美合作，並擴大投資。",
        "By the end of 2025, TSMC will have three plants in Arizona.",
        "該公司推出訂閱制服務，用戶可訂閱電子報與影音內容。",
        "他說：「分享經驗很重要，我們會繼續努力。」",
        "營收達新台幣1090813元，創下新高。",
        "相關新聞顯示，投資人對台美關係仍有信心，股市應聲上漲。",
        "Follow-up talks on chip tariffs will be held on LinkedIn's campus, officials said.",
        "Also on Tuesday: the ministry said exports to Texas rose 12 percent.",
        "Photo sensors made in Hsinchu are sold to carmakers in Michigan and Ohio.",
        "Source code for the customs system was shared with U.S. officials, the agency said.",
        "來源國標示規定將於明年上路，業者須提前準備。",
        "Reed covers the cost of the new plant, the company said.",
        "Join Foxconn on X-ray inspection lines, the recruiters said.",
    ],
)
def test_real_sentences_are_never_removed(sentence: str) -> None:
    document = _text(f"第一段是正文，內容完整。\n\n{sentence}\n\n最後一段也是正文。", title="t")
    assert sentence in document.paragraphs


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("訂閱《早安世界》電子報 每天3分鐘掌握10件天下事", "subscription"),
        ("获取更多RSS：", "feed_mirror_promo"),
        ("https://feedx.net https://feedx.xyz", "feed_mirror_promo"),
        ("分享到 Facebook | LINE | 複製連結", "share_bar"),
        ("下載東森新聞APP", "app_social_promo"),
        ("加入LINE好友，新聞不漏接", "app_social_promo"),
        ("版權所有 © 2025 範例新聞 未經授權不得轉載", "copyright"),
        ("►快訊／颱風最新動態", "related_link_bullet"),
        ("Advertisement", "advertisement"),
        ("更多精彩內容，請關注本站微信公眾號", "app_social_promo"),
        ("閱讀全文", "read_more_link"),
        ("Continue reading »", "read_more_link"),
        ("本文轉載自合作媒體夥伴", "repost_notice"),
        ("本文由新聞聚合服務自動轉貼，內容以原網站為準", "repost_notice"),
        ("Read next: City council approves new bike lanes", "labelled_teaser"),
        ("Also on our site: Ferry timetable changes for summer", "labelled_teaser"),
        ("相關新聞：桃園機場捷運延長營運時間", "labelled_teaser"),
        ("Follow Harbor Business Daily on X for breaking news.", "social_follow"),
        ("Get more feeds:", "feed_mirror_promo"),
    ],
)
def test_boilerplate_lines_are_removed_with_their_rule(line: str, rule: str) -> None:
    document = _text(f"第一段是正文，內容完整。\n\n{line}\n\n第二段也是正文，內容完整。", title="t")
    assert line not in document.text
    assert rule in _rules(document)


def test_related_block_in_the_middle_keeps_the_article_after_it() -> None:
    markup = "\n\n".join(
        [
            "第一段是正文，內容完整。",
            "延伸閱讀",
            "風電產業鏈再擴張",
            "儲能市場商機大",
            "第二段繼續報導，內容完整。",
        ]
    )
    document = _text(markup, title="t")
    assert document.paragraphs == ["第一段是正文，內容完整。", "第二段繼續報導，內容完整。"]
    assert _rules(document).count("related_block") == 3


@pytest.mark.parametrize(
    "caption",
    [
        "▲行政院長接見訪團。（圖／行政院提供）",
        "▼與會人士合影。",
        "外貿協會董事長致詞。（圖／記者王小明攝）",
        "（圖／翻攝自臉書）",
        "Photo: Workers at a plant in Hsinchu.",
        "A worker inspects a wafer. (Photo by Jane Doe)",
        "Photo courtesy of the Port of Savannah",
        "File photo by Dana Whitfield",
    ],
)
def test_captions_are_kept_apart(caption: str) -> None:
    document = _text(
        f"第一段是正文，內容完整。\n\n{caption}\n\n第二段也是正文，內容完整。", title="t"
    )
    assert document.captions == [caption]
    assert caption not in document.text


@pytest.mark.parametrize(
    ("ending", "key", "value", "kept"),
    [
        (
            "平台成立後，合作更堅實。（編輯：鄭雪文）1090813",
            "editor",
            "鄭雪文",
            "平台成立後，合作更堅實。",
        ),
        ("雙方將持續對話。（責任編輯：王小明）", "editor", "王小明", "雙方將持續對話。"),
        ("美方表示歡迎。（譯者：陳大同／核稿：林小華）", "translator", "陳大同", "美方表示歡迎。"),
        ("會議將於下月召開。1141205", "roc_stamp", "1141205", "會議將於下月召開。"),
        ("會議將於下月召開。（完）", None, None, "會議將於下月召開。"),
        ("雙方同意擴大合作。（责任编辑：张伟）", "editor", "张伟", "雙方同意擴大合作。"),
        ("雙方同意擴大合作。（來源：範例日報）", "origin", "範例日報", "雙方同意擴大合作。"),
        ("The plant opens in 2027. Enditem/jd", None, None, "The plant opens in 2027."),
        (
            "Exports rose 5 percent. (Reporting by Dana Whitfield; Editing by Sam Ortiz)",
            "editor",
            "Sam Ortiz",
            "Exports rose 5 percent.",
        ),
    ],
)
def test_credits_and_stamps_at_the_end(
    ending: str, key: str | None, value: str | None, kept: str
) -> None:
    document = _text(f"第一段是正文，內容完整。\n\n{ending}", title="t")
    assert document.paragraphs[-1] == kept
    if key:
        assert document.metadata[key] == value


@pytest.mark.parametrize(
    "teaser",
    [
        "01/25 全台詐欺最新數據",
        "【比人類還懂享受】守宮泡溫水　chill到快睡著",
        "快訊／地震速報",
        "更多財經新聞",
    ],
)
def test_trailing_unrelated_lines_are_dropped(teaser: str) -> None:
    document = _text(
        f"第一段是正文，內容完整。\n\n最後一段是正文，內容完整。\n\n{teaser}", title="t"
    )
    assert document.paragraphs == ["第一段是正文，內容完整。", "最後一段是正文，內容完整。"]


def test_stamp_is_found_under_lines_that_follow_the_article() -> None:
    document = _text(
        "第一段是正文，內容完整。\n\n最後一段是正文，內容完整。（編輯：林小華）1141205"
        "\n\n更多訂閱源：\n\n01/02 全台天氣預報",
        title="t",
    )
    assert document.paragraphs == ["第一段是正文，內容完整。", "最後一段是正文，內容完整。"]
    assert document.metadata["roc_stamp"] == "1141205"
    assert document.metadata["editor"] == "林小華"


def test_source_line_of_a_simplified_scrape_is_lifted() -> None:
    document = _text(
        " date 2025-05-06 \n台湾\n\n范例公司扩大对美出口\n\n来源：范例经贸网\n\n"
        "范例公司6日宣布扩大对美出口，预计明年营收增长两成。\n\n公司表示，新厂将于年底投产。",
    )
    assert document.metadata["origin"] == "范例经贸网"
    assert document.paragraphs == [
        "范例公司6日宣布扩大对美出口，预计明年营收增长两成。",
        "公司表示，新厂将于年底投产。",
    ]


@pytest.mark.parametrize(
    ("byline", "note", "removed"),
    [
        ("By Dana Whitfield", "Whitfield covers energy for the Harbor Business Daily.", True),
        ("By Dana Whitfield", "Dana Whitfield is a staff reporter based in Savannah.", True),
        ("By Sam Ortiz", "Whitfield covers energy for the Harbor Business Daily.", False),
        ("", "Whitfield covers energy for the Harbor Business Daily.", False),
    ],
)
def test_a_note_on_the_author_after_the_article(byline: str, note: str, removed: bool) -> None:
    body = [
        "Harbor Freight Lines will add two routes to Kaohsiung, the company said on Monday.",
        "The routes start in March and carry refrigerated cargo, executives said.",
    ]
    document = _text("\n\n".join([byline, *body, note]), title="t")
    assert (note not in document.paragraphs) is removed
    assert document.paragraphs[: len(body)] == body


def test_chinese_author_note_in_brackets_goes_only_at_the_end() -> None:
    note = "（作者為範例經濟研究院研究員）"
    document = _text(f"第一段是正文，內容完整。\n\n第二段也是正文，內容完整。\n\n{note}", title="t")
    assert document.paragraphs == ["第一段是正文，內容完整。", "第二段也是正文，內容完整。"]
    prose = "作者為了撰寫本書，走訪了三個國家。"
    kept = _text(f"第一段是正文，內容完整。\n\n{prose}", title="t")
    assert kept.paragraphs[-1] == prose


def test_feed_entry_read_more_link_and_repost_notice() -> None:
    markup = (
        "<p>範例電子今天宣布在德州設廠，預計明年量產。</p>"
        "<p><a href='https://example.com/more'>閱讀全文</a></p>"
        "<p>本文由新聞聚合服務自動轉貼，內容以原網站為準</p>"
    )
    document = extract(
        parse(Document(source="e", format="feed-entry", markup=markup), Options()), Options()
    )
    assert document.paragraphs == ["範例電子今天宣布在德州設廠，預計明年量產。"]


def test_fragment_without_paragraph_tags_keeps_every_line() -> None:
    lines = [
        f"第{index}段：台美雙方在第{index}輪會談中達成共識，將擴大合作。" for index in range(1, 6)
    ]
    markup = "<div>" + "<br>".join(lines) + "</div>"
    document = extract(
        parse(Document(source="e", format="feed-entry", markup=markup), Options()), Options()
    )
    assert document.paragraphs == lines


def test_hard_wrapped_english_text_is_rejoined() -> None:
    text = (
        "Taiwanese chipmakers are weighing new plants in Arizona and Texas, executives\n"
        "said on Monday, as Washington presses for more production at home.\n\n"
        "Second paragraph here."
    )
    document = _text(text, title="t")
    assert document.paragraphs[0].startswith("Taiwanese chipmakers")
    assert document.paragraphs[0].endswith("production at home.")


def test_documents_without_text_get_an_error() -> None:
    document = _text("<html><body><script>var x = 1;</script><nav>首頁</nav></body></html>")
    assert document.error == "no article text found in the document"


def test_failed_documents_pass_through() -> None:
    failed = Document(source="x", markup="<p>a</p>", error="earlier")
    assert extract(failed, Options()) is failed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("楊舒晴台北", ("楊舒晴", "台北")),
        ("王小明、李大華華盛頓", ("王小明、李大華", "華盛頓")),
        ("張三紐約", ("張三", "紐約")),
        ("歐陽小明布魯塞爾", ("歐陽小明", "布魯塞爾")),
        ("台北", (None, "台北")),
    ],
)
def test_split_reporter_place(text: str, expected: tuple[str | None, str]) -> None:
    assert split_reporter_place(text) == expected


_TOKENS = [
    *"<>/=\"' \n\t&;#!-[]（）／：，。▲【】a中文",
    *("<p>", "</p>", "<div>", "<br>", "<!--", "-->", "---\n", "記者", "報導", "編輯"),
    *("電子報", "訂閱", "1090813", "今（27日）", "<?xml ", "<rss>", "]]>", "\u3000", "\ufeff"),
]
_HTMLISH = st.lists(st.sampled_from(_TOKENS), max_size=200).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_fuzz_stages_never_raise_on_arbitrary_bytes(raw: bytes) -> None:
    document = Document(source="fuzz", raw=raw)
    for stage in INGEST_STAGES:
        document = stage(document, Options())
    assert document.error is not None or document.paragraphs


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_HTMLISH, st.sampled_from([None, "feed-entry", "text"]))
def test_fuzz_stages_never_raise_on_hostile_text(markup: str, fmt: str | None) -> None:
    document = Document(source="fuzz", raw=markup.encode("utf-8"), format=fmt)
    for stage in INGEST_STAGES:
        document = stage(document, Options())
    assert document.error is not None or document.paragraphs
    if document.published_at is not None:
        assert document.published_at.tzinfo is not None


@pytest.mark.parametrize(
    ("line", "date_text"),
    [
        ("Published March 14, 2024", "March 14, 2024"),
        ("Updated: Thursday, Mar. 14, 2024, 3:05 p.m. ET", "Thursday, Mar. 14, 2024, 3:05 p.m. ET"),
        ("日期：2024/03/14 10:20", "2024/03/14 10:20"),
    ],
)
def test_date_lines_above_a_scraped_story(line: str, date_text: str) -> None:
    document = _text(
        f"{line}\n\nBusiness\n\nPort adds two routes to Kaohsiung\n\n"
        "The port said on Monday it would add two routes to Kaohsiung, officials said.\n\n"
        "The routes start in March, the port said."
    )
    assert document.metadata["date_text"] == date_text
    assert document.title == "Port adds two routes to Kaohsiung"
    assert document.paragraphs[0].startswith("The port said on Monday")


def test_block_reading_breaks_lines_at_blocks_and_br_and_skips_comments() -> None:
    tree = html_tree(
        "<!-- top --><html><head><title>T</title></head><body>a<!-- c -->b<br>c<?pi x?>d"
        "<p>e &amp; <span>f</span></p>g<div>h<br/>i<table><tr><td>1</td><td>2</td></tr></table>"
        "</div>tail</body></html>"
    )
    assert tree is not None
    assert block_paragraphs(tree) == ["T", "ab", "cd", "e & f", "g", "h", "i", "1", "2", "tail"]
