"""Registration, waitlist, promotion, staged applications, logistics, mail and CSV."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from icalendar import Calendar

from taimei.accounts.tests.factories import UserFactory
from taimei.events.models import Event, Registration
from taimei.events.selectors import waitlist_position
from taimei.events.services import (
    RegistrationError,
    logistics_submit,
    registration_approve,
    registration_cancel,
    registration_check_in,
    registration_create,
    registration_decline,
    registrations_export,
)
from taimei.events.services.registrations import seats_taken
from taimei.members.tests.factories import PersonFactory

from .factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db
S = Registration.Status


def register(event, data, email, seats=1, user=None):
    return registration_create(event=event, user=user, data=data(email=email, seats=seats))


def cancel(committed, registration):
    with committed():
        return registration_cancel(registration=registration)


def test_seats_then_waitlist_then_fifo_promotion_on_cancel(data, committed):
    event = EventFactory(capacity=2)
    first = register(event, data, "a@example.com")
    second = register(event, data, "b@example.com")
    third = register(event, data, "c@example.com")
    fourth = register(event, data, "d@example.com")
    assert [first.status, second.status, third.status, fourth.status] == [
        S.CONFIRMED,
        S.CONFIRMED,
        S.WAITLISTED,
        S.WAITLISTED,
    ]
    assert waitlist_position(fourth) == 2
    promoted = registration_cancel(registration=first)
    assert promoted == [third]
    third.refresh_from_db()
    fourth.refresh_from_db()
    assert third.status == S.CONFIRMED and fourth.status == S.WAITLISTED
    assert waitlist_position(fourth) == 1
    assert seats_taken(event) == 2


def test_a_team_waits_at_the_head_and_is_not_overtaken(data, committed):
    event = EventFactory(capacity=4)
    solo = register(event, data, "solo@example.com", seats=2)
    register(event, data, "pair@example.com", seats=2)
    team = register(event, data, "team@example.com", seats=3)
    late = register(event, data, "late@example.com", seats=1)
    assert team.status == S.WAITLISTED and late.status == S.WAITLISTED
    # Two seats free up: the team of three at the head does not fit yet, and the single
    # person behind it does not jump the queue.
    assert registration_cancel(registration=solo) == []
    late.refresh_from_db()
    assert late.status == S.WAITLISTED
    more = Event.objects.get(pk=event.pk)
    from taimei.events.services import event_update

    event_update(event=more, data={"capacity": 6})
    team.refresh_from_db()
    late.refresh_from_db()
    assert team.status == S.CONFIRMED and late.status == S.CONFIRMED
    assert seats_taken(event) == 6


def test_a_newcomer_does_not_jump_a_waitlist_even_when_seats_are_free(data, committed):
    event = EventFactory(capacity=3)
    register(event, data, "a@example.com", seats=2)
    head = register(event, data, "team@example.com", seats=2)
    newcomer = register(event, data, "n@example.com", seats=1)
    assert head.status == S.WAITLISTED and newcomer.status == S.WAITLISTED


def test_bad_requests_are_refused_with_a_reason(data):
    event = EventFactory(capacity=2)
    register(event, data, "a@example.com")
    with pytest.raises(RegistrationError, match="already registered"):
        register(event, data, "A@example.com")
    with pytest.raises(RegistrationError, match="2 seats in all"):
        register(event, data, "b@example.com", seats=3)
    with pytest.raises(RegistrationError, match="agree"):
        registration_create(event=event, user=None, data=data(email="c@x.com", consent=False))
    closed = EventFactory(registration_closes_at=timezone.now() - timedelta(hours=1))
    with pytest.raises(RegistrationError, match="closed"):
        register(closed, data, "a@example.com")
    draft = EventFactory(status=Event.Status.DRAFT)
    with pytest.raises(RegistrationError, match="not open"):
        register(draft, data, "a@example.com")


def test_members_only_events_refuse_the_public_and_non_members(data):
    event = EventFactory(audience=Event.Audience.MEMBERS)
    with pytest.raises(RegistrationError, match="Sign in"):
        register(event, data, "anon@example.com")
    outsider = UserFactory()
    with pytest.raises(RegistrationError, match="for alliance members"):
        register(event, data, outsider.email, user=outsider)
    member = PersonFactory().user
    assert register(event, data, member.email, user=member).status == S.CONFIRMED


def test_cancelling_twice_is_refused(data):
    registration = register(EventFactory(), data, "a@example.com")
    registration_cancel(registration=registration)
    with pytest.raises(RegistrationError):
        registration_cancel(registration=registration)


def test_confirmation_mail_is_in_the_registrants_language_with_the_ics(data, committed):
    event = EventFactory(title_zh="供應鏈工作坊", title_en="Supply-chain workshop")
    user = UserFactory(preferred_language="zh-hant")
    with committed():
        registration_create(event=event, user=user, data=data(email=user.email, language="en"))
        register(event, data, "guest@example.com")  # anonymous: the language of the request
    chinese, english = mail.outbox
    assert "供應鏈工作坊" in chinese.subject and "報名" in chinese.subject
    assert english.subject == "Registration confirmed: Supply-chain workshop"
    assert "/events/registration/" in english.body  # the signed cancellation link
    name, content, mimetype = english.attachments[0]
    assert mimetype == "text/calendar" and name == f"{event.slug}.ics"
    component = next(c for c in Calendar.from_ical(content).walk() if c.name == "VEVENT")
    assert component.decoded("dtstart") == event.starts_at.replace(microsecond=0)


def test_promotion_is_announced_by_mail(data, committed):
    event = EventFactory(capacity=1)
    first = register(event, data, "a@example.com")
    register(event, data, "b@example.com")
    mail.outbox.clear()
    cancel(committed, first)
    subjects = sorted(message.subject for message in mail.outbox)
    assert any(s.startswith("A seat is yours") for s in subjects)
    assert any(s.startswith("Registration cancelled") for s in subjects)
    promoted = next(m for m in mail.outbox if m.subject.startswith("A seat"))
    assert promoted.to == ["b@example.com"] and promoted.attachments


def test_staged_application_approve_decline_and_logistics(data, committed):
    staff = UserFactory(is_staff=True)
    event = EventFactory(
        kind=Event.Kind.DELEGATION,
        capacity=1,
        logistics_deadline=timezone.now() + timedelta(days=3),
    )
    first = register(event, data, "a@example.com")
    second = register(event, data, "b@example.com")
    assert first.status == S.APPLIED and seats_taken(event) == 0
    with committed():
        assert registration_approve(registration=first, by=staff).status == S.CONFIRMED
        assert registration_approve(registration=second, by=staff).status == S.WAITLISTED
    with pytest.raises(RegistrationError):
        registration_approve(registration=first, by=staff)
    with committed():
        declined = registration_decline(registration=second, by=staff, note="Full this time.")
    assert declined.status == S.DECLINED
    assert "Full this time." in mail.outbox[-1].body
    approved_mail = next(m for m in mail.outbox if m.subject.startswith("Application approved"))
    assert "/logistics/" in approved_mail.body
    logistics = logistics_submit(
        registration=first, data={"passport_name": "CHEN, WEI", "hotel": "Hotel Nikko"}
    )
    assert logistics.registration == first
    with pytest.raises(RegistrationError, match="approved participants"):
        logistics_submit(registration=second, data={"passport_name": "X"})
    Event.objects.filter(pk=event.pk).update(logistics_deadline=timezone.now() - timedelta(1))
    first.refresh_from_db()
    with pytest.raises(RegistrationError, match="deadline"):
        logistics_submit(registration=first, data={"passport_name": "CHEN, WEI"})


def test_check_in_only_for_confirmed_and_csv_export(data):
    event = EventFactory(capacity=1)
    confirmed = register(event, data, "a@example.com")
    waiting = register(event, data, "b@example.com")
    registration_check_in(registration=confirmed, checked_in=True)
    with pytest.raises(RegistrationError):
        registration_check_in(registration=waiting, checked_in=True)
    text = registrations_export(event=event)
    header, *rows = text.strip().splitlines()
    assert header.startswith("event,id,status,attendee_name,email")
    assert len(rows) == 2 and "confirmed" in text and "waitlisted" in text


def test_registration_factory_counts_only_confirmed_seats():
    event = EventFactory(capacity=5)
    RegistrationFactory(event=event, seats=3)
    RegistrationFactory(event=event, seats=2, status=S.WAITLISTED)
    assert seats_taken(event) == 3
