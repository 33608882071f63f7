"""From an answer to an accepted meeting: notifications, e-mail languages, iCalendar."""

from __future__ import annotations

import datetime

import icalendar
import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from taimei.opportunities import services
from taimei.opportunities.models import Meeting, Notification
from taimei.opportunities.tests.factories import OpportunityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def post(poster_org):
    return OpportunityFactory(
        slug="drone-offer", posted_by=poster_org, title_zh="無人機供貨", title_en="Drone supply"
    )


def test_interest_notifies_the_poster_in_the_site_and_by_mail_in_their_language(
    client, post, poster, member, member_org, django_capture_on_commit_callbacks
):
    poster.preferred_language = "zh-hant"
    poster.save()
    client.force_login(member)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("opportunities:interest", args=[post.slug]),
            {"organization": member_org.pk, "message": "We buy 5,000 units a year."},
        )
    assert response.status_code == 302
    note = Notification.objects.get(recipient=poster)
    assert note.text_zh == "Front Range Autonomy 對「無人機供貨」表達合作意向"
    assert note.text_en == "Front Range Autonomy is interested in “Drone supply”"
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [poster.email]
    assert "無人機供貨" in mail.outbox[0].subject
    assert post.get_absolute_url() in mail.outbox[0].body


def test_accepting_opens_a_conversation_and_mails_in_english_for_english_readers(
    post, poster, member, member_org, django_capture_on_commit_callbacks
):
    member.preferred_language = "en"
    member.save()
    interest = services.interest_submit(
        user=member, opportunity=post, organization=member_org, message="Hello"
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        conversation = services.interest_decide(user=poster, interest=interest, accept=True)
    assert conversation.messages.get().body == "Hello"
    assert mail.outbox[0].to == [member.email]
    assert "accepted your interest in “Drone supply”" in mail.outbox[0].subject


def test_answers_are_refused_twice_and_on_closed_posts(post, poster, member, member_org):
    services.interest_submit(user=member, opportunity=post, organization=member_org, message="a")
    with pytest.raises(services.ExchangeError, match="already answered"):
        services.interest_submit(
            user=member, opportunity=post, organization=member_org, message="b"
        )
    services.opportunity_close(opportunity=post, status="filled", user=poster)
    other = OpportunityFactory(posted_by=post.posted_by, status="closed")
    with pytest.raises(services.ExchangeError, match="closed"):
        services.interest_submit(
            user=member, opportunity=other, organization=member_org, message="c"
        )


@pytest.fixture
def conversation(post, poster, member, member_org):
    interest = services.interest_submit(
        user=member, opportunity=post, organization=member_org, message="Hi"
    )
    return services.interest_decide(user=poster, interest=interest, accept=True)


def _future(days: int, hour: int = 10) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def test_meeting_request_counter_proposal_accept_and_icalendar(
    client, conversation, poster, member, poster_org, member_org
):
    client.force_login(poster)
    response = client.post(
        reverse("opportunities:meeting-new", args=[conversation.pk]),
        {
            "mode": "in-person",
            "location": "Taipei 101, 35F",
            "duration_minutes": 90,
            "time_1": _future(3).strftime("%Y-%m-%dT%H:%M"),
            "time_2": _future(4).strftime("%Y-%m-%dT%H:%M"),
        },
    )
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    assert meeting.awaiting == member_org and len(meeting.current_slots()) == 2

    # The poster cannot answer its own request.
    with pytest.raises(services.ExchangeError, match="other organisation's turn"):
        services.meeting_respond(
            user=poster, meeting=meeting, organization=poster_org, action="decline"
        )

    client.force_login(member)
    client.post(
        reverse("opportunities:meeting-answer", args=[meeting.pk]),
        {"action": "propose", "again-time_1": _future(5, 15).strftime("%Y-%m-%dT%H:%M")},
    )
    meeting.refresh_from_db()
    assert meeting.awaiting == poster_org
    [slot] = meeting.current_slots()
    assert slot.round == 2 and slot.proposed_by == member_org

    client.force_login(poster)
    client.post(
        reverse("opportunities:meeting-answer", args=[meeting.pk]),
        {"action": "accept", "slot": slot.pk},
    )
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.ACCEPTED and meeting.accepted_slot == slot

    response = client.get(reverse("opportunities:meeting-ics", args=[meeting.pk]))
    assert response["Content-Type"] == "text/calendar"
    event = icalendar.Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert event.decoded("dtstart") == slot.starts_at
    assert event.decoded("dtend") - event.decoded("dtstart") == datetime.timedelta(minutes=90)
    assert str(event["location"]) == "Taipei 101, 35F"
    assert Notification.objects.filter(recipient=member, kind="meeting-accept").exists()


def test_meeting_times_in_the_past_are_refused_with_a_message(client, conversation, poster):
    client.force_login(poster)
    response = client.post(
        reverse("opportunities:meeting-new", args=[conversation.pk]),
        {"mode": "online", "duration_minutes": 30, "time_1": "2001-01-01T10:00"},
    )
    assert response.status_code == 200
    assert b"This time is in the past." in response.content
    assert not Meeting.objects.exists()


def test_messages_go_to_the_other_side(client, conversation, poster, member):
    client.force_login(member)
    response = client.post(conversation.get_absolute_url(), {"body": "Shall we meet?"})
    assert response.status_code == 302
    assert conversation.messages.filter(body="Shall we meet?").exists()
    assert Notification.objects.filter(recipient=poster, kind="message").exists()
    assert not Notification.objects.filter(recipient=member, kind="message").exists()


def test_bad_form_input_never_causes_a_server_error(client, poster, poster_org):
    client.force_login(poster)
    response = client.post(
        reverse("opportunities:create"),
        {
            "posted_by": poster_org.pk,
            "kind": "nonsense",
            "title_zh": "",
            "title_en": "",
            "country": "XX",
            "amount": "-5",
            "closes_on": "2001-01-01",
            "visibility": "public",
        },
    )
    assert response.status_code == 200
    assert b"Give the post a Chinese or an English title." in response.content
    assert b"The closing date cannot be in the past." in response.content
    response = client.post(
        reverse("opportunities:create"),
        {
            "posted_by": poster_org.pk,
            "kind": "supply-offer",
            "title_zh": "無人機",
            "country": "TW",
            "amount": "5000",
            "visibility": "public",
        },
    )
    assert b"Say which currency the amount is in." in response.content
