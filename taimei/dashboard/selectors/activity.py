"""The opportunity funnel and event attendance."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import get_language

from taimei.dashboard.filters import Period
from taimei.dashboard.selectors.common import term_label
from taimei.events.models import Event, MeetingRequest, Registration
from taimei.opportunities.kinds import OPPORTUNITY_KINDS
from taimei.opportunities.models import Interest, Meeting, Opportunity


@dataclass(frozen=True, slots=True)
class FunnelRow:
    """Posts of one kind in the period and how far they got.

    Each stage counts posts: answered = at least one expression of interest, accepted = at
    least one accepted, meeting = at least one meeting agreed. `interests` counts the answers.
    """

    kind: str
    label: str
    posted: int
    answered: int
    interests: int
    accepted: int
    meetings: int


def opportunity_funnel(*, period: Period) -> list[FunnelRow]:
    """Posts created in the period per kind, with each funnel stage reached (one query)."""
    interests = Interest.objects.filter(opportunity=OuterRef("pk"))
    agreed = Meeting.objects.filter(
        conversation__opportunity=OuterRef("pk"), status=Meeting.Status.ACCEPTED
    )
    rows = {
        row["kind"]: row
        for row in Opportunity.objects.filter(
            created_at__gte=period.start_at, created_at__lt=period.end_before
        )
        .values("kind")
        .annotate(
            posted=Count("pk", distinct=True),
            answered=Count("pk", distinct=True, filter=Exists(interests)),
            answers=Count("interests", distinct=True),
            accepted=Count(
                "pk",
                distinct=True,
                filter=Exists(interests.filter(status=Interest.Status.ACCEPTED)),
            ),
            meetings=Count("pk", distinct=True, filter=Exists(agreed)),
        )
    }
    order = [*OPPORTUNITY_KINDS.slugs, *sorted(set(rows) - set(OPPORTUNITY_KINDS.slugs))]
    return [
        FunnelRow(
            kind=kind,
            label=term_label(OPPORTUNITY_KINDS, kind),
            posted=rows[kind]["posted"],
            answered=rows[kind]["answered"],
            interests=rows[kind]["answers"],
            accepted=rows[kind]["accepted"],
            meetings=rows[kind]["meetings"],
        )
        for kind in order
        if kind in rows
    ]


@dataclass(frozen=True, slots=True)
class AttendanceRow:
    """One event's registrations by status, check-ins, and B2B meetings placed on the grid."""

    slug: str
    title: str
    starts_at: datetime.datetime
    status: str
    capacity: int | None
    confirmed: int
    seats: int
    waitlisted: int
    applied: int
    cancelled: int
    declined: int
    checked_in: int
    meetings_placed: int
    url: str


def event_attendance(*, period: Period) -> list[AttendanceRow]:
    """Events starting in the period (drafts left out) with their attendance (one query)."""
    status = Registration.Status

    def registrations(**conditions: object) -> Count:
        return Count(
            "registrations",
            filter=Q(**{f"registrations__{key}": value for key, value in conditions.items()}),
        )

    placed = (
        MeetingRequest.objects.filter(
            event=OuterRef("pk"), status=MeetingRequest.Status.ACCEPTED, slot__isnull=False
        )
        .order_by()
        .values("event")
        .annotate(count=Count("pk"))
        .values("count")
    )
    events = (
        Event.objects.exclude(status=Event.Status.DRAFT)
        .filter(starts_at__gte=period.start_at, starts_at__lt=period.end_before)
        .annotate(
            confirmed=registrations(status=status.CONFIRMED),
            seats=Coalesce(
                Sum("registrations__seats", filter=Q(registrations__status=status.CONFIRMED)),
                0,
            ),
            waitlisted=registrations(status=status.WAITLISTED),
            applied=registrations(status=status.APPLIED),
            cancelled=registrations(status=status.CANCELLED),
            declined=registrations(status=status.DECLINED),
            checked_in=registrations(checked_in_at__isnull=False),
            meetings_placed=Coalesce(Subquery(placed, output_field=IntegerField()), 0),
        )
        .order_by("starts_at", "slug")
    )
    english = (get_language() or "").startswith("en")
    return [
        AttendanceRow(
            slug=event.slug,
            title=(event.title_en or event.title_zh)
            if english
            else (event.title_zh or event.title_en),
            starts_at=event.starts_at,
            status=event.get_status_display(),
            capacity=event.capacity,
            confirmed=event.confirmed,
            seats=event.seats,
            waitlisted=event.waitlisted,
            applied=event.applied,
            cancelled=event.cancelled,
            declined=event.declined,
            checked_in=event.checked_in,
            meetings_placed=event.meetings_placed,
            url=event.get_absolute_url(),
        )
        for event in events.only("slug", "title_zh", "title_en", "starts_at", "status", "capacity")
    ]
