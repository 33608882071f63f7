"""Opportunities, the answers to them, and the conversations and meetings they lead to."""

from taimei.opportunities.models.digest import DigestPreference, SavedSearch
from taimei.opportunities.models.exchange import Conversation, Meeting, MeetingSlot, Message
from taimei.opportunities.models.opportunity import (
    Interest,
    MatchDismissal,
    Notification,
    Opportunity,
)
from taimei.opportunities.models.procurement import NoticeFollow, ProcurementAlert
from taimei.opportunities.models.profiles import StartupProfile, TalentProfile

__all__ = [
    "Conversation",
    "DigestPreference",
    "Interest",
    "MatchDismissal",
    "Meeting",
    "MeetingSlot",
    "Message",
    "NoticeFollow",
    "Notification",
    "Opportunity",
    "ProcurementAlert",
    "SavedSearch",
    "StartupProfile",
    "TalentProfile",
]
