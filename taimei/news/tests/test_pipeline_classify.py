"""Topics and industries with evidence, across scripts, languages and widths."""

from __future__ import annotations

import pytest

from taimei.core.taxonomy import INDUSTRIES, TOPICS
from taimei.news.lexicon import DEFAULT_LEXICON
from taimei.news.pipeline.classify import classify
from taimei.news.pipeline.document import DirectoryEntry, Document, Options
from taimei.news.pipeline.figures import find_amounts
from taimei.news.pipeline.organizations import link_organizations

OPTIONS = Options(
    directory=(DirectoryEntry("acme-chips", ("亞極半導", "Acme Chips"), ("semiconductors",)),)
)


def _classify(*paragraphs: str, title: str = "") -> Document:
    doc = Document(source="t", title=title, paragraphs=list(paragraphs))
    return classify(link_organizations(doc, OPTIONS), OPTIONS)


def _slugs(doc: Document) -> tuple[set[str], set[str]]:
    return {label.slug for label in doc.topics}, {label.slug for label in doc.industries}


def test_lexicon_covers_every_topic_and_industry_in_both_scripts() -> None:
    for vocabulary, slugs in (("topics", TOPICS.slugs), ("industries", INDUSTRIES.slugs)):
        for slug in slugs:
            terms = {
                e.term for e in DEFAULT_LEXICON if e.vocabulary == vocabulary and e.slug == slug
            }
            assert any(term.isascii() for term in terms), slug
            assert any(not term.isascii() for term in terms), slug


def test_traditional_simplified_and_english_hit_the_same_topic() -> None:
    for text in (
        "雙方就對等關稅與232條款展開談判",
        "双方就对等关税与232条款展开谈判",
        "Talks on reciprocal tariffs and Section 232 continue",
    ):
        doc = _classify(text)
        assert "trade" in _slugs(doc)[0], text
        [label] = [label for label in doc.topics if label.slug == "trade"]
        assert len(label.evidence) == 2


def test_evidence_quotes_the_text_as_written() -> None:
    doc = _classify("國防部啟動無人機採購標案，預計明年決標。")
    topics = {label.slug: label.evidence for label in doc.topics}
    assert topics["procurement"][:2] == ["標案", "決標"] or "標案" in topics["procurement"]
    assert "drones" in _slugs(doc)[1]


def test_english_terms_need_word_boundaries() -> None:
    doc = _classify("Taiwan said every fair was maintained; Taiwanese chairs.")
    assert _slugs(doc) == (set(), set())


def test_full_width_english_matches() -> None:
    assert "ai" in _slugs(_classify("ＡＩ伺服器出貨大增"))[1]


def test_one_weak_word_is_not_enough() -> None:
    assert _slugs(_classify("市場上討論熱烈。"))[0] == set()


def test_title_counts_more() -> None:
    assert "talent" not in _slugs(_classify("公司擴大招募"))[0]
    assert "talent" in _slugs(_classify("公司擴大招募", title="招募工程師"))[0]


def test_linked_organisations_imply_industries() -> None:
    doc = _classify("亞極半導與Acme Chips合作，由英特爾協助。")
    [label] = [label for label in doc.industries if label.slug == "semiconductors"]
    assert "亞極半導" in label.evidence


def test_multi_label_and_none() -> None:
    topics, _ = _slugs(
        _classify("新創加速器協助新創團隊完成A輪募資，並培育人才、提供實習與就業機會。")
    )
    assert {"startups", "talent"} <= topics
    assert _slugs(_classify("今天天氣晴朗，適合出遊。")) == (set(), set())


def _topics(*paragraphs: str, title: str = "") -> set[str]:
    return _slugs(_classify(*paragraphs, title=title))[0]


def test_words_inside_an_organisation_name_are_not_evidence() -> None:
    # 商務 in 美國商務部 and Supply in a company's name say nothing about the story.
    doc = _classify("美國商務部與Harbor Metals Supply, an Ohio distributor, 開會。")
    evidence = [term for label in doc.topics for term in label.evidence]
    assert "商務" not in evidence
    assert "Supply" not in evidence


def test_an_invested_sum_is_investment_in_every_language() -> None:
    for text in (
        "該公司宣布未來五年將在高雄投資30億美元。",
        "政府今年投入新台幣200億元推動計畫。",
        "The firm said it would invest about US$4 billion in Ohio.",
    ):
        doc = find_amounts(
            link_organizations(Document(source="t", paragraphs=[text]), OPTIONS), OPTIONS
        )
        [label] = [label for label in classify(doc, OPTIONS).topics if label.slug == "investment"]
        assert any(term[-1] in "元n" for term in label.evidence), label.evidence


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("業者在北美客戶端取得新訂單，並在拉斯維加斯展設置台灣館。", "market-expansion"),
        (
            "The brand will open a Taiwan Pavilion and sell in the U.S. through distributors.",
            "market-expansion",
        ),
        ("廠商把組裝產線移往墨西哥，並與上游材料商協調。", "supply-chain"),
        (
            "The retailer moved assembly lines and shared logistics costs with upstream vendors.",
            "supply-chain",
        ),
        ("Both sides expect a double taxation agreement from the economic dialogue.", "trade"),
        ("雙方盼簽署租稅協定，並在經濟對話中討論雙重課稅。", "trade"),
        ("The lab employs 300 people and will exchange engineers with Hsinchu.", "talent"),
        ("Acme opened an R&D centre in Tainan, its Asian headquarters.", "investment"),
    ],
)
def test_lexicon_terms_in_both_languages(text: str, topic: str) -> None:
    assert topic in _topics(text)


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("公司公布第三季營收，客戶需求持平。", "market-expansion"),  # a revenue report
        ("銀行提供紓困融資，協助中小企業。", "investment"),  # relief loans are not investment
        ("A farm-buying trade mission arrived in Iowa.", "market-expansion"),
    ],
)
def test_weak_words_do_not_label_alone(text: str, topic: str) -> None:
    assert topic not in _topics(text)
