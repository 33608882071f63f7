"""Registrations (confirmed, waitlisted or applied) and delegation logistics."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from taimei.core.models import TimeStampedModel
from taimei.core.taxonomy import country_choices
from taimei.events.models.event import Event, MeetingSlot, ParticipantType


class Registration(TimeStampedModel):
    """One person's place at an event, possibly with seats for their company's team.

    Seats are taken only by CONFIRMED registrations; the waitlist is served first in, first
    out by `waitlisted_at`. APPLIED registrations (delegations, invitation-only programmes)
    wait for staff to approve or decline them.
    """

    class Status(models.TextChoices):
        APPLIED = "applied", _("Awaiting approval")
        CONFIRMED = "confirmed", _("Confirmed")
        WAITLISTED = "waitlisted", _("On the waitlist")
        CANCELLED = "cancelled", pgettext_lazy("registration status", "Cancelled")
        DECLINED = "declined", _("Declined")

    ACTIVE = (Status.APPLIED, Status.CONFIRMED, Status.WAITLISTED)

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("event")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="event_registrations",
        verbose_name=_("user account"),
    )
    email = models.EmailField(_("e-mail"))
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default="zh-hant"
    )
    attendee_name = models.CharField(_("attendee name"), max_length=150)
    organization = models.ForeignKey(
        "members.Organization",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="event_registrations",
        verbose_name=_("member organisation"),
    )
    organization_name = models.CharField(_("organisation"), max_length=200)
    job_title = models.CharField(_("role or title"), max_length=150, blank=True)
    country = models.CharField(_("country"), max_length=2, choices=country_choices, blank=True)
    participant_type = models.CharField(
        _("participant type"),
        max_length=12,
        choices=ParticipantType.choices,
        default=ParticipantType.OTHER,
    )
    seats = models.PositiveSmallIntegerField(
        _("seats"), default=1, help_text=_("Places for you and your team.")
    )
    dietary_notes = models.CharField(_("dietary requirements"), max_length=300, blank=True)
    accessibility_notes = models.CharField(_("accessibility needs"), max_length=300, blank=True)
    consent = models.BooleanField(_("consent"), default=False)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, db_index=True)
    waitlisted_at = models.DateTimeField(_("waitlisted at"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decision_note = models.TextField(_("note to the applicant"), blank=True)
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)
    unavailable_slots = models.ManyToManyField(
        MeetingSlot,
        blank=True,
        related_name="unavailable_registrations",
        verbose_name=_("unavailable for meetings"),
    )

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["event", "created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=models.Q(status__in=["applied", "confirmed", "waitlisted"]),
                name="one_active_registration_per_email",
            ),
            models.CheckConstraint(condition=models.Q(seats__gte=1), name="at_least_one_seat"),
        ]
        indexes = [models.Index(fields=["event", "status", "waitlisted_at"])]

    def __str__(self) -> str:
        return f"{self.attendee_name} @ {self.event}"

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE


class Logistics(TimeStampedModel):
    """Travel details an approved delegation participant sends before the deadline."""

    registration = models.OneToOneField(
        Registration,
        on_delete=models.CASCADE,
        related_name="logistics",
        verbose_name=_("registration"),
    )
    passport_name = models.CharField(
        _("name as in passport"), max_length=150, help_text=_("Exactly as printed, Latin letters.")
    )
    arrival_flight = models.CharField(_("arrival flight"), max_length=120, blank=True)
    departure_flight = models.CharField(_("departure flight"), max_length=120, blank=True)
    hotel = models.CharField(_("hotel"), max_length=200, blank=True)
    dietary_needs = models.CharField(_("dietary needs"), max_length=300, blank=True)
    notes = models.TextField(_("other notes"), blank=True)

    class Meta:
        verbose_name = _("delegation logistics")
        verbose_name_plural = _("delegation logistics")

    def __str__(self) -> str:
        return self.passport_name
