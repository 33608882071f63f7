"""The weekly digest gathers sections from every app: opportunities, news about the reader's
organisation, upcoming events; each in the reader's language, each only when there is news."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from taimei.accounts.tests.factories import UserFactory
from taimei.events.models import Event
from taimei.events.tests.factories import EventFactory
from taimei.members.tests.factories import OrganizationFactory, PersonFactory
from taimei.news.tests.factories import ArticleFactory, MentionFactory
from taimei.opportunities.services import digest

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader():
    organization = OrganizationFactory(slug="skyhawk", name_en="Skyhawk UAV")
    return PersonFactory(organization=organization, user=UserFactory(preferred_language="en")).user


def test_digest_mail_has_news_about_you_and_upcoming_events(reader, settings):
    settings.TAIMEI_SITE_URL = "https://exchange.example.org"
    now = timezone.now()
    organization = reader.people.get().organization
    fresh = ArticleFactory(title="Skyhawk wins U.S. Army drone order", published_at=now)
    MentionFactory(article=fresh, organization=organization)
    stale = ArticleFactory(title="Old story", published_at=now - datetime.timedelta(days=30))
    MentionFactory(article=stale, organization=organization)
    MentionFactory(article=ArticleFactory(title="Someone else's news", published_at=now))
    EventFactory(
        title_en="SelectUSA delegation briefing", starts_at=now + datetime.timedelta(days=5)
    )
    EventFactory(title_en="Far future summit", starts_at=now + datetime.timedelta(days=90))
    EventFactory(
        title_en="Draft workshop",
        status=Event.Status.DRAFT,
        starts_at=now + datetime.timedelta(days=3),
    )

    assert digest.digest_send(user=reader, now=now)

    body = mail.outbox[0].body
    assert "Skyhawk wins U.S. Army drone order" in body
    assert f"https://exchange.example.org{fresh.get_absolute_url()}" in body
    assert "SelectUSA delegation briefing" in body
    for absent in ("Old story", "Someone else's news", "Far future summit", "Draft workshop"):
        assert absent not in body


def test_no_digest_when_no_section_has_anything(reader):
    assert not digest.digest_send(user=reader)
    assert mail.outbox == []
