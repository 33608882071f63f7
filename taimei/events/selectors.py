"""Reads of the events app and the one place that decides who may see or do what."""

from __future__ import annotations

import calendar
from collections.abc import Container
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.core import signing
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from taimei.core.http import AnyUser
from taimei.core.taxonomy import INDUSTRIES, TOPICS
from taimei.core.text import fold
from taimei.events.models import (
    Event,
    MeetingPreference,
    MeetingRequest,
    MeetingSlot,
    Registration,
)
from taimei.events.zones import ZONES
from taimei.members.selectors import user_is_approved_member

TOKEN_SALT = "taimei.events.registration"  # noqa: S105 - a namespace, not a secret


# --- events and the calendar ------------------------------------------------------------


def events_visible(user: AnyUser | None) -> QuerySet[Event]:
    """Published and cancelled events for everyone; drafts too for staff."""
    events = Event.objects.all()
    if user is None or not user.is_staff:
        events = events.exclude(status=Event.Status.DRAFT)
    return events


def access_event(user: AnyUser, slug: str) -> Event:
    """The event behind `slug` if `user` may see it; drafts are invisible to non-staff."""
    event = (
        events_visible(user)
        .select_related("organizer")
        .prefetch_related("topics", "industries")
        .filter(slug=slug)
        .first()
    )
    if event is None:
        raise Http404
    return event


def access_event_for_staff(user: AnyUser, slug: str) -> Event:
    """The event behind `slug` for alliance staff; everyone else is refused."""
    if not user.is_authenticated or not user.is_staff:
        raise PermissionDenied
    return access_event(user, slug)


@dataclass(frozen=True)
class EventFilters:
    """What a calendar visitor asked for; unknown values are dropped, never fatal."""

    q: str = ""
    kind: str = ""
    topic: str = ""
    industry: str = ""
    audience: str = ""
    when: str = "upcoming"

    @classmethod
    def from_params(cls, params: dict[str, str]) -> EventFilters:
        def pick(name: str, allowed: Container[str]) -> str:
            value = str(params.get(name, ""))
            return value if value in allowed else ""

        return cls(
            q=str(params.get("q", ""))[:200].strip(),
            kind=pick("kind", Event.Kind.values),
            topic=pick("topic", TOPICS),
            industry=pick("industry", INDUSTRIES),
            audience=pick("audience", Event.Audience.values),
            when=pick("when", ("upcoming", "past", "all")) or "upcoming",
        )

    def as_params(self) -> dict[str, str]:
        return {k: v for k, v in self.__dict__.items() if v and k != "when"}


def event_list(
    filters: EventFilters, *, user: AnyUser | None, now: datetime | None = None
) -> QuerySet[Event]:
    """Events matching `filters`, relations prefetched, soonest first (latest first if past)."""
    moment = now or timezone.now()
    events = events_visible(user)
    if filters.q:
        for term in fold(filters.q).split():
            events = events.filter(
                Q(title_zh__icontains=term)
                | Q(title_en__icontains=term)
                | Q(city__icontains=term)
                | Q(organizer__search_key__contains=term)
            )
    for name, lookup in (
        ("kind", "kind"),
        ("topic", "topics__slug"),
        ("industry", "industries__slug"),
        ("audience", "audience"),
    ):
        if value := getattr(filters, name):
            events = events.filter(**{lookup: value})
    if filters.when == "upcoming":
        events = events.filter(ends_at__gte=moment).order_by("starts_at", "slug")
    elif filters.when == "past":
        events = events.filter(ends_at__lt=moment).order_by("-starts_at", "slug")
    return events.distinct().select_related("organizer").prefetch_related("topics")


@dataclass
class Day:
    day: date
    in_month: bool
    events: list[Event] = field(default_factory=list)


