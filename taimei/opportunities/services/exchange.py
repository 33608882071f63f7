"""Writes between organisations: answers to posts, conversations, messages and meetings."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import TYPE_CHECKING

import icalendar
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from taimei.core.links import site_url
from taimei.members.models import Organization
from taimei.opportunities.conf import meeting_max_slots
from taimei.opportunities.models import (
    Conversation,
    Interest,
    Meeting,
    MeetingSlot,
    Message,
    Opportunity,
)
from taimei.opportunities.services.notify import notify_organization

if TYPE_CHECKING:
    from taimei.accounts.models import User


class ExchangeError(Exception):
    """An exchange action is not possible now (the message tells the user why)."""


def interest_submit(
    *, user: User, opportunity: Opportunity, organization: Organization, message: str
) -> Interest:
    """Answer a post on behalf of `organization`; the poster's people are notified."""
    if not opportunity.is_open:
        raise ExchangeError(_("This post is closed and no longer takes answers."))
    if organization.pk == opportunity.posted_by_id:
        raise ExchangeError(_("You cannot answer your own organisation's post."))
    if not message.strip():
        raise ExchangeError(_("Write a short message to the poster."))
    try:
        with transaction.atomic():
            interest = Interest.objects.create(
                opportunity=opportunity,
                organization=organization,
                created_by=user,
                message=message.strip(),
            )
            notify_organization(
                organization=opportunity.posted_by,
                kind="interest-received",
                url=opportunity.get_absolute_url(),
                text=lambda: (
                    _("%(organization)s is interested in “%(title)s”")
                    % {"organization": organization.display_name, "title": opportunity.title}
                ),
            )
    except IntegrityError as error:
        raise ExchangeError(
            _("%(organization)s has already answered this post.")
            % {"organization": organization.display_name}
        ) from error
    return interest


def _conversation_between(
    opportunity: Opportunity | None, first: Organization, second: Organization
) -> Conversation:
    existing = (
        Conversation.objects.filter(opportunity=opportunity)
        .filter(first_organization__in=[first, second], second_organization__in=[first, second])
        .first()
    )
    if existing is not None:
        return existing
    return Conversation.objects.create(
        opportunity=opportunity, first_organization=first, second_organization=second
    )


def interest_decide(*, user: User, interest: Interest, accept: bool) -> Conversation | None:
    """Accept (opens a conversation between the two organisations) or decline an answer."""
    if interest.status != Interest.Status.PENDING:
        raise ExchangeError(_("This answer has already been decided."))
    opportunity = interest.opportunity
    with transaction.atomic():
        interest.status = Interest.Status.ACCEPTED if accept else Interest.Status.DECLINED
        interest.decided_by = user
        interest.decided_at = timezone.now()
        interest.save()
        conversation = None
        url = opportunity.get_absolute_url()
        if accept:
            conversation = _conversation_between(
                opportunity, opportunity.posted_by, interest.organization
            )
            if not conversation.messages.exists():
                Message.objects.create(
                    conversation=conversation,
                    organization=interest.organization,
                    author=interest.created_by,
                    body=interest.message,
                )
            url = conversation.get_absolute_url()
        notify_organization(
            organization=interest.organization,
            kind="interest-accepted" if accept else "interest-declined",
            url=url,
            text=(
                (
                    lambda: (
                        _("%(poster)s accepted your interest in “%(title)s”")
                        % {"poster": opportunity.posted_by.display_name, "title": opportunity.title}
                    )
                )
                if accept
                else (
                    lambda: (
                        _("%(poster)s declined your interest in “%(title)s”")
                        % {"poster": opportunity.posted_by.display_name, "title": opportunity.title}
                    )
                )
            ),
        )
    return conversation


def conversation_start(
    *,
    user: User,
    organization: Organization,
    counterpart: Organization,
    opportunity: Opportunity | None,
    message: str,
) -> Conversation:
    """Write to another organisation (e.g. a suggested match) and open the conversation."""
    if organization.pk == counterpart.pk:
        raise ExchangeError(_("A conversation needs two different organisations."))
    if not message.strip():
        raise ExchangeError(_("Write a first message."))
    with transaction.atomic():
        conversation = _conversation_between(opportunity, organization, counterpart)
        message_send(user=user, conversation=conversation, organization=organization, body=message)
    return conversation


def message_send(
    *, user: User, conversation: Conversation, organization: Organization, body: str
) -> Message:
    """Post a message for `organization` (one of the two sides); the other side is notified."""
    if organization.pk not in conversation.organization_ids:
        raise ExchangeError(_("Only the two organisations of a conversation write in it."))
    if not body.strip():
        raise ExchangeError(_("The message is empty."))
    with transaction.atomic():
        message = Message.objects.create(
            conversation=conversation, organization=organization, author=user, body=body.strip()
        )
        conversation.save(update_fields=["updated_at"])
        notify_organization(
            organization=conversation.other(organization.pk),
            kind="message",
            url=conversation.get_absolute_url(),
            text=lambda: (
                _("New message from %(organization)s") % {"organization": organization.display_name}
            ),
        )
    return message


