"""Money and percentages: values, currencies, and what must never count as money."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from taimei.news.pipeline.document import Document, Options
from taimei.news.pipeline.figures import find_amounts, find_percentages, parse_number


def _amounts(text: str, language: str = "zh-Hant") -> list[tuple[float, str]]:
    doc = find_amounts(Document(source="t", paragraphs=[text], language=language), Options())
    return [(amount.value, amount.currency) for amount in doc.amounts]


def _percentages(text: str) -> list[float]:
    doc = find_percentages(Document(source="t", paragraphs=[text]), Options())
    return [p.value for p in doc.percentages]


@pytest.mark.parametrize(
    ("expression", "value"),
    [
        ("1,000", 1000),
        ("2,500億", 2.5e11),
        ("4千億", 4e11),
        ("1.2萬億", 1.2e12),
        ("1兆2000億", 1.2e12),
        ("四百億", 4e10),
        ("兩千億", 2e11),
        ("十五", 15),
        ("二點五", 2.5),
        ("一千二百三十四萬五千", 12_345_000),
    ],
)
def test_parse_number(expression: str, value: float) -> None:
    from taimei.news.pipeline.organizations import aligned_fold

    assert parse_number(aligned_fold(expression)) == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("總統宣布一筆420億美元的國防採購預算", [(4.2e10, "USD")]),
        ("政府將投入新台幣800億元推動計畫", [(8e10, "TWD")]),
        ("預計帶動12兆元產值", [(1.2e13, "TWD")]),
        ("The company will invest US$8 billion in Ohio.", [(8e9, "USD")]),
        ("a $2.5 million grant and USD 450m in loans", [(2.5e6, "USD"), (4.5e8, "USD")]),
        ("本年度預算3,600億，較去年增加", [(3.6e11, "TWD")]),
        ("日本廠商斥資5千億日圓", [(5e11, "JPY")]),
        ("總額1兆3000億元", [(1.3e12, "TWD")]),
        ("對美投資三百億美元", [(3e10, "USD")]),
        ("歐盟提供20億歐元補助", [(2e9, "EUR")]),
        ("ＮＴ＄１２億", [(1.2e9, "TWD")]),
        ("投資額介於8至10億美元", [(8e8, "USD"), (1e9, "USD")]),
    ],
)
def test_amounts(text: str, expected: list[tuple[float, str]]) -> None:
    assert _amounts(text) == expected


def test_bare_yuan_follows_the_script() -> None:
    assert _amounts("总投资额为1.5万亿元人民币") == [(1.5e12, "CNY")]
    assert _amounts("营收达300亿元", language="zh-Hans") == [(3e10, "CNY")]
    assert _amounts("營收達300億元", language="zh-Hant") == [(3e10, "TWD")]


@pytest.mark.parametrize(
    "text",
    [
        "目標創造30萬個工作機會、培育20萬名人才",
        "已有1200家企業加入，7位州長訪台",
        "2024年營運創新高，成立於1987年",
        "全國人口2,300萬人，市場規模14億人",
        "多元文化與元月活動",
    ],
)
def test_counted_things_are_not_money(text: str) -> None:
    assert _amounts(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("關稅降至18%", [18.0]),
        ("全形１８％也算", [18.0]),
        ("成長百分之二十五", [25.0]),
        ("百分之3.5的稅率", [3.5]),
        ("sales rose 12 percent", [12.0]),
        ("下降1.5個百分點", [1.5]),
        ("稅率介於10%至20%", [10.0, 20.0]),
        ("毛利率約45至48%", [45.0, 48.0]),
    ],
)
def test_percentages(text: str, expected: list[float]) -> None:
    assert _percentages(text) == expected


def test_spans_point_into_the_original_text() -> None:
    doc = Document(source="t", paragraphs=["第一段", "他說將投資１２０億美元，占比１５％。"])
    find_amounts(doc, Options())
    find_percentages(doc, Options())
    for found in [*doc.amounts, *doc.percentages]:
        assert found.span is not None
        assert doc.text[found.span.start : found.span.end] == found.text == found.span.text


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.text(
            alphabet="0123456789,.%％億亿萬万兆千百十元美金台幣新人民日圓歐 $USDNTbillion至個家",
            max_size=40,
        )
        | st.text(max_size=40),
        max_size=4,
    )
)
def test_finders_never_raise_and_spans_match(paragraphs: list[str]) -> None:
    doc = Document(source="t", paragraphs=paragraphs, language="zh-Hant")
    find_amounts(doc, Options())
    find_percentages(doc, Options())
    for found in [*doc.amounts, *doc.percentages]:
        assert found.span is not None
        assert doc.text[found.span.start : found.span.end] == found.text


def test_long_digit_runs_cannot_make_the_finders_backtrack_forever():
    """A regular-expression denial of service: run in a child process with a deadline."""
    import subprocess
    import sys

    hostile = "1" * 5000 + "x " + "２" * 3000 + "億x " + ("1,000" * 400) + "%x"
    code = (
        "import sys\n"
        "from taimei.news.pipeline.document import Document\n"
        "from taimei.news.pipeline.figures import find_amounts, find_percentages\n"
        "from taimei.news.pipeline.document import Options\n"
        "doc = Document(source='x', paragraphs=[sys.stdin.read()], language='zh-Hant')\n"
        "find_percentages(find_amounts(doc, Options()), Options())\n"
    )
    result = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code],
        input=hostile,
        text=True,
        timeout=60,
        check=False,
        capture_output=True,
    )
    assert result.returncode == 0, result.stderr