def calendar_month(
    *, year: int, month: int, filters: EventFilters, user: AnyUser | None, zone: str
) -> list[list[Day]]:
    """Weeks (Monday first) of the month, each day with its events in the viewer's zone."""
    tz = ZoneInfo(zone if zone in ZONES else "Asia/Taipei")
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    first, last = weeks[0][0], weeks[-1][-1]
    start = datetime(first.year, first.month, first.day, tzinfo=tz)
    end = datetime(last.year, last.month, last.day, tzinfo=tz) + timedelta(days=1)
    events = list(
        event_list(EventFilters(**{**filters.__dict__, "when": "all"}), user=user)
        .filter(starts_at__lt=end, ends_at__gt=start)
        .order_by("starts_at")
    )
    grid = [[Day(day, day.month == month) for day in week] for week in weeks]
    by_date = {cell.day: cell for week in grid for cell in week}
    for event in events:
        current = max(event.starts_at.astimezone(tz).date(), first)
        final = min((event.ends_at - timedelta(seconds=1)).astimezone(tz).date(), last)
        while current <= final:
            by_date[current].events.append(event)
            current += timedelta(days=1)
    return grid


# --- registration -------------------------------------------------------------------------


def registration_refusal(*, user: AnyUser | None, event: Event) -> str | None:
    """Why `user` may not register for `event` now, or None when they may."""
    if event.status != Event.Status.PUBLISHED:
        return _("This event is not open for registration.")
    if not event.registration_is_open():
        return _("Registration for this event is closed.")
    if event.audience == Event.Audience.PUBLIC:
        return None
    if user is None or not user.is_authenticated:
        return _("Sign in with your member account to register.")
    if not user_is_approved_member(user):
        return _("This event is for alliance members.")
    return None


def user_registration(user: AnyUser, event: Event) -> Registration | None:
    """The signed-in user's active registration for `event`, if any."""
    if not user.is_authenticated:
        return None
    return (
        event.registrations.filter(user=user, status__in=Registration.ACTIVE)
        .select_related("organization")
        .first()
    )


def user_registrations(user: AnyUser) -> QuerySet[Registration]:
    """Every registration of `user`, newest event first."""
    if not user.is_authenticated:
        return Registration.objects.none()
    return (
        Registration.objects.filter(user=user).select_related("event").order_by("-event__starts_at")
    )


def waitlist_position(registration: Registration) -> int | None:
    """1 for the first in line; None when not on the waitlist."""
    if registration.status != Registration.Status.WAITLISTED:
        return None
    ahead = registration.event.registrations.filter(status=Registration.Status.WAITLISTED).filter(
        Q(waitlisted_at__lt=registration.waitlisted_at)
        | Q(waitlisted_at=registration.waitlisted_at, pk__lt=registration.pk)
    )
    return ahead.count() + 1


def registration_token(registration: Registration) -> str:
    """The signed token in a registrant's cancellation and logistics links."""
    return signing.dumps(registration.pk, salt=TOKEN_SALT)


def access_registration_by_token(token: str) -> Registration:
    """The registration a signed token names; a forged or mangled token is a 404."""
    try:
        pk = signing.loads(token, salt=TOKEN_SALT)
    except signing.BadSignature as error:
        raise Http404 from error
    registration = (
        Registration.objects.select_related("event", "event__organizer").filter(pk=pk).first()
    )
    if registration is None:
        raise Http404
    return registration


def event_counts(event: Event) -> dict[str, int]:
    """Seats taken and left, people waiting, applications pending."""
    rows = event.registrations.values_list("status", "seats")
    taken = sum(seats for status, seats in rows if status == Registration.Status.CONFIRMED)
    return {
        "taken": taken,
        "left": max(event.capacity - taken, 0) if event.capacity is not None else -1,
        "waiting": sum(1 for status, _ in rows if status == Registration.Status.WAITLISTED),
        "pending": sum(1 for status, _ in rows if status == Registration.Status.APPLIED),
    }


def checkin_list(event: Event) -> list[Registration]:
    """Registrations for the staff desk: confirmed first, then waitlist, then the rest."""
    order = {"confirmed": 0, "applied": 1, "waitlisted": 2, "declined": 3, "cancelled": 4}
    registrations = list(
        event.registrations.select_related("organization", "logistics").order_by(
            "attendee_name", "pk"
        )
    )
    registrations.sort(key=lambda r: (order.get(r.status, 9), r.attendee_name.lower()))
    return registrations


