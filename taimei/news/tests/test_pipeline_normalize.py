"""Normalisation: language and script, folded text, aware dates, relative dates resolved."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from taimei.news.pipeline.document import Document, Options
from taimei.news.pipeline.normalize import (
    detect_language,
    normalize,
    parse_datetime,
    resolve_dates,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2020-08-13T11:58:34.000Z", "2020-08-13T11:58:34+00:00"),
        ("2026-01-27", "2026-01-27T00:00:00+08:00"),
        ("２０２６－０１－２７", "2026-01-27T00:00:00+08:00"),
        ("2026/01/27 10:30", "2026-01-27T10:30:00+08:00"),
        ("2026.1.27", "2026-01-27T00:00:00+08:00"),
        ("2020年8月13日", "2020-08-13T00:00:00+08:00"),
        ("2020年8月13日 下午2:05", "2020-08-13T14:05:00+08:00"),
        ("109年8月13日", "2020-08-13T00:00:00+08:00"),
        ("民國109年8月13日", "2020-08-13T00:00:00+08:00"),
        ("1090813", "2020-08-13T00:00:00+08:00"),
        ("Aug. 13, 2020", "2020-08-13T00:00:00+08:00"),
        ("August 13, 2020 2:05 PM", "2020-08-13T14:05:00+08:00"),
        ("Tuesday, January 27, 2026", "2026-01-27T00:00:00+08:00"),
        ("13 August 2020", "2020-08-13T00:00:00+08:00"),
        ("Thu, 13 Aug 2020 11:58:34 +0800", "2020-08-13T11:58:34+08:00"),
        ("Thu, 13 Aug 2020 11:58:34 GMT", "2020-08-13T11:58:34+00:00"),
        ("2026-01-27 10:30:00-05:00", "2026-01-27T10:30:00-05:00"),
        ("1597319914000", "2020-08-13T11:58:34+00:00"),
    ],
)
def test_parse_datetime(value: str, expected: str) -> None:
    parsed = parse_datetime(value, "Asia/Taipei")
    assert parsed is not None
    assert parsed.tzinfo is not None
    assert parsed.isoformat() == expected


@pytest.mark.parametrize("value", ["", "garbage", "2020-13-45", "0000000", "99999年1月1日"])
def test_unreadable_dates_are_none(value: str) -> None:
    assert parse_datetime(value, "Asia/Taipei") is None


def test_naive_dates_take_the_configured_zone() -> None:
    parsed = parse_datetime("2026-01-27 09:00", "America/New_York")
    assert parsed is not None
    assert parsed.isoformat() == "2026-01-27T09:00:00-05:00"


RELATIVE_TEXT = (
    "卓榮泰今（27日）接見訪團，訪團昨（26）日抵台，前天拜會立法院，明（28日）將赴新竹；"
    "上週三曾與業者座談，上週也已會晤經濟部。2020年8月13日成立，109年8月13日簽約，8月13日週年。"
    "今天、昨天都有會議。"
)


def test_relative_chinese_dates_are_resolved_against_the_publication_date() -> None:
    found = {item["text"]: item["date"] for item in resolve_dates(RELATIVE_TEXT, date(2026, 1, 27))}
    assert found == {
        "今（27日）": "2026-01-27",
        "昨（26）日": "2026-01-26",
        "前天": "2026-01-25",
        "明（28日）": "2026-01-28",
        "上週三": "2026-01-21",
        "上週": "2026-01-19",
        "2020年8月13日": "2020-08-13",
        "109年8月13日": "2020-08-13",
        "8月13日": "2025-08-13",
        "今天": "2026-01-27",
        "昨天": "2026-01-26",
    }


def test_relative_days_across_a_month_boundary() -> None:
    found = resolve_dates("政院昨（31）日表示，今（1日）起實施。", date(2026, 2, 1))
    assert [item["date"] for item in found] == ["2026-01-31", "2026-02-01"]


def test_offsets_point_into_the_text() -> None:
    text = "總統今（27日）表示"
    (item,) = resolve_dates(text, date(2026, 1, 27))
    assert text[item["start"] : item["start"] + len(item["text"])] == "今（27日）"
    assert item["kind"] == "relative"


def test_english_relative_dates() -> None:
    text = "Officials said on Monday and yesterday that talks held last Tuesday resume next Friday."
    found = {item["text"]: item["date"] for item in resolve_dates(text, date(2026, 1, 28))}
    assert found == {
        "on Monday": "2026-01-26",
        "yesterday": "2026-01-27",
        "last Tuesday": "2026-01-27",  # the most recent Tuesday
        "next Friday": "2026-01-30",
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("台美企業聯盟啟動，貿協：5大領域交流合作，台灣與美國企業將在台北舉行會議。", "zh-Hant"),
        ("台美企业联盟启动，贸协：5大领域交流合作，台湾与美国企业将在台北举行会议。", "zh-Hans"),
        ("Taiwan and the U.S. signed a memorandum with 台積電 and 聯發科 present.", "en"),
        ("TSMC 台積電宣布在亞利桑那州擴大投資，預計創造數千個工作機會。", "zh-Hant"),
        ("12345 %%% ---", None),
    ],
)
def test_detect_language(text: str, expected: str | None) -> None:
    assert detect_language(text) == expected


def test_the_script_is_judged_from_the_first_han_characters() -> None:
    traditional = "台美企業聯盟啟動，貿協與美國企業將在台北舉行會議。"
    simplified = "台美企业联盟启动，贸协与美国企业将在台北举行会议。"
    assert detect_language(traditional * 20 + simplified * 60) == "zh-Hant"
    assert detect_language(simplified * 20 + traditional * 60) == "zh-Hans"


def _normalized(**fields: object) -> Document:
    document = Document(source="t", **fields)  # type: ignore[arg-type]
    return normalize(document, Options())


def test_normalize_sets_language_folded_text_and_dates() -> None:
    document = _normalized(
        title="台美關稅降至１５％",
        paragraphs=["行政院今（27日）表示，對等關稅降至１５％。"],
        metadata={"date_text": "2026-01-27"},
    )
    assert document.language == "zh-Hant"
    assert document.folded_text == "台美关税降至15% 行政院今(27日)表示,对等关税降至15%。"
    assert document.published_at is not None
    assert document.published_at.isoformat() == "2026-01-27T00:00:00+08:00"
    assert document.metadata["dates"][0]["date"] == "2026-01-27"


def test_publication_date_precedence_and_fallbacks() -> None:
    explicit = datetime(2026, 1, 27, 2, 0, tzinfo=UTC)
    kept = _normalized(
        paragraphs=["x"], published_at=explicit, metadata={"date_text": "2020-01-01"}
    )
    assert kept.published_at == explicit
    from_stamp = _normalized(paragraphs=["x"], metadata={"roc_stamp": "1090813"})
    assert from_stamp.published_at is not None
    assert from_stamp.published_at.isoformat() == "2020-08-13T00:00:00+08:00"
    from_epoch = _normalized(paragraphs=["x"], metadata={"feed_epoch_ms": 1597319914000})
    assert from_epoch.published_at == datetime(2020, 8, 13, 11, 58, 34, tzinfo=UTC)
    naive = _normalized(paragraphs=["x"], published_at=datetime(2026, 1, 27, 9, 0))
    assert naive.published_at is not None
    assert naive.published_at.utcoffset() is not None
    unknown = _normalized(paragraphs=["今天"])
    assert unknown.published_at is None
    assert "dates" not in unknown.metadata


def test_relative_dates_use_the_local_day_of_a_utc_timestamp() -> None:
    published = datetime(2026, 1, 26, 17, 30, tzinfo=UTC)  # 01:30 on the 27th in Taipei
    document = _normalized(paragraphs=["部長今（27日）表示。"], published_at=published)
    assert document.metadata["dates"][0]["date"] == "2026-01-27"


def test_failed_documents_pass_through() -> None:
    failed = Document(source="x", error="earlier")
    assert normalize(failed, Options()) is failed


def test_a_bad_time_zone_is_an_error_not_an_exception() -> None:
    document = normalize(
        Document(source="x", paragraphs=["a"]), Options(default_timezone="Mars/Base")
    )
    assert document.error is not None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("發布時間：2024/03/14 10:20 來源：範例新聞", "2024-03-14T10:20:00+08:00"),
        ("By Dana Whitfield | Mar. 14, 2024", "2024-03-14T00:00:00+08:00"),
        ("更新於113年3月14日 下午3:05", "2024-03-14T15:05:00+08:00"),
        ("March 14, 2024 3:05 p.m. ET", "2024-03-14T15:05:00-04:00"),
        ("2024-01-09 08:00 PST", "2024-01-09T08:00:00-08:00"),
        ("2024-03-14 09:00 北京時間", "2024-03-14T09:00:00+08:00"),
    ],
)
def test_dates_inside_other_words_and_zone_abbreviations(value: str, expected: str) -> None:
    parsed = parse_datetime(value, "Asia/Taipei")
    assert parsed is not None
    assert parsed.isoformat() == expected


ENGLISH_BODY = ["The company said it would add 40 engineers next year, executives said."]


@pytest.mark.parametrize(
    ("fields", "zone", "rule"),
    [
        # what the source says about itself comes first
        ({"url": "https://news.example.com.tw/a/1"}, "Asia/Taipei", "zone_domain_taiwan"),
        ({"metadata": {"tags": ["(港)範例日報"]}}, "Asia/Hong_Kong", "zone_region_tag_hong_kong"),
        (
            {"metadata": {"site_name": "Taiwan Industry Review"}},
            "Asia/Taipei",
            "zone_taiwanese_outlet",
        ),
        (
            {"metadata": {"site_name": "Kansas Farm Ledger"}},
            "America/Chicago",
            "zone_us_outlet_place",
        ),
        (
            {"metadata": {"feed_title": "Oregon Tech Weekly"}},
            "America/Los_Angeles",
            "zone_us_outlet_place",
        ),
        # then, for English, a U.S. dateline or a U.S. place in the headline, else Eastern
        (
            {"paragraphs": ["DENVER — A Colorado startup said it would hire engineers in Taipei."]},
            "America/Denver",
            "zone_english_dateline",
        ),
        (
            {"paragraphs": ["TAIPEI (Example Wire) - The ministry said exports rose."]},
            "Asia/Taipei",
            "zone_english_dateline",
        ),
        (
            {"title": "Taiwanese chipmaker picks Arizona for plant"},
            "America/Phoenix",
            "zone_english_headline_place",
        ),
        (
            {"title": "Taiwan trade mission signs farm deals"},
            "America/New_York",
            "zone_language_en",
        ),
    ],
)
def test_english_naive_dates_take_the_source_zone(
    fields: dict[str, object], zone: str, rule: str
) -> None:
    base: dict[str, object] = {"title": "Chip supplier expands", "paragraphs": ENGLISH_BODY}
    document = _normalized(
        **{**base, **fields, "metadata": {"date_text": "2024-11-04", **fields.get("metadata", {})}}
    )  # type: ignore[dict-item]
    assert document.metadata["time_zone"] == {"zone": zone, "rule": rule}
    assert document.published_at is not None
    assert document.published_at.tzinfo is not None
    assert str(document.published_at.tzinfo) == zone
    assert document.published_at.date().isoformat() == "2024-11-04"


def test_chinese_naive_dates_by_script_and_explicit_offsets_kept() -> None:
    hant = _normalized(
        paragraphs=["經濟部今天表示，將擴大對美投資。"], metadata={"date_text": "2024-03-14 09:00"}
    )
    assert hant.published_at is not None
    assert hant.published_at.isoformat() == "2024-03-14T09:00:00+08:00"
    assert hant.metadata["time_zone"]["zone"] == "Asia/Taipei"
    hans = _normalized(
        paragraphs=["商务部今天表示，将扩大对美投资。"], metadata={"date_text": "2024-03-14 09:00"}
    )
    assert hans.metadata["time_zone"]["zone"] == "Asia/Shanghai"
    explicit = _normalized(
        paragraphs=ENGLISH_BODY, metadata={"date_text": "2024-03-14T09:00:00+08:00"}
    )
    assert explicit.published_at is not None
    assert explicit.published_at.isoformat() == "2024-03-14T09:00:00+08:00"


def test_eastern_time_follows_daylight_saving() -> None:
    summer = _normalized(paragraphs=ENGLISH_BODY, metadata={"date_text": "July 1, 2024"})
    winter = _normalized(paragraphs=ENGLISH_BODY, metadata={"date_text": "December 2, 2024"})
    assert summer.published_at is not None and winter.published_at is not None
    assert summer.published_at.isoformat() == "2024-07-01T00:00:00-04:00"
    assert winter.published_at.isoformat() == "2024-12-02T00:00:00-05:00"


def test_roc_stamp_is_taiwan_time_whatever_the_language() -> None:
    document = _normalized(paragraphs=ENGLISH_BODY, metadata={"roc_stamp": "1131104"})
    assert document.published_at is not None
    assert document.published_at.isoformat() == "2024-11-04T00:00:00+08:00"
