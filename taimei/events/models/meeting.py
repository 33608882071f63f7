"""B2B meeting requests between attendees, and their must-meet / no-thanks marks."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from taimei.events.models.event import Event, MeetingSlot, MeetingTable
from taimei.events.models.registration import Registration


class MeetingPreference(models.Model):
    """An attendee's mark on another attendee: must meet, or no thanks."""

    class Mark(models.TextChoices):
        MUST_MEET = "must-meet", _("Must meet")
        NO_THANKS = "no-thanks", _("No thanks")

    owner = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="marks", verbose_name=_("attendee")
    )
    target = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="+", verbose_name=_("marked")
    )
    mark = models.CharField(_("mark"), max_length=12, choices=Mark.choices)

    class Meta:
        verbose_name = _("meeting preference")
        verbose_name_plural = _("meeting preferences")
        constraints = [
            models.UniqueConstraint(fields=["owner", "target"], name="one_mark_per_pair"),
        ]

    def __str__(self) -> str:
        return f"{self.owner} → {self.target}: {self.mark}"


class MeetingRequest(models.Model):
    """A request for a 1:1 meeting; once accepted the scheduler gives it a slot and table."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    ACTIVE = (Status.REQUESTED, Status.ACCEPTED)

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="meeting_requests", verbose_name=_("event")
    )
    requester = models.ForeignKey(
        Registration,
        on_delete=models.CASCADE,
        related_name="sent_requests",
        verbose_name=_("requester"),
    )
    recipient = models.ForeignKey(
        Registration,
        on_delete=models.CASCADE,
        related_name="received_requests",
        verbose_name=_("recipient"),
    )
    message = models.TextField(_("message"), blank=True, max_length=1000)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.REQUESTED
    )
    slot = models.ForeignKey(
        MeetingSlot,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meetings",
        verbose_name=_("slot"),
    )
    table = models.ForeignKey(
        MeetingTable,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meetings",
        verbose_name=_("table"),
    )
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    responded_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("meeting request")
        verbose_name_plural = _("meeting requests")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(requester=models.F("recipient")), name="no_meeting_with_self"
            ),
            models.UniqueConstraint(
                fields=["requester", "recipient"],
                condition=models.Q(status__in=["requested", "accepted"]),
                name="one_open_request_per_pair",
            ),
            # A table hosts one meeting per slot, whatever the scheduler does.
            models.UniqueConstraint(
                fields=["slot", "table"],
                condition=models.Q(slot__isnull=False, table__isnull=False),
                name="one_meeting_per_table_and_slot",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.requester.attendee_name} ↔ {self.recipient.attendee_name}"

    def other_side(self, registration: Registration) -> Registration:
        return self.recipient if registration.pk == self.requester_id else self.requester
