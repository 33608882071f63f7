"""Saved searches, the weekly digest in the reader's language, and a working unsubscribe."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.urls import reverse

from taimei.config.celery import periodic_tasks
from taimei.opportunities.models import DigestPreference, SavedSearch
from taimei.opportunities.services import digest
from taimei.opportunities.tasks import send_weekly_digests
from taimei.opportunities.tests.factories import OpportunityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def drone_posts(poster_org):
    return [
        OpportunityFactory(
            slug="drone-offer",
            kind="supply-offer",
            posted_by=poster_org,
            industries=["drones"],
            title_zh="商用無人機供貨",
            title_en="Commercial drone supply",
        ),
        OpportunityFactory(
            slug="steel-ask",
            posted_by=poster_org,
            industries=["steel-materials"],
            title_zh="鋼板採購",
            title_en="Steel plate wanted",
        ),
    ]


def test_saving_a_search_keeps_only_list_filters(client, member):
    client.force_login(member)
    response = client.post(
        reverse("opportunities:saved-search-create"),
        {"name": "Drones", "industry": "drones", "q": "", "csrfmiddlewaretoken": "x", "evil": "1"},
    )
    search = SavedSearch.objects.get(user=member)
    assert search.query == "industry=drones" and response.url == search.get_absolute_url()
    empty = client.post(reverse("opportunities:saved-search-create"), {"name": "nothing"})
    assert empty.status_code == 302 and SavedSearch.objects.count() == 1


def test_weekly_digest_lists_new_matches_in_the_readers_language(member, drone_posts):
    member.preferred_language = "zh-hant"
    member.save()
    digest.saved_search_create(user=member, name="鋼鐵", params={"industry": "steel-materials"})
    assert digest.digest_send(user=member)
    [message] = mail.outbox
    assert message.to == [member.email]
    assert message.subject == "您的台美數位交流平台每週摘要"
    assert "商用無人機供貨" in message.body  # ranked for the member's organisation
    assert "鋼板採購" in message.body and "鋼鐵" in message.body  # from the saved search
    link = re.search(r"http\S+/digest/unsubscribe/\S+/", message.body).group()
    assert message.extra_headers["List-Unsubscribe"] == f"<{link}>"
    # Nothing new since: no second e-mail.
    assert not digest.digest_send(user=member)


def test_the_unsubscribe_link_works_and_only_on_confirmation(client, member, drone_posts):
    digest.digest_send(user=member)
    path = re.search(r"/opportunities/digest/unsubscribe/\S+/", mail.outbox[0].body).group()
    client.logout()
    page = client.get(path)
    assert page.status_code == 200 and b"confirm-unsubscribe" in page.content
    assert not DigestPreference.objects.filter(user=member, weekly=False).exists()
    done = client.post(path)
    assert done.status_code == 200 and b"You are unsubscribed" in done.content
    assert DigestPreference.objects.get(user=member).weekly is False
    assert member.pk not in digest.digest_recipients()
    mail.outbox.clear()
    OpportunityFactory(posted_by=drone_posts[0].posted_by, industries=["drones"])
    assert not digest.digest_send(user=member) and not mail.outbox


def test_a_forged_unsubscribe_token_changes_nothing(client, member):
    forged = digest.unsubscribe_token(member)[:-2] + "xx"
    response = client.post(reverse("opportunities:unsubscribe", args=[forged]))
    assert response.status_code == 400
    assert not DigestPreference.objects.filter(user=member, weekly=False).exists()


def test_the_periodic_task_sends_every_subscribed_members_digest(member, poster, drone_posts):
    assert periodic_tasks()["opportunities-weekly-digest"]["every"] == 7 * 24 * 3600
    digest.digest_subscribe(user=poster, weekly=False)
    assert send_weekly_digests() == 1
    assert [m.to for m in mail.outbox] == [[member.email]]
