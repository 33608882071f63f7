"""Query understanding, and the promise that no input whatsoever breaks search."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from taimei.search.aliases import AliasTable
from taimei.search.query import clean, parse
from taimei.search.selectors import search_run
from taimei.search.snippets import highlight
from taimei.search.text import bigrams, index_terms, normalise

ALIASES = AliasTable.build(
    [
        ["台灣積體電路製造", "台積電", "TSMC"],
        ["聯發科", "联发科", "MediaTek"],
        ["China Steel", "中鋼"],
    ]
)


def test_normalise_folds_script_width_and_case():
    assert normalise("對等關稅 ＴＳＭＣ") == normalise("对等关税 tsmc") == "对等关税 tsmc"


def test_index_terms_are_bigrams_and_stems():
    assert bigrams("对等关税") == ["对等", "等关", "关税"]
    assert index_terms("台積電 Tariffs") == ["台积", "积电", "tariff"]
    assert index_terms("鋼") == ["钢"]


def test_aliases_expand_in_every_script():
    clause = parse("MediaTek", aliases=ALIASES).must[0]
    assert {alt.surface for alt in clause.alternatives} == {"联发科", "mediatek"}
    clause = parse("台灣積體電路製造", aliases=ALIASES).must[0]
    assert {alt.surface for alt in clause.alternatives} == {"台湾积体电路制造", "台积电", "tsmc"}
    assert len(parse("china steel exports", aliases=ALIASES).must) == 2


def test_phrases_exclusions_and_filters():
    query = parse(
        '"drone startup" -fair topic:政府採購 industry:Semiconductors kind:event country:us',
        aliases=ALIASES,
    )
    assert [alt.terms for alt in query.must[0].alternatives] == [("drone", "startup")]
    assert [alt.terms for alt in query.must_not[0].alternatives] == [("fair",)]
    assert query.filters == {
        "topic": ("procurement",),
        "industry": ("semiconductors",),
        "kind": ("event",),
        "country": ("US",),
    }


def test_unknown_filters_are_reported_not_fatal():
    query = parse("topic:nonsense kind:x tariffs", aliases=ALIASES)
    assert query.ignored == ["topic:nonsense", "kind:x"]
    assert len(query.must) == 1


def test_unknown_names_are_not_dropped():
    assert [a.surface for c in parse("周美翰", aliases=ALIASES).must for a in c.alternatives] == [
        "周美翰"
    ]


def test_clean_removes_control_characters_and_caps_length():
    assert clean("a\x00b\u200bc\nd") == "abc d"
    assert len(clean("字" * 10_000)) == 500
    assert clean(None) == ""


def test_snippet_escapes_then_marks():
    html = highlight("<script>台積電</script> 在美國", ["台积电"])
    assert html == "&lt;script&gt;<mark>台積電</mark>&lt;/script&gt; 在美國"


QUERY_TEXT = st.one_of(
    st.text(max_size=80),
    st.text(
        alphabet=st.sampled_from(
            list("\"'-:()[]{}*?~^!\\/&|+ ＂「」topic:kind:AND OR NOT\x00台積電a")
        ),
        max_size=60,
    ),
    st.builds(lambda s, n: s * n, st.text(min_size=1, max_size=3), st.integers(1, 10_000)),
)


@pytest.mark.django_db
@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(q=QUERY_TEXT, page=st.integers(-5, 10**6))
def test_any_input_is_safe(backend_name, q, page):
    result = search_run(user=AnonymousUser(), q=q, page=page, per_page=5)
    assert result.total >= 0
    assert all("<script" not in hit.snippet for hit in result.hits)
