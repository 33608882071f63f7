"""Creating and editing events."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.db import transaction

from taimei.core.models import Industry, Topic
from taimei.events.models import Event
from taimei.events.services.registrations import waitlist_promote

if TYPE_CHECKING:
    from taimei.accounts.models import User


@transaction.atomic
def event_create(
    *,
    data: dict[str, Any],
    topics: Iterable[Topic] = (),
    industries: Iterable[Industry] = (),
    created_by: User | None = None,
) -> Event:
    """A new event from validated `data` (field name → value)."""
    event = Event(**data, created_by=created_by)
    event.full_clean()
    event.save()
    event.topics.set(topics)
    event.industries.set(industries)
    return event


@transaction.atomic
def event_update(
    *,
    event: Event,
    data: dict[str, Any],
    topics: Iterable[Topic] | None = None,
    industries: Iterable[Industry] | None = None,
) -> Event:
    """Apply `data` to `event`; more capacity promotes people from the waitlist at once."""
    locked = Event.objects.select_for_update().get(pk=event.pk)
    for name, value in data.items():
        setattr(locked, name, value)
    locked.full_clean()
    locked.save()
    if topics is not None:
        locked.topics.set(topics)
    if industries is not None:
        locked.industries.set(industries)
    waitlist_promote(event=locked)
    return locked
