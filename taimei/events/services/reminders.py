"""Reminders before events and before each B2B meeting, each sent exactly once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils import timezone

from taimei.events import notifications
from taimei.events.conf import meeting_reminder_minutes, reminder_hours
from taimei.events.models import Event, MeetingRequest, Registration


@dataclass(frozen=True)
class ReminderReport:
    registrations: int
    meetings: int


def reminders_send(*, now: datetime | None = None) -> ReminderReport:
    """Remind confirmed registrants and both sides of scheduled meetings that are coming up.

    Each row is claimed with a conditional update before its mail goes out, so two workers
    running at once never send the same reminder twice.
    """
    moment = now or timezone.now()
    due_events = Registration.objects.filter(
        status=Registration.Status.CONFIRMED,
        reminder_sent_at__isnull=True,
        event__status=Event.Status.PUBLISHED,
        event__starts_at__gt=moment,
        event__starts_at__lte=moment + timedelta(hours=reminder_hours()),
    ).values_list("pk", flat=True)
    sent_registrations = 0
    for pk in list(due_events):
        claimed = Registration.objects.filter(pk=pk, reminder_sent_at__isnull=True).update(
            reminder_sent_at=moment
        )
        if claimed:
            notifications.registration_mail_send(registration_id=pk, kind="reminder")
            sent_registrations += 1
    due_meetings = MeetingRequest.objects.filter(
        status=MeetingRequest.Status.ACCEPTED,
        reminder_sent_at__isnull=True,
        slot__starts_at__gt=moment,
        slot__starts_at__lte=moment + timedelta(minutes=meeting_reminder_minutes()),
    ).values_list("pk", flat=True)
    sent_meetings = 0
    for pk in list(due_meetings):
        claimed = MeetingRequest.objects.filter(pk=pk, reminder_sent_at__isnull=True).update(
            reminder_sent_at=moment
        )
        if claimed:
            notifications.meeting_mail_send(meeting_id=pk, kind="reminder")
            sent_meetings += 1
    return ReminderReport(registrations=sent_registrations, meetings=sent_meetings)
