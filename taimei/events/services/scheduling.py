"""Run the meeting scheduler for an event and write its placements back.

A stable re-plan (after an acceptance, a withdrawal or an availability change) keeps every
meeting that still fits where it is, so agendas people already have stay true, and fills the
free places; a full re-plan (staff, before agendas go out) re-optimises everything. Either
way the answer is checked by the independent validator before anything is written.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from taimei.events.conf import scheduler_time_limit
from taimei.events.models import Event, MeetingPreference, MeetingRequest, Registration
from taimei.events.scheduling import (
    Meeting,
    Placement,
    Problem,
    schedule_cpsat,
    schedule_greedy,
    validate_schedule,
)
from taimei.events.services.errors import MeetingError


@dataclass(frozen=True)
class ScheduleReport:
    """What a scheduler run did, for the organiser's page and the API."""

    accepted: int
    placed: int
    greedy_placed: int
    solver: str
    status: str
    seconds: float
    moved: int

    @property
    def unplaced(self) -> int:
        return self.accepted - self.placed


def _problem(event: Event, *, stable: bool) -> tuple[Problem, dict[int, MeetingRequest]]:
    requests = {
        r.pk: r
        for r in event.meeting_requests.filter(
            status=MeetingRequest.Status.ACCEPTED,
            requester__status=Registration.Status.CONFIRMED,
            recipient__status=Registration.Status.CONFIRMED,
        )
    }
    must = set(
        MeetingPreference.objects.filter(
            owner__event=event, mark=MeetingPreference.Mark.MUST_MEET
        ).values_list("owner_id", "target_id")
    )
    meetings = tuple(
        Meeting(
            id=r.pk,
            a=r.requester_id,
            b=r.recipient_id,
            weight=int((r.requester_id, r.recipient_id) in must)
            + int((r.recipient_id, r.requester_id) in must),
        )
        for r in requests.values()
    )
    unavailable: dict[int, set[int]] = {}
    through = Registration.unavailable_slots.through
    for registration_id, slot_id in through.objects.filter(registration__event=event).values_list(
        "registration_id", "meetingslot_id"
    ):
        unavailable.setdefault(registration_id, set()).add(slot_id)
    fixed = (
        {
            r.pk: Placement(slot=r.slot_id, table=r.table_id)
            for r in requests.values()
            if r.slot_id is not None and r.table_id is not None
        }
        if stable
        else {}
    )
    problem = Problem(
        slots=tuple(event.slots.order_by("starts_at").values_list("pk", flat=True)),
        tables=tuple(event.tables.order_by("pk").values_list("pk", flat=True)),
        meetings=meetings,
        unavailable={person: frozenset(slots) for person, slots in unavailable.items()},
        fixed=fixed,
    )
    return problem, requests


def meetings_schedule(
    *, event: Event, stable: bool = True, solver: str = "cp-sat"
) -> ScheduleReport:
    """Place the event's accepted meetings; never writes a schedule the validator rejects."""
    with transaction.atomic():
        # One scheduler run per event at a time; requests answered meanwhile wait for it.
        Event.objects.select_for_update().get(pk=event.pk)
        # Withdrawn or declined requests never keep a place.
        event.meeting_requests.filter(~Q(status=MeetingRequest.Status.ACCEPTED)).filter(
            slot__isnull=False
        ).update(slot=None, table=None)
        problem, requests = _problem(event, stable=stable)
        greedy = schedule_greedy(problem)
        schedule = (
            schedule_cpsat(problem, time_limit=scheduler_time_limit())
            if solver == "cp-sat"
            else greedy
        )
        violations = validate_schedule(
            slots=problem.slots,
            tables=problem.tables,
            meetings={m.id: (m.a, m.b) for m in problem.meetings},
            unavailable=problem.unavailable,
            placements={mid: (p.slot, p.table) for mid, p in schedule.placements.items()},
        )
        if violations:
            raise MeetingError(_("The scheduler produced an invalid plan: %s") % violations[0])
        changed = [
            r
            for r in requests.values()
            if (r.slot_id, r.table_id)
            != (
                (schedule.placements[r.pk].slot, schedule.placements[r.pk].table)
                if r.pk in schedule.placements
                else (None, None)
            )
        ]
        # Clear first so the one-meeting-per-table-and-slot constraint never sees a swap
        # half done.
        MeetingRequest.objects.filter(pk__in=[r.pk for r in changed]).update(slot=None, table=None)
        for r in changed:
            placement = schedule.placements.get(r.pk)
            r.slot_id = placement.slot if placement else None
            r.table_id = placement.table if placement else None
            r.reminder_sent_at = None
        MeetingRequest.objects.bulk_update(changed, ["slot", "table", "reminder_sent_at"])
    return ScheduleReport(
        accepted=len(problem.meetings),
        placed=schedule.placed,
        greedy_placed=greedy.placed,
        solver=schedule.solver,
        status=schedule.status,
        seconds=round(schedule.seconds, 3),
        moved=sum(1 for r in changed if r.pk in schedule.placements),
    )
