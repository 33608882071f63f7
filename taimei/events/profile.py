"""The "Events" section of a member's profile: what it organises or attends."""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.utils import formats
from django.utils.translation import gettext as _

from taimei.core.sections import Section, SectionItem
from taimei.events.models import Registration
from taimei.events.selectors import events_visible

SHOWN = 6


def events_of_organization(organization: Any, viewer: Any) -> Section:
    """Latest events the organisation organises or has confirmed attendees at."""
    events = (
        events_visible(viewer)
        .filter(
            Q(organizer=organization)
            | Q(
                registrations__organization=organization,
                registrations__status=Registration.Status.CONFIRMED,
            )
        )
        .distinct()
        .order_by("-starts_at")[:SHOWN]
    )
    items = [
        SectionItem(
            title=event.title,
            url=event.get_absolute_url(),
            note=(_("organiser") + " · " if event.organizer_id == organization.pk else "")
            + formats.date_format(event.starts_at, "SHORT_DATE_FORMAT"),
        )
        for event in events
    ]
    return Section(title=_("Events"), items=items, empty_text=_("No events yet."), order=30)
