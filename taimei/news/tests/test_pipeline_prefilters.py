"""Start lookaheads: a finder that skips positions where no match can start loses no match.

Several finders begin with `(?=[...])`, the characters their matches start with, so a scan
steps over other positions in C. Each is checked against its bare pattern on a sample of
every kind of start and on texts hypothesis draws from the bare pattern itself, so a new
alternative whose first character is missing from the lookahead fails here.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from taimei.news.pipeline import figures, rules
from taimei.news.pipeline.normalize import mentions
from taimei.news.pipeline.organizations import english, patterns

_LOOKAHEAD = re.compile(r"\(\?=\[(?:\\.|[^\]\\])+\]\)\(\?:(?P<bare>.*)\)", re.DOTALL)
_FINDERS = {
    "dates in text": mentions._IN_TEXT,
    "money": figures._MONEY_RE,
    "percentages": figures._PERCENT_RE,
    "english organisations": english._EN_ORG_RE,
    "appositives": english._APPOSITIVE_RE,
    "institutions": patterns._INSTITUTION_RE,
    **{
        f"rule {rule.name}": rule.pattern
        for family in (rules.DROP_RULES, rules.BLOCK_RULES, rules.CAPTION_RULES)
        for rule in family
        if _LOOKAHEAD.fullmatch(rule.pattern.pattern)
    },
}


# Every kind of start the finders know, side by side (full-width forms already folded).
_SAMPLE = (
    "2020年8月13日、民國109年8月13日、中華民國114年3月5日、2025-03-05、8月13日、今(27日)、"
    "昨(26)日、前天、明日、同(5)日、後天、后天、大前天、上週三、本周、這禮拜、这礼拜五、下星期、"
    "上月5日、下個月3日。Today, yesterday, tomorrow, last week, Next Week, on Monday, this Friday,"
    " LAST sunday. 新台币1000亿元、台币5万元、us$12 billion、$3 million、nt$400、usd 5、ntd 9、"
    "twd 7、人民币8亿、rmb 3、cny 2、日圆4千亿、日元、日币、jpy 9、¥100、欧元5亿、eur 3、€7、"
    "港元9、港币、hk$2、hkd 4、英镑1万、gbp 8、£6、韩元、韩币、krw 5、"
    + "、".join(f"{n}亿美元" for n in "0123456789零〇一二两三四五六七八九十")
    + "、百分之二十、十五%、两成、3.5个百分点、20 percent、4 per cent、7 pct、10至15%。"
    "The developer, Atlantic Shoreline Wind, said; Acme Widgets, a Texas maker of fasteners,"
    " its supplier, Pacific Tea Trading, and Hudson Ledger Technologies signed with the Georgia"
    " Department of Agriculture and the Hsinchu County Government. "
    "星桥创投、美国台湾商业协会、台北市政府、县政府、州政府、中部科学园区管理局、联盟。"
    "版權所有 all rights reserved (photo: Jane Doe) REUTERS/Ann Wang 获取更多RSS feedx.cc"
)


def test_the_finders_have_start_lookaheads() -> None:
    assert all(_LOOKAHEAD.fullmatch(pattern.pattern) for pattern in _FINDERS.values())
    assert len(_FINDERS) >= 9


@pytest.mark.parametrize("pattern", list(_FINDERS.values()), ids=list(_FINDERS))
@settings(
    max_examples=100, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(data=st.data())
def test_a_start_lookahead_loses_no_match(pattern: re.Pattern[str], data: st.DataObject) -> None:
    match = _LOOKAHEAD.fullmatch(pattern.pattern)
    assert match is not None
    bare = re.compile(match["bare"], pattern.flags)
    text = data.draw(st.from_regex(bare))
    expected = [(found.span(), found.groups()) for found in bare.finditer(text)]
    assert [(found.span(), found.groups()) for found in pattern.finditer(text)] == expected


@pytest.mark.parametrize("pattern", list(_FINDERS.values()), ids=list(_FINDERS))
def test_a_start_lookahead_loses_no_match_on_a_sample_of_every_start(
    pattern: re.Pattern[str],
) -> None:
    match = _LOOKAHEAD.fullmatch(pattern.pattern)
    assert match is not None
    bare = re.compile(match["bare"], pattern.flags)
    for text in (_SAMPLE, _SAMPLE.lower(), _SAMPLE.upper(), _SAMPLE.replace("、", "")):
        expected = [(found.span(), found.groups()) for found in bare.finditer(text)]
        assert [(found.span(), found.groups()) for found in pattern.finditer(text)] == expected
