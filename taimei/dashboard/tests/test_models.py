"""The watch-term model, its admin form and the seeded policies."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from taimei.dashboard.admin import WatchTermForm
from taimei.dashboard.models import WatchTerm

pytestmark = pytest.mark.django_db


def test_the_three_policies_are_seeded_in_both_scripts_and_english():
    terms = {term.label_en: term.terms for term in WatchTerm.objects.all()}
    assert {"232條款", "232条款", "Section 232"} <= set(terms["Section 232"])
    assert {"對等關稅", "对等关税", "reciprocal tariff"} <= set(terms["Reciprocal tariffs"])
    assert {"ADTA", "避免雙重課稅", "避免双重课税"} <= set(terms["ADTA (double-taxation relief)"])
    assert WatchTerm.objects.get(label_en="Section 232").label_zh == "232條款"


def test_match_keys_fold_scripts_and_case_and_drop_repeats():
    term = WatchTerm(label_en="Section 232", terms=["232條款", "232条款", " Section  232 "])
    assert term.match_keys == ["232条款", "section 232"]


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"label_zh": "", "label_en": "", "terms": ["232條款"]}, "label_zh"),
        ({"label_en": "Empty", "terms": ["  ", ""]}, "terms"),
        ({"label_en": "Too broad", "terms": ["稅"]}, "terms"),
        ({"label_en": "Too long", "terms": ["x" * 101]}, "terms"),
        ({"label_en": "Too many", "terms": [f"term {n}" for n in range(31)]}, "terms"),
    ],
)
def test_clean_rejects_what_would_match_nothing_or_everything(values, field):
    with pytest.raises(ValidationError) as error:
        WatchTerm(**values).full_clean()
    assert field in error.value.message_dict


def test_admin_form_edits_terms_one_per_line():
    form = WatchTermForm(
        data={
            "label_zh": "晶片法案",
            "label_en": "CHIPS Act",
            "terms": "晶片法案\n\n芯片法案\r\nCHIPS Act\n",
            "is_active": "on",
            "position": "40",
        }
    )
    assert form.is_valid(), form.errors
    term = form.save()
    assert term.terms == ["晶片法案", "芯片法案", "CHIPS Act"]
    assert "晶片法案\n芯片法案\nCHIPS Act" in str(WatchTermForm(instance=term)["terms"])


def test_staff_edit_watch_terms_in_the_admin(client, admin_user):
    client.force_login(admin_user)
    response = client.get(reverse("admin:dashboard_watchterm_changelist"))
    assert response.status_code == 200
    assert "Section 232" in response.content.decode()
