"""A member's profile lists the events it organises or attends, never drafts to the public."""

from __future__ import annotations

import pytest

from taimei.events.models import Event, Registration
from taimei.events.tests.factories import EventFactory, RegistrationFactory
from taimei.members.tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


def test_profile_lists_organised_and_attended_events_but_not_drafts(client):
    organization = OrganizationFactory(slug="skyhawk")
    EventFactory(organizer=organization, title_zh="無人機工作坊", title_en="Drone workshop")
    EventFactory(title_zh="華府訪團", title_en="Washington delegation")
    RegistrationFactory(
        event=Event.objects.get(title_en="Washington delegation"), organization=organization
    )
    cancelled_at = EventFactory(title_zh="已取消報名", title_en="Cancelled seat")
    RegistrationFactory(
        event=cancelled_at, organization=organization, status=Registration.Status.CANCELLED
    )
    EventFactory(
        organizer=organization,
        title_zh="草稿活動",
        title_en="Draft event",
        status=Event.Status.DRAFT,
    )

    html = client.get(organization.get_absolute_url()).content.decode()

    assert "Drone workshop" in html  # this app's test client asks for English
    assert "Washington delegation" in html
    assert "Cancelled seat" not in html
    assert "Draft event" not in html