def _check_times(times: Sequence[datetime.datetime]) -> list[datetime.datetime]:
    unique = sorted(set(times))
    if not unique:
        raise ExchangeError(_("Propose at least one time."))
    if len(unique) > meeting_max_slots():
        raise ExchangeError(_("Propose at most %(count)d times.") % {"count": meeting_max_slots()})
    now = timezone.now()
    if any(time <= now for time in unique):
        raise ExchangeError(_("Proposed times must be in the future."))
    return unique


def meeting_request(
    *,
    user: User,
    conversation: Conversation,
    organization: Organization,
    mode: str,
    location: str,
    duration_minutes: int,
    note: str,
    times: Sequence[datetime.datetime],
) -> Meeting:
    """Ask the other side to meet at one of `times`; they accept, decline or propose again."""
    if organization.pk not in conversation.organization_ids:
        raise ExchangeError(_("Only the two organisations of a conversation arrange meetings."))
    if mode not in Meeting.Mode.values:
        raise ExchangeError(_("Choose online or in person."))
    if not 15 <= duration_minutes <= 480:
        raise ExchangeError(_("A meeting lasts from 15 minutes to 8 hours."))
    unique = _check_times(times)
    other = conversation.other(organization.pk)
    with transaction.atomic():
        meeting = Meeting.objects.create(
            conversation=conversation,
            requested_by=organization,
            awaiting=other,
            mode=mode,
            location=location.strip(),
            duration_minutes=duration_minutes,
            note=note.strip(),
        )
        MeetingSlot.objects.bulk_create(
            MeetingSlot(meeting=meeting, starts_at=time, round=1, proposed_by=organization)
            for time in unique
        )
        conversation.save(update_fields=["updated_at"])
        notify_organization(
            organization=other,
            kind="meeting-requested",
            url=conversation.get_absolute_url(),
            text=lambda: (
                _("%(organization)s requests a meeting")
                % {"organization": organization.display_name}
            ),
        )
    return meeting


_ANSWER_TEXTS = {
    "accept": gettext_noop("%(organization)s accepted the meeting"),
    "decline": gettext_noop("%(organization)s declined the meeting"),
    "propose": gettext_noop("%(organization)s proposed other times for the meeting"),
}


def meeting_respond(
    *,
    user: User,
    meeting: Meeting,
    organization: Organization,
    action: str,
    slot_id: int | None = None,
    times: Sequence[datetime.datetime] = (),
) -> Meeting:
    """The awaited side accepts one proposed time, declines, or proposes other times."""
    if meeting.status != Meeting.Status.PROPOSED:
        raise ExchangeError(_("This meeting request has already been answered."))
    if organization.pk != meeting.awaiting_id:
        raise ExchangeError(_("It is the other organisation's turn to answer."))
    other = meeting.conversation.other(organization.pk)
    if action not in _ANSWER_TEXTS:
        raise ExchangeError(_("Unknown answer."))
    with transaction.atomic():
        if action == "accept":
            slot = next((s for s in meeting.current_slots() if s.pk == slot_id), None)
            if slot is None:
                raise ExchangeError(_("Choose one of the proposed times."))
            if slot.starts_at <= timezone.now():
                raise ExchangeError(_("That time has passed; propose another one."))
            meeting.status = Meeting.Status.ACCEPTED
            meeting.accepted_slot = slot
        elif action == "decline":
            meeting.status = Meeting.Status.DECLINED
        else:
            unique = _check_times(times)
            next_round = max(slot.round for slot in meeting.slots.all()) + 1
            MeetingSlot.objects.bulk_create(
                MeetingSlot(
                    meeting=meeting, starts_at=time, round=next_round, proposed_by=organization
                )
                for time in unique
            )
            meeting.awaiting = other
        meeting.save()
        meeting.conversation.save(update_fields=["updated_at"])
        notify_organization(
            organization=other,
            kind=f"meeting-{action}",
            url=meeting.get_absolute_url(),
            text=lambda: _(_ANSWER_TEXTS[action]) % {"organization": organization.display_name},
        )
    return meeting


def meeting_ical(meeting: Meeting) -> bytes:
    """The accepted meeting as an iCalendar file (times in UTC)."""
    if meeting.status != Meeting.Status.ACCEPTED or meeting.accepted_slot is None:
        raise ExchangeError(_("Only an accepted meeting can be added to a calendar."))
    conversation = meeting.conversation
    start = meeting.accepted_slot.starts_at.astimezone(datetime.UTC)
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//TaiMei Exchange//Opportunities//EN")
    calendar.add("version", "2.0")
    event = icalendar.Event()
    event.add("uid", f"meeting-{meeting.pk}@taimei-exchange")
    event.add("dtstamp", timezone.now().astimezone(datetime.UTC))
    event.add("dtstart", start)
    event.add("dtend", start + datetime.timedelta(minutes=meeting.duration_minutes))
    title = _("Meeting: %(first)s ↔ %(second)s") % {
        "first": conversation.first_organization.display_name,
        "second": conversation.second_organization.display_name,
    }
    if conversation.opportunity is not None:
        title = f"{title} · {conversation.opportunity.title}"
    event.add("summary", title)
    if meeting.location:
        event.add("location", meeting.location)
    description = [meeting.note, site_url() + conversation.get_absolute_url()]
    event.add("description", "\n\n".join(part for part in description if part))
    calendar.add_component(event)
    return calendar.to_ical()
