"""The events API and the reminder task."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from taimei.accounts.tests.factories import UserFactory
from taimei.events.models import Event, MeetingRequest, Registration
from taimei.events.search_index import EventIndex
from taimei.events.services import meeting_grid_define, meetings_schedule
from taimei.events.services.reminders import reminders_send
from taimei.members.tests.factories import PersonFactory

from .factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def test_event_list_and_detail_are_public_and_hide_drafts(client):
    EventFactory(slug="open-day", title_en="Open day")
    EventFactory(slug="draft-day", status=Event.Status.DRAFT)
    body = client.get("/api/events").json()
    assert [item["slug"] for item in body["items"]] == ["open-day"]
    assert client.get("/api/events/open-day").json()["title_en"] == "Open day"
    assert client.get("/api/events/draft-day").status_code == 404
    assert client.get("/api/events", {"kind": "<bad>", "when": "past"}).status_code == 200


def test_register_list_mine_and_cancel_through_the_api(client):
    event = EventFactory(slug="api-day", capacity=1, audience="members")
    member = PersonFactory().user
    client.force_login(member)
    payload = {"attendee_name": "Ann", "organization_name": "Org", "consent": True}
    created = client.post(
        "/api/events/api-day/registrations", payload, content_type="application/json"
    )
    assert created.status_code == 201 and created.json()["status"] == "confirmed"
    again = client.post(
        "/api/events/api-day/registrations", payload, content_type="application/json"
    )
    assert again.status_code == 400 and "already registered" in again.json()["detail"]
    bad = client.post(
        "/api/events/api-day/registrations",
        {**payload, "participant_type": "alien"},
        content_type="application/json",
    )
    assert bad.status_code == 400
    mine = client.get("/api/registrations/mine").json()
    assert [r["event"] for r in mine] == ["api-day"]
    other = RegistrationFactory(event=event, status=Registration.Status.WAITLISTED)
    assert client.post(f"/api/registrations/{other.pk}/cancel").status_code == 404
    cancelled = client.post(f"/api/registrations/{mine[0]['id']}/cancel")
    assert cancelled.json()["status"] == "cancelled"
    other.refresh_from_db()
    assert other.status == Registration.Status.CONFIRMED


def test_registration_lists_are_staff_only(client):
    event = EventFactory(slug="desk")
    RegistrationFactory(event=event, attendee_name="Listed Person")
    assert client.get("/api/events/desk/registrations").status_code == 401
    client.force_login(PersonFactory().user)
    assert client.get("/api/events/desk/registrations").status_code == 403
    assert client.get("/api/events/desk/registrations.csv").status_code == 403
    client.force_login(UserFactory(is_staff=True))
    assert client.get("/api/events/desk/registrations").json()["count"] == 1
    assert "Listed Person" in client.get("/api/events/desk/registrations.csv").content.decode()


def test_reminders_go_once_in_each_language_before_events_and_meetings():
    now = timezone.now()
    soon = EventFactory(
        title_zh="明日工作坊",
        title_en="Workshop tomorrow",
        starts_at=now + timedelta(hours=20),
        ends_at=now + timedelta(hours=23),
        meetings_enabled=True,
    )
    later = EventFactory(starts_at=now + timedelta(days=5), ends_at=now + timedelta(days=6))
    chinese = RegistrationFactory(event=soon, user__preferred_language="zh-hant")
    english = RegistrationFactory(event=soon, user__preferred_language="en")
    RegistrationFactory(event=soon, status=Registration.Status.WAITLISTED)
    RegistrationFactory(event=later)
    meeting_grid_define(
        event=soon, first_start=now + timedelta(minutes=30), minutes=20, count=1, gap=0, tables=1
    )
    MeetingRequest.objects.create(
        event=soon, requester=chinese, recipient=english, status=MeetingRequest.Status.ACCEPTED
    )
    meetings_schedule(event=soon)
    report = reminders_send(now=now)
    assert (report.registrations, report.meetings) == (2, 1)
    by_recipient = {}
    for message in mail.outbox:
        by_recipient.setdefault(message.to[0], []).append(message.subject)
    assert "活動提醒：明日工作坊" in by_recipient[chinese.email]
    assert "Reminder: Workshop tomorrow" in by_recipient[english.email]
    assert any("即將開始" in s for s in by_recipient[chinese.email])
    assert any("starts soon" in s for s in by_recipient[english.email])
    assert len(mail.outbox) == 4
    assert reminders_send(now=now) == type(report)(registrations=0, meetings=0)


def test_search_index_documents_events_and_keeps_drafts_for_staff():
    event = EventFactory(title_zh="台美採購洽談會", title_en="Procurement matchmaking")
    draft = EventFactory(status=Event.Status.DRAFT)
    index = EventIndex()
    document = index.build(index.queryset().get(pk=event.pk))
    assert document.title == "台美採購洽談會" and "Procurement matchmaking" in document.body
    assert document.visibility == "public" and document.url == event.get_absolute_url()
    assert index.build(index.queryset().get(pk=draft.pk)).visibility == "staff"
