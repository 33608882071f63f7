"""Conversations between two organisations, their messages, and meeting requests."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from taimei.core.models import TimeStampedModel
from taimei.members.models import Organization
from taimei.opportunities.models.opportunity import Opportunity


class Conversation(TimeStampedModel):
    """A private thread between two organisations, often about one opportunity.

    Only people of the two organisations and alliance staff may read it.
    """

    opportunity = models.ForeignKey(
        Opportunity,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="conversations",
        verbose_name=_("opportunity"),
    )
    first_organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="+", verbose_name=_("started by")
    )
    second_organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="+", verbose_name=_("with")
    )

    class Meta:
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")
        ordering = ["-updated_at"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(first_organization=models.F("second_organization")),
                name="conversation_between_two_organizations",
            ),
            models.UniqueConstraint(
                fields=["opportunity", "first_organization", "second_organization"],
                name="one_conversation_per_pair_and_opportunity",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.first_organization} ↔ {self.second_organization}"

    @property
    def organization_ids(self) -> set[int]:
        return {self.first_organization_id, self.second_organization_id}

    def other(self, organization_id: int) -> Organization:
        """The counterpart of `organization_id` in this conversation."""
        if organization_id == self.first_organization_id:
            return self.second_organization
        return self.first_organization

    def get_absolute_url(self) -> str:
        return reverse("opportunities:conversation", kwargs={"pk": self.pk})


class Message(models.Model):
    """One message in a conversation, written by a person on behalf of their organisation."""

    conversation = models.ForeignKey(
        Conversation,
        on_delete=models.CASCADE,
        related_name="messages",
        verbose_name=_("conversation"),
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="+", verbose_name=_("organisation")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("author"),
    )
    body = models.TextField(_("message"), max_length=5000)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.body[:60]


class Meeting(TimeStampedModel):
    """A meeting request: proposed times, online or in person; the other side must answer."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Awaiting reply")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    class Mode(models.TextChoices):
        ONLINE = "online", _("Online")
        IN_PERSON = "in-person", _("In person")

    conversation = models.ForeignKey(
        Conversation,
        on_delete=models.CASCADE,
        related_name="meetings",
        verbose_name=_("conversation"),
    )
    requested_by = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="+", verbose_name=_("requested by")
    )
    awaiting = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("awaiting reply from"),
    )
    mode = models.CharField(_("format"), max_length=10, choices=Mode.choices)
    location = models.CharField(
        _("place or link"),
        max_length=300,
        blank=True,
        help_text=_("An address for a meeting in person, a video link for one online."),
    )
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), default=60)
    note = models.TextField(_("note"), blank=True, max_length=2000)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PROPOSED
    )
    accepted_slot = models.ForeignKey(
        "MeetingSlot",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("agreed time"),
    )

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.conversation} ({self.get_status_display()})"

    def current_slots(self) -> list[MeetingSlot]:
        """The times of the latest proposal (earlier rounds stay as history)."""
        slots = list(self.slots.all())
        latest = max((slot.round for slot in slots), default=0)
        return [slot for slot in slots if slot.round == latest]

    def get_absolute_url(self) -> str:
        return reverse("opportunities:conversation", kwargs={"pk": self.conversation_id})


class MeetingSlot(models.Model):
    """One proposed start time of a meeting; `round` counts the proposals back and forth."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="slots", verbose_name=_("meeting")
    )
    starts_at = models.DateTimeField(_("starts at"))
    round = models.PositiveSmallIntegerField(_("proposal"), default=1)
    proposed_by = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="+", verbose_name=_("proposed by")
    )

    class Meta:
        verbose_name = _("proposed time")
        verbose_name_plural = _("proposed times")
        ordering = ["round", "starts_at"]

    def __str__(self) -> str:
        return self.starts_at.isoformat()
