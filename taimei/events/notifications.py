"""E-mail to registrants and attendees, rendered in each recipient's language."""

from __future__ import annotations

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from taimei.core.links import site_url
from taimei.events.ics import agenda_ics, events_ics
from taimei.events.models import MeetingRequest, Registration
from taimei.events.selectors import agenda, registration_token, waitlist_position

REGISTRATION_SUBJECTS = {
    "applied": _("Application received: %(title)s"),
    "confirmed": _("Registration confirmed: %(title)s"),
    "waitlisted": _("You are on the waitlist: %(title)s"),
    "promoted": _("A seat is yours: %(title)s"),
    "approved": _("Application approved: %(title)s"),
    "declined": _("About your application: %(title)s"),
    "cancelled": _("Registration cancelled: %(title)s"),
    "reminder": _("Reminder: %(title)s"),
}
MEETING_SUBJECTS = {
    "requested": _("Meeting request from %(name)s"),
    "accepted": _("%(name)s accepted your meeting request"),
    "declined": _("%(name)s declined your meeting request"),
    "withdrawn": _("Meeting with %(name)s called off"),
    "reminder": _("Your meeting with %(name)s starts soon"),
}
# Mail kinds that carry the calendar entry, so the seat lands in the registrant's calendar.
WITH_ICS = {"confirmed", "promoted", "approved", "reminder"}


def _language(registration: Registration) -> str:
    if registration.user is not None:
        return registration.user.preferred_language
    return registration.language


def registration_mail_send(*, registration_id: int, kind: str) -> None:
    """Send the mail for `kind` to one registrant, with the .ics when they have a seat."""
    registration = (
        Registration.objects.select_related("event", "user").filter(pk=registration_id).first()
    )
    if registration is None:
        return
    event = registration.event
    token = registration_token(registration)
    with translation.override(_language(registration)):
        context = {
            "registration": registration,
            "event": event,
            "kind": kind,
            "position": waitlist_position(registration),
            "event_url": site_url() + event.get_absolute_url(),
            "cancel_url": site_url() + reverse("events:cancel", kwargs={"token": token}),
            "logistics_url": site_url() + reverse("events:logistics", kwargs={"token": token}),
        }
        subject = str(REGISTRATION_SUBJECTS[kind]) % {"title": event.title}
        body = render_to_string("events/email/registration.txt", context)
        message = EmailMessage(subject, body, None, [registration.email])
        if kind in WITH_ICS:
            if kind == "reminder" and event.meetings_enabled:
                content = agenda_ics(registration, agenda(registration))
            else:
                content = events_ics([event], name=event.title)
            message.attach(f"{event.slug}.ics", content, "text/calendar")
    message.send()


def meeting_mail_send(*, meeting_id: int, kind: str) -> None:
    """Tell the side(s) concerned about a meeting request, each in their language."""
    meeting = (
        MeetingRequest.objects.select_related(
            "event", "requester__user", "recipient__user", "slot", "table"
        )
        .filter(pk=meeting_id)
        .first()
    )
    if meeting is None:
        return
    if kind == "requested":
        pairs = [(meeting.recipient, meeting.requester)]
    elif kind in ("accepted", "declined"):
        pairs = [(meeting.requester, meeting.recipient)]
    else:
        pairs = [(meeting.requester, meeting.recipient), (meeting.recipient, meeting.requester)]
    for to, other in pairs:
        with translation.override(_language(to)):
            context = {
                "meeting": meeting,
                "event": meeting.event,
                "to": to,
                "other": other,
                "kind": kind,
                "meetings_url": site_url()
                + reverse("events:meetings", kwargs={"slug": meeting.event.slug}),
            }
            subject = str(MEETING_SUBJECTS[kind]) % {"name": other.attendee_name}
            body = render_to_string("events/email/meeting.txt", context)
        EmailMessage(subject, body, None, [to.email]).send()
