"""Bundled demo events: workshops, a delegation, SelectUSA, webinars, trade shows and a
matchmaking day with registered attendees, accepted meetings and a schedule."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any, TextIO
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from taimei.accounts.models import User
from taimei.core.models import Industry, Topic
from taimei.events.models import Event, MeetingRequest, Registration
from taimei.events.services import meeting_grid_define, meetings_schedule
from taimei.members.demo import DEMO_MEMBER_EMAIL, DEMO_PASSWORD
from taimei.members.models import Organization, Person

MATCHMAKING = "taiwan-us-procurement-matchmaking"


def _at(days: int, clock: str, zone: str) -> datetime:
    """`days` from today at wall-clock `clock` in `zone`: demo dates stay in the future."""
    day: date = timezone.localdate() + timedelta(days=days)
    hour, minute = (int(part) for part in clock.split(":"))
    return datetime.combine(day, time(hour, minute), tzinfo=ZoneInfo(zone))


# One object per event: fields, days from today, wall-clock start/end in the event's zone.
EVENTS: list[dict[str, Any]] = json.loads(
    (Path(__file__).resolve().parent / "data" / "demo_events.json").read_text(encoding="utf-8")
)


def _event_fields(spec: dict[str, Any]) -> dict[str, Any]:
    zone = spec.get("timezone", "Asia/Taipei")
    starts = _at(spec["days"], spec["start"], zone)
    ends = _at(spec["days"] + spec.get("length", 1) - 1, spec["end"], zone)
    fields = {
        name: spec.get(name, "")
        for name in (
            "kind",
            "title_zh",
            "title_en",
            "description_zh",
            "description_en",
            "venue_zh",
            "venue_en",
            "city",
            "online_url",
        )
    }
    fields.update(
        timezone=zone,
        starts_at=starts,
        ends_at=ends,
        status=Event.Status.PUBLISHED,
        capacity=spec["capacity"],
        audience=spec["audience"],
        organizer=Organization.objects.filter(slug=spec["organizer"]).first(),
        registration_closes_at=starts - timedelta(days=1),
        meetings_enabled=spec.get("meetings", False),
        meeting_request_cap=8,
        meeting_pairs=["buyer-seller", "investor-startup"] if spec.get("meetings") else [],
        meeting_cross_border_only=bool(spec.get("meetings")),
    )
    if "logistics_days" in spec:
        fields["logistics_deadline"] = starts - timedelta(
            days=spec["days"] - spec["logistics_days"]
        )
    return fields


# (person email at the demo organisation, participant type) for the matchmaking day.
ATTENDEES = [
    ("lone-star-dc", "Marcus Bell", "buyer"),
    ("buckeye-steel", "Greg Hollister", "buyer"),
    ("great-lakes-cellworks", "Ken Novak", "buyer"),
    ("front-range-autonomy", "Tyler Brooks", "buyer"),
    ("skyhawk-drones", "Chang Ya-chu", "seller"),
    ("fenghe-precision", "Wu Pei-shan", "seller"),
    ("gangyang-fasteners", "Fang Yi-an", "seller"),
    ("kangsheng-medical", "Tseng Shu-fen", "seller"),
]


def _attendee_user(organization: Organization, name: str) -> User:
    email = f"{organization.slug}@taimei.example"
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(
            email=email,
            password=DEMO_PASSWORD,
            full_name=name,
            preferred_language="en" if organization.country == "US" else "zh-hant",
        )
    Person.objects.get_or_create(
        organization=organization, user=user, defaults={"name_en": name, "email": email}
    )
    return user


def _register(event: Event, user: User, organization: Organization, kind: str) -> Registration:
    registration, _created = Registration.objects.get_or_create(
        event=event,
        email=user.email,
        status=Registration.Status.CONFIRMED,
        defaults={
            "user": user,
            "attendee_name": user.full_name,
            "organization": organization,
            "organization_name": organization.display_name,
            "country": organization.country,
            "participant_type": kind,
            "language": user.preferred_language,
            "consent": True,
        },
    )
    return registration


def _load_matchmaking(event: Event) -> int:
    registrations = []
    for slug, name, kind in ATTENDEES:
        organization = Organization.objects.filter(slug=slug).first()
        if organization is not None:
            registrations.append(
                _register(event, _attendee_user(organization, name), organization, kind)
            )
    member = User.objects.filter(email=DEMO_MEMBER_EMAIL).first()
    person = Person.objects.filter(user=member).select_related("organization").first()
    if member is not None and person is not None:
        registrations.append(_register(event, member, person.organization, "seller"))
    if not event.slots.exists():
        meeting_grid_define(
            event=event,
            first_start=event.starts_at + timedelta(minutes=30),
            minutes=25,
            count=12,
            gap=5,
            tables=6,
        )
    buyers = [r for r in registrations if r.participant_type == "buyer"]
    sellers = [r for r in registrations if r.participant_type == "seller"]
    for index, seller in enumerate(sellers):
        for buyer in (buyers[index % len(buyers)], buyers[(index + 1) % len(buyers)]):
            MeetingRequest.objects.get_or_create(
                event=event,
                requester=seller,
                recipient=buyer,
                defaults={"status": MeetingRequest.Status.ACCEPTED, "responded_at": timezone.now()},
            )
    return meetings_schedule(event=event, stable=True).placed


def demo_load(*, stdout: TextIO) -> None:
    """Load (or refresh) the demo events; safe to run again."""
    with transaction.atomic():
        for spec in EVENTS:
            event, _created = Event.objects.update_or_create(
                slug=spec["slug"], defaults=_event_fields(spec)
            )
            event.topics.set(Topic.objects.filter(slug__in=spec["topics"]))
            event.industries.set(Industry.objects.filter(slug__in=spec["industries"]))
        placed = _load_matchmaking(Event.objects.get(slug=MATCHMAKING))
    stdout.write(f"Events: {len(EVENTS)} demo events; {placed} demo B2B meetings scheduled.\n")
