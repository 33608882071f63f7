"""Writes of the events app, one module per area; everything public is re-exported here."""

from taimei.events.services.errors import EventsError, MeetingError, RegistrationError
from taimei.events.services.events import event_create, event_update
from taimei.events.services.meetings import (
    availability_set,
    meeting_grid_define,
    meeting_preference_set,
    meeting_request_create,
    meeting_request_respond,
    meeting_request_withdraw,
)
from taimei.events.services.registrations import (
    RegistrationData,
    logistics_submit,
    registration_approve,
    registration_cancel,
    registration_check_in,
    registration_create,
    registration_decline,
    registrations_export,
    registrations_export_all,
)
from taimei.events.services.scheduling import ScheduleReport, meetings_schedule

__all__ = [
    "EventsError",
    "MeetingError",
    "RegistrationData",
    "RegistrationError",
    "ScheduleReport",
    "availability_set",
    "event_create",
    "event_update",
    "logistics_submit",
    "meeting_grid_define",
    "meeting_preference_set",
    "meeting_request_create",
    "meeting_request_respond",
    "meeting_request_withdraw",
    "meetings_schedule",
    "registration_approve",
    "registration_cancel",
    "registration_check_in",
    "registration_create",
    "registration_decline",
    "registrations_export",
    "registrations_export_all",
]
