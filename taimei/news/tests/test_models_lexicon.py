"""The lexicon: shipped with the code, in the database after migrate, refined by staff."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from taimei.accounts.tests.factories import UserFactory
from taimei.news.lexicon import DEFAULT_LEXICON
from taimei.news.models import LexiconTerm
from taimei.news.services.lexicon import lexicon_sync_defaults

pytestmark = pytest.mark.django_db


def test_a_migrated_database_holds_the_default_lexicon():
    shipped = {(e.term, e.vocabulary, e.slug) for e in DEFAULT_LEXICON}
    stored = set(LexiconTerm.objects.values_list("term", "vocabulary", "slug"))
    assert shipped <= stored
    assert LexiconTerm.objects.filter(term="232條款", slug="trade", origin="default").exists()


def test_sync_keeps_staff_edits_and_adds_only_missing_terms():
    term = LexiconTerm.objects.get(term="232條款", slug="trade")
    term.weight = 1.5
    term.is_active = False
    term.save()
    term.__class__.objects.filter(term="對等關稅", slug="trade").delete()

    added = lexicon_sync_defaults()

    assert added == 1
    term.refresh_from_db()
    assert (term.weight, term.is_active) == (1.5, False)
    assert lexicon_sync_defaults() == 0


def test_sync_updates_shipped_terms_staff_did_not_edit_and_never_their_edits():
    shipped = {(e.term, e.slug): e.weight for e in DEFAULT_LEXICON}
    # Rows as an older release left them: written by the sync (update() is no staff edit).
    LexiconTerm.objects.filter(term="232條款", slug="trade").update(weight=1.0)
    LexiconTerm.objects.filter(term="對等關稅", slug="trade").update(weight=1.0)
    retired = LexiconTerm.objects.create(term="已退役詞", vocabulary="topics", slug="trade")
    LexiconTerm.objects.filter(pk=retired.pk).update(origin="default")
    staff_own = LexiconTerm.objects.create(term="員工自訂詞", vocabulary="topics", slug="trade")
    edited = LexiconTerm.objects.get(term="對等關稅", slug="trade")
    edited.weight = 1.5  # a staff edit (admin form, list editing or shell: any save)
    edited.save()

    changed = lexicon_sync_defaults()

    assert changed == 2
    assert (
        LexiconTerm.objects.get(term="232條款", slug="trade").weight == shipped["232條款", "trade"]
    )
    edited.refresh_from_db()
    assert (edited.weight, edited.is_active, edited.edited_by_staff) == (1.5, True, True)
    retired.refresh_from_db()
    assert not retired.is_active  # no longer shipped: deactivated, not deleted
    staff_own.refresh_from_db()
    assert (staff_own.weight, staff_own.is_active) == (1.0, True)
    assert lexicon_sync_defaults() == 0


def test_terms_staff_deactivate_in_the_admin_stay_deactivated_after_a_sync(client):
    staff = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(staff)
    shipped = LexiconTerm.objects.get(term="232條款", slug="trade")

    response = client.post(
        reverse("admin:news_lexiconterm_changelist"),
        {"action": "deactivate", "_selected_action": [shipped.pk]},
    )
    lexicon_sync_defaults()

    assert response.status_code == 302
    shipped.refresh_from_db()
    assert (shipped.is_active, shipped.edited_by_staff) == (False, True)


def test_a_term_must_name_a_real_topic_or_industry():
    with pytest.raises(ValidationError) as error:
        LexiconTerm(term="晶片", vocabulary="topics", slug="semiconductors").full_clean()
    assert "slug" in error.value.message_dict
    LexiconTerm(term="晶圓測試用語", vocabulary="industries", slug="semiconductors").full_clean()


def test_staff_edit_the_lexicon_in_the_admin(client):
    staff = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(staff)

    response = client.post(
        reverse("admin:news_lexiconterm_add"),
        {
            "term": "晶圓測試用語",
            "vocabulary": "industries",
            "slug": "semiconductors",
            "weight": "2",
            "is_active": "on",
        },
    )

    assert response.status_code == 302
    added = LexiconTerm.objects.get(term="晶圓測試用語")
    assert (added.origin, added.weight, added.is_active) == ("staff", 2.0, True)
    listing = client.get(reverse("admin:news_lexiconterm_changelist"), {"vocabulary": "topics"})
    assert listing.status_code == 200


def test_shipped_terms_are_deactivated_not_deleted_in_the_admin(client):
    staff = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(staff)
    shipped = LexiconTerm.objects.get(term="232條款", slug="trade")
    own = LexiconTerm.objects.create(
        term="晶圓測試用語", vocabulary="industries", slug="semiconductors"
    )

    def delete(*terms):
        return client.post(
            reverse("admin:news_lexiconterm_changelist"),
            {"action": "delete_selected", "_selected_action": [t.pk for t in terms], "post": "yes"},
        )

    delete(shipped, own)  # refused as a whole: a shipped term is in the selection
    assert LexiconTerm.objects.filter(pk__in=[shipped.pk, own.pk]).count() == 2
    delete(own)
    assert not LexiconTerm.objects.filter(pk=own.pk).exists()
    page = client.get(reverse("admin:news_lexiconterm_delete", args=[shipped.pk]))
    assert page.status_code == 403
    client.post(
        reverse("admin:news_lexiconterm_changelist"),
        {"action": "deactivate", "_selected_action": [shipped.pk]},
    )
    shipped.refresh_from_db()
    assert shipped.is_active is False
