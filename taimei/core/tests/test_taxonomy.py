from __future__ import annotations

import pytest
from django.utils import translation

from taimei.core.models import Domain, Industry, Topic
from taimei.core.taxonomy import DOMAINS, INDUSTRIES, MEMBER_KINDS, TOPICS, VOCABULARIES
from taimei.core.text import fold


def test_design_slugs_are_all_present():
    assert TOPICS.slugs == (
        "trade",
        "market-expansion",
        "procurement",
        "supply-chain",
        "investment",
        "talent",
        "startups",
    )
    assert DOMAINS.slugs == ("trade", "investment", "industry", "talent", "startups")
    assert MEMBER_KINDS.slugs == (
        "company",
        "state-owned",
        "association",
        "government",
        "partner-organisation",
    )
    assert len(INDUSTRIES) == 24 and "semiconductors" in INDUSTRIES and "drones" in INDUSTRIES


@pytest.mark.parametrize("vocabulary", VOCABULARIES.values(), ids=list(VOCABULARIES))
def test_every_term_has_two_distinct_labels(vocabulary):
    for term in vocabulary:
        assert term.zh and term.en and term.zh != term.en


def test_labels_follow_the_active_language():
    label = TOPICS["procurement"].label
    with translation.override("zh-hant"):
        assert str(label) == "政府採購"
    with translation.override("en"):
        assert str(label) == "Government procurement"


@pytest.mark.django_db
def test_tables_hold_exactly_the_vocabularies():
    assert tuple(Industry.objects.values_list("slug", flat=True)) == tuple(sorted(INDUSTRIES.slugs))
    assert set(Domain.objects.values_list("slug", flat=True)) == set(DOMAINS.slugs)
    assert set(Topic.objects.values_list("slug", flat=True)) == set(TOPICS.slugs)


@pytest.mark.parametrize(
    ("a", "b"),
    [("台積電", "台积电"), ("對等關稅", "对等关税"), ("ＴＳＭＣ　１５％", "tsmc 15%")],
)
def test_fold_makes_scripts_widths_and_case_compare_equal(a, b):
    assert fold(a) == fold(b)


def test_clean_user_text_drops_control_characters_and_caps_length():
    from taimei.core.text import clean_user_text

    assert clean_user_text("台積電\x00\x1f  TSMC\n", max_length=50) == "台積電 TSMC"
    assert clean_user_text("x" * 500, max_length=200) == "x" * 200
