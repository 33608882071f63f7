"""Registration, waitlist, approval, logistics, check-in and the registrations CSV.

Seat accounting is atomic: every change that can take or free a seat first locks the event
row (`select_for_update`), then counts the confirmed seats. On PostgreSQL concurrent
registrations and cancellations for one event therefore run one after the other; on SQLite
the IMMEDIATE transaction mode in settings serialises writers the same way.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from taimei.events import tasks
from taimei.events.models import Event, Logistics, MeetingRequest, Registration
from taimei.events.selectors import registration_refusal
from taimei.events.services.errors import RegistrationError

if TYPE_CHECKING:
    from taimei.accounts.models import User
    from taimei.members.models import Organization

Status = Registration.Status


@dataclass(frozen=True)
class RegistrationData:
    """What a registrant tells the organiser."""

    attendee_name: str
    email: str
    organization_name: str
    language: str = "zh-hant"
    job_title: str = ""
    organization: Organization | None = None
    country: str = ""
    participant_type: str = "other"
    seats: int = 1
    dietary_notes: str = ""
    accessibility_notes: str = ""
    consent: bool = False


def seats_taken(event: Event) -> int:
    """Seats held by confirmed registrations."""
    taken = event.registrations.filter(status=Status.CONFIRMED).aggregate(n=Sum("seats"))["n"]
    return int(taken or 0)


def _fits(event: Event, seats: int) -> bool:
    return event.capacity is None or seats_taken(event) + seats <= event.capacity


def _mail(registration: Registration, kind: str) -> None:
    transaction.on_commit(lambda: tasks.send_registration_email.delay(registration.pk, kind))


def _seat_or_waitlist(event: Event, registration: Registration) -> str:
    """Confirm when the seats fit and nobody is waiting ahead, else join the waitlist."""
    queue_empty = not event.registrations.filter(status=Status.WAITLISTED).exists()
    if queue_empty and _fits(event, registration.seats):
        registration.status = Status.CONFIRMED
        return "confirmed"
    registration.status = Status.WAITLISTED
    registration.waitlisted_at = timezone.now()
    return "waitlisted"


def waitlist_promote(*, event: Event) -> list[Registration]:
    """Confirm waitlisted registrations in order while their seats fit (event row locked).

    Strictly first in, first out: a team of four at the head is not overtaken by a single
    person behind it, so nobody waits for ever because they asked for several seats.
    """
    promoted: list[Registration] = []
    waiting = event.registrations.select_for_update().filter(status=Status.WAITLISTED)
    for registration in waiting.order_by("waitlisted_at", "pk"):
        if not _fits(event, registration.seats):
            break
        registration.status = Status.CONFIRMED
        registration.save(update_fields=["status", "updated_at"])
        promoted.append(registration)
        _mail(registration, "promoted")
    return promoted


def registration_create(*, event: Event, user: User | None, data: RegistrationData) -> Registration:
    """Register for `event`: confirmed, waitlisted, or (staged events) an application."""
    if not data.consent:
        raise RegistrationError(_("Please agree to how the organiser uses your details."))
    if data.seats < 1:
        raise RegistrationError(_("Ask for at least one seat."))
    with transaction.atomic():
        locked = Event.objects.select_for_update().get(pk=event.pk)
        refusal = registration_refusal(user=user, event=locked)
        if refusal:
            raise RegistrationError(refusal)
        email = data.email.strip().lower()
        if locked.registrations.filter(email=email, status__in=Registration.ACTIVE).exists():
            raise RegistrationError(_("This e-mail address is already registered."))
        if locked.capacity is not None and data.seats > locked.capacity:
            raise RegistrationError(
                _("The event has %(n)d seats in all; ask for fewer.") % {"n": locked.capacity}
            )
        registration = Registration(
            event=locked,
            user=user if user is not None and user.is_authenticated else None,
            **{**data.__dict__, "email": email},
        )
        if locked.is_staged:
            registration.status = Status.APPLIED
            kind = "applied"
        else:
            kind = _seat_or_waitlist(locked, registration)
        registration.save()
        _mail(registration, kind)
    return registration


def _withdraw_meetings(registration: Registration) -> None:
    changed = MeetingRequest.objects.filter(status__in=MeetingRequest.ACTIVE).filter(
        requester=registration
    ) | MeetingRequest.objects.filter(status__in=MeetingRequest.ACTIVE, recipient=registration)
    had_placed = changed.filter(slot__isnull=False).exists()
    changed.update(status=MeetingRequest.Status.WITHDRAWN, slot=None, table=None)
    if had_placed:
        event_id = registration.event_id
        transaction.on_commit(lambda: tasks.replan_meetings.delay(event_id))


def registration_cancel(*, registration: Registration) -> list[Registration]:
    """Cancel; a freed seat goes to the first in line. Returns the registrations promoted."""
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=registration.event_id)
        current = Registration.objects.select_for_update().get(pk=registration.pk)
        if not current.is_active:
            raise RegistrationError(_("This registration is no longer active."))
        held_seats = current.status == Status.CONFIRMED
        current.status = Status.CANCELLED
        current.save(update_fields=["status", "updated_at"])
        _withdraw_meetings(current)
        _mail(current, "cancelled")
        promoted = waitlist_promote(event=event) if held_seats else []
    registration.refresh_from_db()
    return promoted


def registration_approve(*, registration: Registration, by: User, note: str = "") -> Registration:
    """Staff accept an application: it takes seats if they are free, else joins the waitlist."""
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=registration.event_id)
        current = Registration.objects.select_for_update().get(pk=registration.pk)
        if current.status != Status.APPLIED:
            raise RegistrationError(_("Only applications awaiting approval can be approved."))
        kind = "approved" if _seat_or_waitlist(event, current) == "confirmed" else "waitlisted"
        current.decided_at, current.decided_by, current.decision_note = timezone.now(), by, note
        current.save()
        _mail(current, kind)
    return current


def registration_decline(*, registration: Registration, by: User, note: str = "") -> Registration:
    """Staff turn down an application or a waitlisted registration."""
    with transaction.atomic():
        current = Registration.objects.select_for_update().get(pk=registration.pk)
        if current.status not in (Status.APPLIED, Status.WAITLISTED):
            raise RegistrationError(_("Only applications and waitlisted people can be declined."))
        current.status = Status.DECLINED
        current.decided_at, current.decided_by, current.decision_note = timezone.now(), by, note
        current.save()
        _mail(current, "declined")
    return current


@transaction.atomic
def logistics_submit(*, registration: Registration, data: dict[str, Any]) -> Logistics:
    """Save an approved delegate's travel details, until the event's deadline."""
    registration = Registration.objects.select_related("event").get(pk=registration.pk)
    event = registration.event
    if not event.is_staged or registration.status != Status.CONFIRMED:
        raise RegistrationError(_("Travel details are asked only of approved participants."))
    if event.logistics_deadline and timezone.now() > event.logistics_deadline:
        raise RegistrationError(_("The deadline for travel details has passed."))
    logistics, _created = Logistics.objects.update_or_create(
        registration=registration, defaults=data
    )
    return logistics


@transaction.atomic
def registration_check_in(*, registration: Registration, checked_in: bool) -> Registration:
    """Mark a confirmed attendee as arrived (or undo it)."""
    if registration.status != Status.CONFIRMED:
        raise RegistrationError(_("Only confirmed attendees can be checked in."))
    registration.checked_in_at = timezone.now() if checked_in else None
    registration.save(update_fields=["checked_in_at", "updated_at"])
    return registration


EXPORT_COLUMNS = [
    "event",
    "id",
    "status",
    "attendee_name",
    "email",
    "organization",
    "member",
    "job_title",
    "country",
    "participant_type",
    "seats",
    "dietary_notes",
    "accessibility_notes",
    "registered_at",
    "waitlisted_at",
    "checked_in_at",
    "passport_name",
    "arrival_flight",
    "departure_flight",
    "hotel",
]


def _logistics_cells(logistics: Logistics | None) -> list[str]:
    if logistics is None:
        return ["", "", "", ""]
    return [
        logistics.passport_name,
        logistics.arrival_flight,
        logistics.departure_flight,
        logistics.hotel,
    ]


def _export(registrations: Any) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(EXPORT_COLUMNS)
    for r in registrations.select_related("event", "organization", "logistics"):
        logistics = getattr(r, "logistics", None)
        writer.writerow(
            [
                r.event.slug,
                r.pk,
                r.status,
                r.attendee_name,
                r.email,
                r.organization_name,
                r.organization.slug if r.organization else "",
                r.job_title,
                r.country,
                r.participant_type,
                r.seats,
                r.dietary_notes,
                r.accessibility_notes,
                r.created_at.isoformat(),
                r.waitlisted_at.isoformat() if r.waitlisted_at else "",
                r.checked_in_at.isoformat() if r.checked_in_at else "",
                *(
                    [
                        logistics.passport_name,
                        logistics.arrival_flight,
                        logistics.departure_flight,
                        logistics.hotel,
                    ]
                    if logistics
                    else ["", "", "", ""]
                ),
            ]
        )
    return buffer.getvalue()


def registrations_export(*, event: Event) -> str:
    """The registrations of one event as CSV (check-in desk, caterer, travel agent)."""
    return _export(event.registrations.order_by("status", "attendee_name", "pk"))


def registrations_export_all() -> str:
    """Every registration of every event as CSV (`taimei export registrations FILE`)."""
    return _export(Registration.objects.order_by("event__starts_at", "event_id", "pk"))
