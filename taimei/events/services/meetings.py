"""B2B meetings: the grid of slots and tables, marks, requests, answers and availability."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from taimei.events import tasks
from taimei.events.models import (
    Event,
    MeetingPreference,
    MeetingRequest,
    MeetingSlot,
    MeetingTable,
    Registration,
)
from taimei.events.selectors import may_meet
from taimei.events.services.errors import MeetingError


def _replan(event_id: int) -> None:
    transaction.on_commit(lambda: tasks.replan_meetings.delay(event_id))


@transaction.atomic
def meeting_grid_define(
    *, event: Event, first_start: datetime, minutes: int, count: int, gap: int, tables: int
) -> None:
    """Lay out `count` slots of `minutes` (with `gap` between) and `tables` tables.

    Slots and tables already in use by placed meetings are kept when they still exist in the
    new grid; meetings on removed ones lose their place and the scheduler re-plans them.
    """
    if not (1 <= minutes <= 240 and 1 <= count <= 48 and 0 <= gap <= 120 and 1 <= tables <= 500):
        raise MeetingError(_("Use 1–48 slots of 1–240 minutes and 1–500 tables."))
    if first_start.tzinfo is None:
        raise MeetingError(_("The first slot needs a time zone."))
    starts = [first_start + timedelta(minutes=i * (minutes + gap)) for i in range(count)]
    event.slots.exclude(starts_at__in=starts).delete()
    for start in starts:
        MeetingSlot.objects.update_or_create(
            event=event, starts_at=start, defaults={"ends_at": start + timedelta(minutes=minutes)}
        )
    labels = [f"T{n:02d}" for n in range(1, tables + 1)]
    event.tables.exclude(label__in=labels).delete()
    existing = set(event.tables.values_list("label", flat=True))
    MeetingTable.objects.bulk_create(
        [MeetingTable(event=event, label=label) for label in labels if label not in existing]
    )
    _replan(event.pk)


@transaction.atomic
def meeting_preference_set(*, owner: Registration, target: Registration, mark: str) -> None:
    """Mark another attendee must-meet or no-thanks; an empty mark clears it."""
    if owner.event_id != target.event_id or owner.pk == target.pk:
        raise MeetingError(_("You can only mark other attendees of the same event."))
    if not mark:
        MeetingPreference.objects.filter(owner=owner, target=target).delete()
        return
    if mark not in MeetingPreference.Mark.values:
        raise MeetingError(_("Unknown mark."))
    MeetingPreference.objects.update_or_create(owner=owner, target=target, defaults={"mark": mark})


def meeting_request_create(
    *, requester: Registration, recipient: Registration, message: str = ""
) -> MeetingRequest:
    """Ask another attendee for a meeting, within the organiser's cap and pairing rules."""
    event = requester.event
    if recipient.event_id != event.pk or recipient.status != Registration.Status.CONFIRMED:
        raise MeetingError(_("That person is not attending this event."))
    if not event.meetings_enabled:
        raise MeetingError(_("This event has no B2B meetings."))
    if not may_meet(event, requester, recipient):
        raise MeetingError(_("The organiser's rules do not pair you with this attendee."))
    if MeetingPreference.objects.filter(
        owner=recipient, target=requester, mark=MeetingPreference.Mark.NO_THANKS
    ).exists():
        raise MeetingError(_("This attendee is not taking meeting requests from you."))
    with transaction.atomic():
        # The requester's row is the lock that makes the cap hold under concurrent requests.
        Registration.objects.select_for_update().get(pk=requester.pk)
        open_between = MeetingRequest.objects.filter(status__in=MeetingRequest.ACTIVE).filter(
            Q(requester=requester, recipient=recipient)
            | Q(requester=recipient, recipient=requester)
        )
        if open_between.exists():
            raise MeetingError(_("You already have a request open with this attendee."))
        sent = requester.sent_requests.filter(status__in=MeetingRequest.ACTIVE).count()
        if sent >= event.meeting_request_cap:
            raise MeetingError(
                _("You can have at most %(n)d meeting requests open at this event.")
                % {"n": event.meeting_request_cap}
            )
        request = MeetingRequest.objects.create(
            event=event, requester=requester, recipient=recipient, message=message.strip()[:1000]
        )
        transaction.on_commit(lambda: tasks.send_meeting_email.delay(request.pk, "requested"))
    return request


@transaction.atomic
def meeting_request_respond(
    *, request: MeetingRequest, by: Registration, accept: bool
) -> MeetingRequest:
    """The recipient accepts (the scheduler then places it) or declines."""
    current = MeetingRequest.objects.select_for_update().get(pk=request.pk)
    if current.recipient_id != by.pk:
        raise MeetingError(_("Only the person asked can answer this request."))
    if current.status != MeetingRequest.Status.REQUESTED:
        raise MeetingError(_("This request has already been answered."))
    current.status = MeetingRequest.Status.ACCEPTED if accept else MeetingRequest.Status.DECLINED
    current.responded_at = timezone.now()
    current.save(update_fields=["status", "responded_at"])
    kind = "accepted" if accept else "declined"
    transaction.on_commit(lambda: tasks.send_meeting_email.delay(current.pk, kind))
    if accept:
        _replan(current.event_id)
    return current


@transaction.atomic
def meeting_request_withdraw(*, request: MeetingRequest, by: Registration) -> MeetingRequest:
    """Either side calls a request or meeting off; the scheduler fills the freed place."""
    current = MeetingRequest.objects.select_for_update().get(pk=request.pk)
    if by.pk not in (current.requester_id, current.recipient_id):
        raise MeetingError(_("This is not your meeting."))
    if current.status not in MeetingRequest.ACTIVE:
        raise MeetingError(_("This request is no longer open."))
    was_placed = current.slot_id is not None
    current.status = MeetingRequest.Status.WITHDRAWN
    current.slot = current.table = None
    current.save(update_fields=["status", "slot", "table"])
    if was_placed:
        transaction.on_commit(lambda: tasks.send_meeting_email.delay(current.pk, "withdrawn"))
        _replan(current.event_id)
    return current


@transaction.atomic
def availability_set(*, registration: Registration, unavailable: Iterable[MeetingSlot]) -> None:
    """Record the slots an attendee cannot meet in; their meetings there are re-planned."""
    slots = [slot for slot in unavailable if slot.event_id == registration.event_id]
    registration.unavailable_slots.set(slots)
    _replan(registration.event_id)
