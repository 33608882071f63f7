"""Organisation linking: every alias in both scripts, no hits inside longer words."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from taimei.news.pipeline.document import DirectoryEntry, Document, Options
from taimei.news.pipeline.organizations import aligned_fold, link_organizations

DIRECTORY = (
    DirectoryEntry("tsmc", ("台積電", "台灣積體電路製造", "TSMC"), ("semiconductors",)),
    DirectoryEntry("taitra", ("外貿協會", "貿協", "TAITRA")),
    DirectoryEntry("mediatek", ("聯發科", "聯發科技", "MediaTek"), ("semiconductors",)),
    DirectoryEntry(
        "ustbc", ("美國台灣商業協會", "美台商會", "USTBC", "U.S.-Taiwan Business Council")
    ),
    DirectoryEntry("cpc", ("台灣中油", "中油", "CPC Corporation"), ("petrochemicals",)),
    DirectoryEntry("taipower", ("台電", "台灣電力公司", "Taipower"), ("energy",)),
    DirectoryEntry("csc", ("中鋼", "中國鋼鐵", "China Steel"), ("steel-materials",)),
)
OPTIONS = Options(directory=DIRECTORY)


def _link(*paragraphs: str) -> Document:
    return link_organizations(Document(source="t", paragraphs=list(paragraphs)), OPTIONS)


def _by_member(doc: Document) -> dict[str | None, list[str]]:
    found: dict[str | None, list[str]] = {}
    for org in doc.organizations:
        found.setdefault(org.member, []).extend(org.mentions)
    return found


def test_aliases_in_both_scripts_and_english_link_to_one_member() -> None:
    doc = _link("台積電宣布擴產，台积电股價上漲，TSMC表示；台灣積體電路製造股份有限公司回應。")
    [org] = [org for org in doc.organizations if org.member == "tsmc"]
    assert org.name == "台積電"
    assert org.mentions == ["台積電", "台积电", "TSMC", "台灣積體電路製造"]


def test_full_width_and_lower_case_english_aliases() -> None:
    doc = _link("ＴＳＭＣ與Mediatek合作")
    assert set(_by_member(doc)) == {"tsmc", "mediatek"}


def test_spelling_variants_of_an_english_alias() -> None:
    doc = _link("代表團由US-Taiwan Business Council率領，the U.S.–Taiwan Business Council表示")
    assert _by_member(doc)["ustbc"] == [
        "US-Taiwan Business Council",
        "U.S.–Taiwan Business Council",
    ]


def test_longest_alias_wins() -> None:
    doc = _link("台灣中油與中油員工")
    [org] = doc.organizations
    assert org.member == "cpc"
    assert org.mentions == ["台灣中油", "中油"]


@pytest.mark.parametrize(
    "text",
    [
        "台電子零件出口",  # 台電 is not inside 台電子
        "他在國中鋼琴比賽得獎",  # nor 中鋼 inside 國中鋼琴
        "CPCs and TSMCs are plural words here",  # English aliases need word boundaries
        "行政院長與經濟部長出席",  # offices fused with 長 are titles
    ],
)
def test_no_hits_inside_longer_words(text: str) -> None:
    doc = _link(text)
    assert not [org for org in doc.organizations if org.member], doc.organizations


def test_abbreviation_of_a_member_name_links_to_it() -> None:
    doc = _link("美台商業協會主席今天訪台")
    assert _by_member(doc) == {"ustbc": ["美台商業協會"]}


def test_non_members_with_clear_markers() -> None:
    doc = _link(
        "美商杜邦公司（DuPont）與英特爾（Intel）簽約，美國農業部表示支持，"
        "另有凱利投資銀行參與；Acme Widgets Inc. and the Department of Energy agreed."
    )
    names = {org.name: org.mentions for org in doc.organizations}
    assert names["杜邦公司"] == ["杜邦公司", "DuPont"]
    assert names["英特爾"] == ["英特爾", "Intel"]
    assert "美國農業部" in names
    assert "凱利投資銀行" in names
    assert "Acme Widgets Inc." in names
    assert all(org.member is None for org in doc.organizations)


@pytest.mark.parametrize(
    "text",
    [
        "該公司表示營收成長，子公司與兩家公司也受惠",
        "美國科技公司紛紛來台",
        "雙方簽署台美投資合作備忘錄（MOU）",
        "主席戴維斯（Mary Davis）致詞",
        "採用高頻寬記憶體（HBM）",
    ],
)
def test_fragments_people_and_agreements_are_not_organisations(text: str) -> None:
    assert _link(text).organizations == []


def test_spans_map_back_to_the_original_text() -> None:
    doc = _link("第一段提到貿協。", "第二段：外貿協會（TAITRA）與聯發科。")
    for org in doc.organizations:
        for span in org.spans:
            assert doc.text[span.start : span.end] == span.text


def test_aligned_fold_keeps_length() -> None:
    text = "臺灣積體電路…ß㈱ＴＳＭＣ１５％"
    assert len(aligned_fold(text)) == len(text)
    assert aligned_fold("聯發科ＴＳＭＣ") == "联发科tsmc"


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.text(alphabet="台積電貿協聯發科中油公司協會（）()TSMC Inc.美商輝達 ", max_size=30)
        | st.text(max_size=30),
        max_size=3,
    )
)
def test_never_raises_and_spans_match(paragraphs: list[str]) -> None:
    doc = link_organizations(Document(source="t", paragraphs=paragraphs), OPTIONS)
    for org in doc.organizations:
        for span in org.spans:
            assert doc.text[span.start : span.end] == span.text


def test_seeds_link_the_alliance_members() -> None:
    seeds = Path(__file__).resolve().parents[4] / "shared" / "seeds"
    files = sorted(seeds.glob("*.txt")) if seeds.is_dir() else []
    if not files:
        pytest.skip("../shared/seeds is not available")
    text = "\n".join(path.read_text(encoding="utf-8") for path in files)
    members = _by_member(_link(text))
    assert {"tsmc", "taitra", "mediatek", "ustbc", "cpc", "taipower", "csc"} <= set(members)


def _mentions(doc: Document) -> list[list[str]]:
    """The mentions of each organisation found, in order (non-members are named as written)."""
    return [org.mentions for org in doc.organizations]


def test_taiwanese_government_bodies_in_both_scripts_and_english() -> None:
    doc = _link(
        "财政部与数位发展部联合说明，竹科管理局和國發基金也出席；",
        "Taiwan's Ministry of Digital Affairs and the Financial Supervisory Commission agreed.",
    )
    assert _mentions(doc) == [
        ["财政部"],
        ["数位发展部", "Ministry of Digital Affairs"],
        ["竹科管理局"],
        ["國發基金"],
        ["Financial Supervisory Commission"],
    ]


def test_us_agencies_keep_their_leading_us_and_short_chinese_forms() -> None:
    doc = _link(
        "The U.S. Department of Commerce and the US Navy signed; the FDA approved it.",
        "美商務部與美國食品藥物管理局回應。",
    )
    assert _mentions(doc) == [
        ["U.S. Department of Commerce", "美商務部"],
        ["US Navy"],
        ["FDA", "美國食品藥物管理局"],
    ]


@pytest.mark.parametrize(
    "text",
    [
        "他們在台中龍井區開會",  # 中龍鋼鐵 is listed only under its full name
        "網路上銀行帳戶增加",  # nor 上銀 inside 線上銀行
        "Greg Abbott spoke in Austin",  # a surname, not Abbott Laboratories
    ],
)
def test_company_names_that_are_ordinary_words_are_not_listed(text: str) -> None:
    assert _link(text).organizations == []


def test_long_association_names_and_new_institutional_suffixes() -> None:
    doc = _link(
        "台灣區自行車輸出業同業公會今天表示，由青山創投領投；"
        "嘉義縣政府與屏東科技產業聯盟也出席，美國奧勒岡半導體材料開發公司回應。"
    )
    assert _mentions(doc) == [
        ["台灣區自行車輸出業同業公會"],
        ["青山創投"],
        ["嘉義縣政府"],
        ["屏東科技產業聯盟"],
        ["奧勒岡半導體材料開發公司"],
    ]


@pytest.mark.parametrize(
    "text",
    [
        "雙方代表與日本買家簽署合作備忘錄",  # 簽署 is "sign", not an office ending in 署
        "美國將對部分產品加徵關稅",  # nor 部 inside 部分
        "業者投入創投資金與創投業者合作",  # 創投 running on into 創投資金
        "公司擬在新竹擴建先進封裝材料（CoWoS）產線",  # a product glossed by an acronym
        "協會宣布啟動台美企業聯盟並推動策略聯盟",  # generic alliances
        "廠商與在地大學合作",  # 在地 is "local"
    ],
)
def test_verbs_products_and_generic_groups_are_not_organisations(text: str) -> None:
    assert _link(text).organizations == []


def test_mainland_names_for_taiwanese_offices() -> None:
    doc = _link("台湾地区防务部门公布无人机采购案。")
    assert _mentions(doc) == [["台湾地区防务部门"]]


def test_english_government_units_keep_the_owner() -> None:
    doc = _link(
        "The Texas Department of Transportation and the Hsinchu County Government met "
        "officials of the Department of Energy."
    )
    assert _mentions(doc) == [
        ["Texas Department of Transportation"],
        ["Hsinchu County Government"],
        ["Department of Energy"],
    ]


def test_english_businesses_named_beside_what_they_are() -> None:
    doc = _link(
        "The operator, Gulfstream Harbor Cranes, will hire locally. "
        "Keystone Valve Works, a Pennsylvania maker of industrial valves, signed too, "
        "and Cascade Ridge Foods said it would follow. The startup, FlowMint, agreed."
    )
    assert _mentions(doc) == [
        ["Gulfstream Harbor Cranes"],
        ["Keystone Valve Works"],
        ["Cascade Ridge Foods"],
        ["FlowMint"],
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Samantha Power said the plan would work.",
        "Big Tech has lobbied hard and Clean Energy is a priority.",
        "Mary Chen, a spokeswoman for the company, declined to comment.",
        "John Smith, a company spokesman, said so.",
        "Tom Reyes, a software developer in Austin, moved to Taipei.",
        "Yesterday Offshore Wind was the theme.",
    ],
)
def test_people_and_phrases_are_not_english_businesses(text: str) -> None:
    assert _link(text).organizations == []


def test_a_unit_named_before_its_parent_links_to_the_member() -> None:
    english = "Department of Investment Promotion, Ministry of Economic Affairs"
    directory = (DirectoryEntry("moea-dip", ("經濟部投資促進司", english)),)
    doc = link_organizations(
        Document(source="t", paragraphs=["The Department of Investment Promotion helped."]),
        Options(directory=directory),
    )
    assert [(org.member, org.mentions) for org in doc.organizations] == [
        ("moea-dip", ["Department of Investment Promotion"])
    ]
