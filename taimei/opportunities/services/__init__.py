"""Writes: posts and their import, answers, conversations, meetings, notifications."""

from taimei.opportunities.services.exchange import (
    ExchangeError,
    conversation_start,
    interest_decide,
    interest_submit,
    meeting_ical,
    meeting_request,
    meeting_respond,
    message_send,
)
from taimei.opportunities.services.notify import notifications_mark_read
from taimei.opportunities.services.posts import (
    OpportunityError,
    match_dismiss,
    opportunity_close,
    opportunity_create,
    opportunity_import,
    opportunity_update,
)

__all__ = [
    "ExchangeError",
    "OpportunityError",
    "conversation_start",
    "interest_decide",
    "interest_submit",
    "match_dismiss",
    "meeting_ical",
    "meeting_request",
    "meeting_respond",
    "message_send",
    "notifications_mark_read",
    "opportunity_close",
    "opportunity_create",
    "opportunity_import",
    "opportunity_update",
]
