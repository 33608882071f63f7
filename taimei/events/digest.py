"""The weekly digest's "upcoming events" section."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from taimei.core.links import absolute_url
from taimei.core.sections import Section, SectionItem
from taimei.events.models import Event
from taimei.events.selectors import events_visible

HORIZON = datetime.timedelta(days=30)
SHOWN = 6


def upcoming_events(user: Any, since: datetime.datetime) -> Section | None:
    """Published events starting in the next 30 days that `user` may see."""
    now = timezone.now()
    events = (
        events_visible(user)
        .filter(status=Event.Status.PUBLISHED, starts_at__gte=now, starts_at__lte=now + HORIZON)
        .order_by("starts_at")[:SHOWN]
    )
    items = [
        SectionItem(
            title=event.title,
            url=absolute_url(event.get_absolute_url()),
            note=formats.date_format(timezone.localtime(event.starts_at), "SHORT_DATE_FORMAT"),
        )
        for event in events
    ]
    return Section(title=_("Upcoming events"), items=items) if items else None
