"""iCalendar files (RFC 5545) for events and personal agendas, built with `icalendar`."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as IcsEvent

from taimei.core.links import site_url
from taimei.events.models import Event, MeetingRequest, Registration

PRODID = "-//Taiwan-U.S. Business Alliance//TaiMei Exchange//EN"


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    return calendar


def _event_component(event: Event, stamp: datetime) -> IcsEvent:
    component = IcsEvent()
    component.add("uid", f"event-{event.pk}@taimei.example")
    component.add("dtstamp", stamp)
    component.add("dtstart", event.starts_at)
    component.add("dtend", event.ends_at)
    component.add("summary", event.title)
    url = f"{site_url()}{event.get_absolute_url()}"
    component.add("description", f"{event.description}\n\n{url}".strip())
    component.add("url", url)
    location = ", ".join(part for part in (event.venue, event.city) if part) or event.online_url
    if location:
        component.add("location", location)
    component.add("status", "CANCELLED" if event.status == Event.Status.CANCELLED else "CONFIRMED")
    return component


def events_ics(events: Iterable[Event], *, name: str) -> bytes:
    """A calendar with every event in `events` (times in UTC, so every client agrees)."""
    calendar = _calendar(name)
    stamp = timezone.now()
    for event in events:
        calendar.add_component(_event_component(event, stamp))
    return calendar.to_ical()


def agenda_ics(registration: Registration, meetings: Iterable[MeetingRequest]) -> bytes:
    """The event and each scheduled meeting of `registration` as one calendar."""
    event = registration.event
    calendar = _calendar(f"{event.title}: {registration.attendee_name}")
    stamp = timezone.now()
    calendar.add_component(_event_component(event, stamp))
    for meeting in meetings:
        if meeting.slot is None:
            continue
        other = meeting.other_side(registration)
        component = IcsEvent()
        component.add("uid", f"meeting-{meeting.pk}@taimei.example")
        component.add("dtstamp", stamp)
        component.add("dtstart", meeting.slot.starts_at)
        component.add("dtend", meeting.slot.ends_at)
        component.add("summary", f"B2B: {other.attendee_name} ({other.organization_name})")
        location = f"{meeting.table.label if meeting.table else ''} · {event.venue}".strip(" ·")
        component.add("location", location)
        calendar.add_component(component)
    return calendar.to_ical()
