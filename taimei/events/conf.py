"""Settings of the events app, with defaults; override with TAIMEI_EVENTS_* in settings."""

from __future__ import annotations

from django.conf import settings


def reminder_hours() -> int:
    """How long before an event registrants get their reminder."""
    return int(getattr(settings, "TAIMEI_EVENTS_REMINDER_HOURS", 24))


def meeting_reminder_minutes() -> int:
    """How long before a B2B meeting both sides get their reminder."""
    return int(getattr(settings, "TAIMEI_EVENTS_MEETING_REMINDER_MINUTES", 60))


def scheduler_time_limit() -> float:
    """Seconds the CP-SAT scheduler may spend on one event."""
    return float(getattr(settings, "TAIMEI_EVENTS_SCHEDULER_SECONDS", 10.0))
