"""Events, registrations and B2B meetings."""

from taimei.events.models.event import Event, MeetingSlot, MeetingTable
from taimei.events.models.meeting import MeetingPreference, MeetingRequest
from taimei.events.models.registration import Logistics, Registration

__all__ = [
    "Event",
    "Logistics",
    "MeetingPreference",
    "MeetingRequest",
    "MeetingSlot",
    "MeetingTable",
    "Registration",
]
