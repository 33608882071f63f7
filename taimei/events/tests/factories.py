from datetime import timedelta

import factory
from django.utils import timezone

from taimei.accounts.tests.factories import UserFactory
from taimei.events.models import Event, MeetingRequest, Registration
from taimei.members.tests.factories import OrganizationFactory


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"event-{n}")
    kind = Event.Kind.WORKSHOP
    status = Event.Status.PUBLISHED
    title_zh = factory.Sequence(lambda n: f"工作坊{n}")
    title_en = factory.Sequence(lambda n: f"Workshop {n}")
    venue_zh = "台北世貿中心"
    venue_en = "Taipei World Trade Center"
    organizer = factory.SubFactory(OrganizationFactory)
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=10))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=3))
    capacity = 10
    audience = Event.Audience.PUBLIC


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory)
    user = factory.SubFactory(UserFactory)
    email = factory.LazyAttribute(lambda o: o.user.email if o.user else "guest@example.com")
    attendee_name = factory.Faker("name")
    organization_name = "Test Org"
    status = Registration.Status.CONFIRMED
    consent = True
    country = "TW"


class MeetingRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeetingRequest

    requester = factory.SubFactory(RegistrationFactory)
    recipient = factory.SubFactory(
        RegistrationFactory, event=factory.SelfAttribute("..requester.event")
    )
    event = factory.SelfAttribute("requester.event")
