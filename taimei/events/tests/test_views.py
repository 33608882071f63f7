"""Pages: calendar, event page times, feeds, registration flow and who may do what."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from taimei.accounts.tests.factories import UserFactory
from taimei.events.models import Event, Registration
from taimei.events.selectors import registration_token
from taimei.members.tests.factories import PersonFactory

from .factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db
TAIPEI = ZoneInfo("Asia/Taipei")


@pytest.fixture
def staff(client):
    user = UserFactory(is_staff=True)
    client.force_login(user)
    return user


def test_calendar_lists_upcoming_published_events_with_a_fixed_number_of_queries(
    client, django_assert_max_num_queries
):
    for n in range(8):
        EventFactory(title_en=f"Upcoming {n}")
    EventFactory(title_en="Secret draft", status=Event.Status.DRAFT)
    EventFactory(
        title_en="Long gone",
        starts_at=timezone.now() - timedelta(days=30),
        ends_at=timezone.now() - timedelta(days=29),
    )
    with django_assert_max_num_queries(6):
        response = client.get(reverse("events:calendar"))
    text = response.content.decode()
    assert "Upcoming 7" in text and "Secret draft" not in text and "Long gone" not in text
    assert "Long gone" in client.get(reverse("events:calendar"), {"when": "past"}).content.decode()


def test_filters_and_bad_input_never_fail(client):
    EventFactory(title_en="Tariff webinar", kind=Event.Kind.WEBINAR, online_url="https://x.test")
    EventFactory(title_en="Steel workshop")
    response = client.get(reverse("events:calendar"), {"kind": "webinar"})
    assert "Tariff webinar" in response.content.decode()
    assert "Steel workshop" not in response.content.decode()
    for params in ({"kind": "<script>"}, {"topic": "nope"}, {"q": "%" * 500}, {"when": "x"}):
        assert client.get(reverse("events:calendar"), params).status_code == 200
    for month in ("2026-02", "garbage", "1999-01", "2026-13"):
        assert client.get(reverse("events:month"), {"month": month}).status_code == 200


def test_htmx_gets_the_partial(client):
    EventFactory(title_en="Partial event")
    response = client.get(reverse("events:calendar"), HTTP_HX_REQUEST="true")
    assert b"<html" not in response.content and b"Partial event" in response.content


def test_month_view_places_events_on_their_local_day(client):
    start = datetime(2030, 3, 10, 23, 30, tzinfo=TAIPEI)  # 10:30 the same day in New York
    EventFactory(title_en="Late evening", starts_at=start, ends_at=start + timedelta(hours=1))
    response = client.get(reverse("events:month"), {"month": "2030-03"})
    cell = next(
        d for week in response.context["weeks"] for d in week if d.day.isoformat() == "2030-03-10"
    )
    assert [e.title_en for e in cell.events] == ["Late evening"]
    client.cookies["taimei_tz"] = "America/Los_Angeles"
    response = client.get(reverse("events:month"), {"month": "2030-03"})
    cell = next(
        d for week in response.context["weeks"] for d in week if d.day.isoformat() == "2030-03-10"
    )
    assert [e.title_en for e in cell.events] == ["Late evening"]  # 07:30 in Los Angeles


def test_event_page_shows_times_in_the_viewer_zone_and_taipei_and_us(client):
    start = datetime(2030, 5, 12, 9, 30, tzinfo=TAIPEI)
    event = EventFactory(starts_at=start, ends_at=start + timedelta(hours=8))
    text = client.get(event.get_absolute_url()).content.decode()
    assert "2030-05-12 (Sun) 09:30–17:30 Taipei (UTC+8)" in text
    assert "2030-05-11 (Sat) 21:30–2030-05-12 (Sun) 05:30 U.S. Eastern" in text
    assert "2030-05-11 (Sat) 18:30–2030-05-12 (Sun) 02:30 U.S. Pacific" in text
    client.post(reverse("events:timezone"), {"timezone": "America/Chicago", "next": "/evil"})
    assert client.cookies["taimei_tz"].value == "America/Chicago"
    response = client.get(event.get_absolute_url())
    assert "20:30–2030-05-12 (Sun) 04:30 U.S. Central" in response.content.decode()
    response = client.post(
        reverse("events:timezone"), {"timezone": "Mars/Base", "next": "https://evil.test/"}
    )
    assert response.url == reverse("events:calendar")


def test_ics_feed_and_single_event(client):
    shown = EventFactory(title_en="Shown")
    EventFactory(title_en="Hidden", status=Event.Status.DRAFT)
    with_en = client.get(reverse("events:feed"), HTTP_ACCEPT_LANGUAGE="en")
    calendar = Calendar.from_ical(with_en.content)
    summaries = [str(c["summary"]) for c in calendar.walk("VEVENT")]
    assert with_en["Content-Type"].startswith("text/calendar")
    assert summaries == ["Shown"]
    single = Calendar.from_ical(client.get(reverse("events:ics", args=[shown.slug])).content)
    (component,) = single.walk("VEVENT")
    assert component.decoded("dtstart") == shown.starts_at.replace(microsecond=0)


def test_drafts_are_staff_only_and_staff_pages_refuse_members(client):
    draft = EventFactory(status=Event.Status.DRAFT)
    assert client.get(draft.get_absolute_url()).status_code == 404
    member = PersonFactory().user
    client.force_login(member)
    for name in ("edit", "registrations", "meetings-setup"):
        response = client.get(reverse(f"events:{name}", args=[draft.slug]))
        assert response.status_code in (302, 403, 404)
    assert client.get(reverse("events:create")).status_code == 302


def test_anonymous_public_registration_and_cancel_by_signed_link(client):
    event = EventFactory(capacity=1, audience=Event.Audience.PUBLIC)
    form = {
        "attendee_name": "Ann Lee",
        "email": "ann@example.com",
        "organization_name": "Lee Trading",
        "seats": 1,
        "consent": "on",
    }
    response = client.post(reverse("events:register", args=[event.slug]), form)
    registration = Registration.objects.get(email="ann@example.com")
    assert registration.status == Registration.Status.CONFIRMED
    assert response.url == reverse("events:cancel", args=[registration_token(registration)])
    assert client.get(reverse("events:cancel", args=["forged-token"])).status_code == 404
    client.post(response.url)
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CANCELLED


def test_registration_form_errors_keep_the_input(client):
    event = EventFactory(audience=Event.Audience.PUBLIC)
    response = client.post(
        reverse("events:register", args=[event.slug]),
        {"attendee_name": "Ann", "email": "not-an-email", "organization_name": "X", "seats": 99},
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert 'value="Ann"' in text and "valid email" in text and "20 seats" in text


def test_staff_create_an_event_in_its_own_zone(client, staff):
    data = {
        "slug": "new-york-briefing",
        "kind": "workshop",
        "status": "published",
        "title_zh": "紐約說明會",
        "title_en": "New York briefing",
        "venue_en": "AIT New York",
        "timezone": "America/New_York",
        "starts_at": "2030-06-01T09:00",
        "ends_at": "2030-06-01T12:00",
        "audience": "members",
        "meeting_request_cap": 10,
        "topics": ["trade"],
    }
    response = client.post(reverse("events:create"), data)
    event = Event.objects.get(slug="new-york-briefing")
    assert response.url == event.get_absolute_url()
    assert event.starts_at == datetime(2030, 6, 1, 13, 0, tzinfo=ZoneInfo("UTC"))
    assert list(event.topics.values_list("slug", flat=True)) == ["trade"]
    bad = client.post(
        reverse("events:create"), {**data, "slug": "x2", "ends_at": "2030-05-01T09:00"}
    )
    assert bad.status_code == 200 and "end after it starts" in bad.content.decode()


def test_staff_desk_decides_checks_in_and_exports(client, staff):
    event = EventFactory(kind=Event.Kind.DELEGATION, capacity=5)
    applied = RegistrationFactory(event=event, status=Registration.Status.APPLIED)
    confirmed = RegistrationFactory(event=event, attendee_name="Zed Attendee")
    url = reverse("events:registrations", args=[event.slug])
    assert "Zed Attendee" in client.get(url, {"print": "1"}).content.decode()
    client.post(reverse("events:decide", args=[event.slug, applied.pk]), {"decision": "approve"})
    applied.refresh_from_db()
    assert applied.status == Registration.Status.CONFIRMED
    response = client.post(
        reverse("events:check-in", args=[event.slug, confirmed.pk]),
        {"checked_in": "1"},
        HTTP_HX_REQUEST="true",
    )
    assert b"<tr" in response.content
    confirmed.refresh_from_db()
    assert confirmed.checked_in_at is not None
    csv_text = client.get(url, {"format": "csv"}).content.decode()
    assert "Zed Attendee" in csv_text and csv_text.startswith("event,id,status")


def test_meeting_pages_are_for_confirmed_attendees_only(client):
    event = EventFactory(meetings_enabled=True)
    waiting = RegistrationFactory(event=event, status=Registration.Status.WAITLISTED)
    client.force_login(waiting.user)
    assert client.get(reverse("events:meetings", args=[event.slug])).status_code == 403
    confirmed = RegistrationFactory(event=event)
    client.force_login(confirmed.user)
    assert client.get(reverse("events:meetings", args=[event.slug])).status_code == 200
    assert client.get(reverse("events:agenda", args=[event.slug])).status_code == 200
    ics = client.get(reverse("events:agenda-ics", args=[event.slug]))
    assert Calendar.from_ical(ics.content).walk("VEVENT")
