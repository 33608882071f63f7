"""Factories for the dashboard's own model and a helper that fills every panel with data."""

import datetime

import factory
from django.utils import timezone

from taimei.core.text import fold
from taimei.dashboard.models import WatchTerm
from taimei.events.models import MeetingSlot, Registration
from taimei.events.tests.factories import EventFactory, MeetingRequestFactory, RegistrationFactory
from taimei.members.tests.factories import OrganizationFactory
from taimei.news.tests.factories import ArticleFactory, MentionFactory, TopicLabelFactory
from taimei.opportunities.models import Conversation, Interest, Meeting
from taimei.opportunities.tests.factories import InterestFactory, OpportunityFactory


class WatchTermFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WatchTerm

    label_zh = factory.Sequence(lambda n: f"政策{n}")
    label_en = factory.Sequence(lambda n: f"Policy {n}")
    terms = factory.LazyFunction(lambda: ["晶片法案", "芯片法案", "CHIPS Act"])


def article(title: str = "", text: str = "台美經貿新聞。", *, when=None, **kwargs):
    """A published article whose folded text is set as the ingest pipeline sets it."""
    title = title or "台美經貿新聞"
    return ArticleFactory(
        title=title,
        text=text,
        folded_text=fold(f"{title} {text}"),
        published_at=when or timezone.now() - datetime.timedelta(days=1),
        **kwargs,
    )


def populate(size: int) -> None:
    """`size` records of every kind the dashboard reads: members, news, posts, events."""
    now = timezone.now()
    for index in range(size):
        taiwan = OrganizationFactory(country="TW", domains=["trade"], industries=["drones"])
        american = OrganizationFactory(country="US", kind="association", domains=["investment"])
        story = article(f"232條款 新聞 {index}", "對等關稅與避免雙重課稅。", when=now)
        TopicLabelFactory(article=story, topic_id="trade")
        TopicLabelFactory(article=story, topic_id="supply-chain")
        MentionFactory(article=story, organization=taiwan)
        MentionFactory(article=story, organization=american)
        post = OpportunityFactory(posted_by=taiwan, kind="supply-offer")
        InterestFactory(opportunity=post, organization=american, status=Interest.Status.ACCEPTED)
        conversation = Conversation.objects.create(
            opportunity=post, first_organization=american, second_organization=taiwan
        )
        Meeting.objects.create(
            conversation=conversation,
            requested_by=american,
            awaiting=taiwan,
            mode=Meeting.Mode.ONLINE,
            status=Meeting.Status.ACCEPTED,
        )
        event = EventFactory(organizer=taiwan)
        slot = MeetingSlot.objects.create(
            event=event,
            starts_at=event.starts_at,
            ends_at=event.starts_at + datetime.timedelta(minutes=30),
        )
        first = RegistrationFactory(event=event, checked_in_at=now)
        second = RegistrationFactory(event=event)
        RegistrationFactory(event=event, status=Registration.Status.WAITLISTED)
        MeetingRequestFactory(requester=first, recipient=second, status="accepted", slot=slot)