# --- B2B meetings -------------------------------------------------------------------------


def access_attendee(user: AnyUser, event: Event) -> Registration:
    """`user`'s confirmed registration at an event with meetings, else PermissionDenied."""
    registration = user_registration(user, event)
    if (
        not event.meetings_enabled
        or registration is None
        or registration.status != Registration.Status.CONFIRMED
    ):
        raise PermissionDenied
    return registration


def may_meet(event: Event, a: Registration, b: Registration) -> bool:
    """The organiser's who-may-meet-whom rules: type pairs and Taiwan–U.S. only."""
    if a.pk == b.pk:
        return False
    if event.meeting_cross_border_only and (not a.country or a.country == b.country):
        return False
    pairs = {tuple(sorted(str(pair).split("-", 1))) for pair in event.meeting_pairs}
    return not pairs or tuple(sorted((a.participant_type, b.participant_type))) in pairs


@dataclass
class AttendeeRow:
    registration: Registration
    mark: str
    allowed: bool
    request: MeetingRequest | None


def attendee_list(event: Event, me: Registration, *, q: str = "") -> list[AttendeeRow]:
    """The other confirmed attendees, with my mark, whether we may meet, and our request."""
    others = (
        event.registrations.filter(status=Registration.Status.CONFIRMED, user__isnull=False)
        .exclude(pk=me.pk)
        .select_related("organization")
        .order_by("organization_name", "attendee_name")
    )
    if q:
        others = others.filter(Q(attendee_name__icontains=q) | Q(organization_name__icontains=q))
    marks = dict(MeetingPreference.objects.filter(owner=me).values_list("target_id", "mark"))
    requests = {}
    for request in MeetingRequest.objects.filter(
        Q(requester=me) | Q(recipient=me), status__in=MeetingRequest.ACTIVE
    ):
        requests[request.other_side(me).pk] = request
    declined_me = set(
        MeetingPreference.objects.filter(
            target=me, mark=MeetingPreference.Mark.NO_THANKS
        ).values_list("owner_id", flat=True)
    )
    return [
        AttendeeRow(
            registration=other,
            mark=marks.get(other.pk, ""),
            allowed=may_meet(event, me, other) and other.pk not in declined_me,
            request=requests.get(other.pk),
        )
        for other in others
    ]


def meeting_requests_for(me: Registration) -> dict[str, list[MeetingRequest]]:
    """My incoming and outgoing requests, open and answered."""
    related = ("requester", "recipient", "slot", "table", "event")
    return {
        "incoming": list(me.received_requests.select_related(*related).order_by("-created_at")),
        "outgoing": list(me.sent_requests.select_related(*related).order_by("-created_at")),
    }


def open_request_count(me: Registration) -> int:
    """Requests I sent that still count against the organiser's cap."""
    return me.sent_requests.filter(status__in=MeetingRequest.ACTIVE).count()


def agenda(me: Registration) -> list[MeetingRequest]:
    """My accepted meetings that have a slot and table, in time order."""
    return list(
        MeetingRequest.objects.filter(Q(requester=me) | Q(recipient=me))
        .filter(status=MeetingRequest.Status.ACCEPTED, slot__isnull=False)
        .select_related("requester", "recipient", "slot", "table", "event")
        .order_by("slot__starts_at")
    )


def unplaced_meetings(me: Registration) -> list[MeetingRequest]:
    """My accepted meetings still waiting for a slot."""
    return list(
        MeetingRequest.objects.filter(Q(requester=me) | Q(recipient=me))
        .filter(status=MeetingRequest.Status.ACCEPTED, slot__isnull=True)
        .select_related("requester", "recipient")
    )


def event_slots(event: Event) -> QuerySet[MeetingSlot]:
    return event.slots.select_related("event").order_by("starts_at")
