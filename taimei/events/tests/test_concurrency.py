"""Concurrent cancellations and registrations never overbook (real transactions, threads)."""

import threading

import pytest
from django.db import connection

from taimei.events.models import Registration
from taimei.events.services import (
    RegistrationData,
    meeting_request_create,
    registration_cancel,
    registration_create,
)
from taimei.events.services.errors import MeetingError
from taimei.events.services.registrations import seats_taken

from .factories import EventFactory, RegistrationFactory

S = Registration.Status

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: SQLite serialises all writers (IMMEDIATE transactions), so "
        "threads cannot race; run with DATABASE_URL=postgres://…",
    ),
]


def run_together(jobs):
    """Start every job at the same moment in its own thread and connection."""
    barrier = threading.Barrier(len(jobs))
    errors = []

    def wrap(job):
        try:
            barrier.wait()
            job()
        except Exception as error:  # collected and asserted on below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=wrap, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors


@pytest.mark.parametrize("round_", range(3))
def test_cancel_and_register_at_the_same_moment_never_overbooks(round_):
    event = EventFactory(capacity=6, audience="public")
    holders = [RegistrationFactory(event=event, user=None, email=f"h{i}@x.com") for i in range(6)]
    team = RegistrationFactory(
        event=event, user=None, email="team@x.com", seats=2, status=S.WAITLISTED
    )
    solo = RegistrationFactory(event=event, user=None, email="solo@x.com", status=S.WAITLISTED)
    last = RegistrationFactory(event=event, user=None, email="last@x.com", status=S.WAITLISTED)
    for order, registration in enumerate((team, solo, last)):
        Registration.objects.filter(pk=registration.pk).update(
            waitlisted_at=registration.created_at.replace(microsecond=order)
        )

    def cancel(registration):
        return lambda: registration_cancel(registration=registration)

    def register(n):
        data = RegistrationData(
            attendee_name=f"New {n}",
            email=f"new{n}@x.com",
            organization_name="Org",
            consent=True,
        )
        return lambda: registration_create(event=event, user=None, data=data)

    errors = run_together([cancel(r) for r in holders[:3]] + [register(n) for n in range(5)])
    assert errors == []
    assert seats_taken(event) == 6  # never more than the capacity, and no seat left idle
    status = dict(event.registrations.values_list("email", "status"))
    assert status["team@x.com"] == S.CONFIRMED and status["solo@x.com"] == S.CONFIRMED
    assert status["last@x.com"] == S.WAITLISTED
    assert all(status[f"new{n}@x.com"] == S.WAITLISTED for n in range(5))


def test_a_full_event_with_many_simultaneous_registrations_keeps_its_capacity():
    event = EventFactory(capacity=4, audience="public")

    def register(n):
        data = RegistrationData(
            attendee_name=f"P{n}",
            email=f"p{n}@x.com",
            organization_name="Org",
            consent=True,
            seats=1 + n % 2,
        )
        return lambda: registration_create(event=event, user=None, data=data)

    assert run_together([register(n) for n in range(10)]) == []
    assert seats_taken(event) <= 4
    assert event.registrations.count() == 10


def test_the_meeting_request_cap_holds_under_simultaneous_requests():
    event = EventFactory(meetings_enabled=True, meeting_request_cap=2)
    me = RegistrationFactory(event=event)
    others = [RegistrationFactory(event=event) for _ in range(6)]
    errors = run_together(
        [lambda o=o: meeting_request_create(requester=me, recipient=o) for o in others]
    )
    assert me.sent_requests.count() == 2
    assert len(errors) == 4 and all(isinstance(e, MeetingError) for e in errors)
