"""B2B meetings through the services: rules, cap, marks, acceptance, re-planning."""

from datetime import timedelta

import pytest
from django.core import mail

from taimei.events.models import MeetingRequest, MeetingSlot, Registration
from taimei.events.selectors import agenda, attendee_list, may_meet
from taimei.events.services import (
    MeetingError,
    availability_set,
    meeting_grid_define,
    meeting_preference_set,
    meeting_request_create,
    meeting_request_respond,
    meeting_request_withdraw,
    meetings_schedule,
    registration_cancel,
)
from taimei.events.services.scheduling import _problem

from .factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db
A = MeetingRequest.Status


@pytest.fixture
def event():
    event = EventFactory(
        meetings_enabled=True,
        meeting_request_cap=3,
        meeting_pairs=["buyer-seller"],
        meeting_cross_border_only=True,
    )
    meeting_grid_define(
        event=event, first_start=event.starts_at, minutes=20, count=2, gap=0, tables=1
    )
    return event


def attendee(event, kind, country, **extra):
    return RegistrationFactory(event=event, participant_type=kind, country=country, **extra)


def test_rules_pair_buyers_with_sellers_across_the_pacific(event):
    buyer = attendee(event, "buyer", "US")
    seller = attendee(event, "seller", "TW")
    local_seller = attendee(event, "seller", "US")
    other_buyer = attendee(event, "buyer", "TW")
    assert may_meet(event, buyer, seller)
    assert not may_meet(event, buyer, local_seller)  # same country
    assert not may_meet(event, other_buyer, buyer)  # buyer-buyer not allowed
    with pytest.raises(MeetingError, match="rules"):
        meeting_request_create(requester=local_seller, recipient=buyer)


def test_request_accept_places_the_meeting_and_it_shows_on_both_agendas(event, committed):
    buyer = attendee(event, "buyer", "US")
    seller = attendee(event, "seller", "TW", user__preferred_language="zh-hant")
    with committed():
        request = meeting_request_create(requester=seller, recipient=buyer, message="Hi")
    assert mail.outbox[-1].to == [buyer.email]
    with pytest.raises(MeetingError, match="already"):
        meeting_request_create(requester=buyer, recipient=seller)
    with pytest.raises(MeetingError, match="Only the person asked"):
        meeting_request_respond(request=request, by=seller, accept=True)
    with committed():
        meeting_request_respond(request=request, by=buyer, accept=True)
    request.refresh_from_db()
    assert request.status == A.ACCEPTED and request.slot is not None and request.table is not None
    assert agenda(seller) == [request] and agenda(buyer) == [request]


def test_the_cap_counts_open_requests_only(event):
    seller = attendee(event, "seller", "TW")
    buyers = [attendee(event, "buyer", "US") for _ in range(4)]
    requests = [meeting_request_create(requester=seller, recipient=b) for b in buyers[:3]]
    with pytest.raises(MeetingError, match="at most 3"):
        meeting_request_create(requester=seller, recipient=buyers[3])
    meeting_request_withdraw(request=requests[0], by=seller)
    assert meeting_request_create(requester=seller, recipient=buyers[3]).status == A.REQUESTED


def test_no_thanks_blocks_requests_and_marks_show_in_the_list(event):
    buyer = attendee(event, "buyer", "US")
    seller = attendee(event, "seller", "TW")
    meeting_preference_set(owner=buyer, target=seller, mark="no-thanks")
    with pytest.raises(MeetingError, match="not taking"):
        meeting_request_create(requester=seller, recipient=buyer)
    meeting_preference_set(owner=seller, target=buyer, mark="must-meet")
    row = next(r for r in attendee_list(event, seller) if r.registration == buyer)
    assert row.mark == "must-meet" and not row.allowed
    meeting_preference_set(owner=buyer, target=seller, mark="")
    assert meeting_request_create(requester=seller, recipient=buyer)


def accepted(event, a, b):
    return MeetingRequest.objects.create(event=event, requester=a, recipient=b, status=A.ACCEPTED)


def test_withdrawal_frees_the_place_for_a_waiting_meeting(event, committed):
    # One table, two slots, three accepted meetings: one must wait until someone withdraws.
    buyer1, buyer2 = attendee(event, "buyer", "US"), attendee(event, "buyer", "US")
    sellers = [attendee(event, "seller", "TW") for _ in range(3)]
    meetings = [
        accepted(event, sellers[0], buyer1),
        accepted(event, sellers[1], buyer1),
        accepted(event, sellers[2], buyer2),
    ]
    report = meetings_schedule(event=event)
    assert (report.accepted, report.placed) == (3, 2)
    placed = [m for m in meetings if MeetingRequest.objects.get(pk=m.pk).slot_id]
    waiting = next(m for m in meetings if m not in placed)
    kept = placed[1]
    kept_place = MeetingRequest.objects.values_list("slot", "table").get(pk=kept.pk)
    with committed():
        meeting_request_withdraw(request=placed[0], by=placed[0].requester)
    waiting.refresh_from_db()
    assert waiting.slot_id is not None
    assert MeetingRequest.objects.values_list("slot", "table").get(pk=kept.pk) == kept_place


def test_cancelling_a_registration_withdraws_its_meetings_and_replans(event, committed):
    buyer, seller = attendee(event, "buyer", "US"), attendee(event, "seller", "TW")
    meeting = accepted(event, seller, buyer)
    meetings_schedule(event=event)
    with committed():
        registration_cancel(registration=seller)
    meeting.refresh_from_db()
    assert meeting.status == A.WITHDRAWN and meeting.slot is None


def test_availability_moves_a_meeting_out_of_a_blocked_slot(event, committed):
    buyer, seller = attendee(event, "buyer", "US"), attendee(event, "seller", "TW")
    meeting = accepted(event, seller, buyer)
    meetings_schedule(event=event)
    meeting.refresh_from_db()
    first = meeting.slot
    with committed():
        availability_set(registration=buyer, unavailable=[first])
    meeting.refresh_from_db()
    assert meeting.slot is not None and meeting.slot != first


def test_problem_excludes_cancelled_people_and_the_grid_can_be_redefined(event):
    buyer, seller = attendee(event, "buyer", "US"), attendee(event, "seller", "TW")
    gone = attendee(event, "seller", "TW")
    accepted(event, seller, buyer)
    accepted(event, gone, buyer)
    Registration.objects.filter(pk=gone.pk).update(status=Registration.Status.CANCELLED)
    problem, _requests = _problem(event, stable=True)
    assert len(problem.meetings) == 1
    meeting_grid_define(
        event=event,
        first_start=event.starts_at + timedelta(hours=1),
        minutes=30,
        count=4,
        gap=10,
        tables=3,
    )
    assert MeetingSlot.objects.filter(event=event).count() == 4
    assert event.tables.count() == 3
    with pytest.raises(MeetingError):
        meeting_grid_define(
            event=event, first_start=event.starts_at, minutes=0, count=1, gap=0, tables=1
        )
