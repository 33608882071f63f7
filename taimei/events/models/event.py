"""Events and the meeting grid (slots and tables) organisers define for B2B meetings."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from taimei.core.models import Industry, TimeStampedModel, Topic
from taimei.events.zones import DEFAULT_ZONE, zone_choices


class ParticipantType(models.TextChoices):
    """What an attendee comes for; the organiser's pairing rules are written in these."""

    BUYER = "buyer", _("Buyer")
    SELLER = "seller", _("Seller / supplier")
    INVESTOR = "investor", _("Investor")
    STARTUP = "startup", _("Startup")
    OTHER = "other", pgettext_lazy("participant type", "Other")


class Event(TimeStampedModel):
    """A workshop, delegation, webinar, trade show, summit or reception the alliance runs."""

    class Kind(models.TextChoices):
        WORKSHOP = "workshop", _("Workshop")
        DELEGATION = "delegation", _("Delegation visit")
        WEBINAR = "webinar", _("Webinar")
        TRADE_SHOW = "trade-show", _("Trade show")
        SUMMIT = "summit", _("Summit")
        RECEPTION = "reception", _("Reception")

    class Audience(models.TextChoices):
        PUBLIC = "public", _("Anyone")
        MEMBERS = "members", _("Alliance members")
        INVITED = "invited", _("By invitation (application reviewed by staff)")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        CANCELLED = "cancelled", pgettext_lazy("event status", "Cancelled")

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    title_zh = models.CharField(_("title (Chinese)"), max_length=200, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    description_zh = models.TextField(_("description (Chinese)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    organizer = models.ForeignKey(
        "members.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organized_events",
        verbose_name=_("organiser"),
    )
    venue_zh = models.CharField(_("venue (Chinese)"), max_length=200, blank=True)
    venue_en = models.CharField(_("venue (English)"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=80, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    timezone = models.CharField(
        _("time zone"), max_length=40, choices=zone_choices, default=DEFAULT_ZONE
    )
    starts_at = models.DateTimeField(_("starts"), db_index=True)
    ends_at = models.DateTimeField(_("ends"))
    topics = models.ManyToManyField(
        Topic, blank=True, related_name="events", verbose_name=_("topics")
    )
    industries = models.ManyToManyField(
        Industry, blank=True, related_name="events", verbose_name=_("industries")
    )
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Seats; leave empty for no limit.")
    )
    registration_opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("registration closes"), null=True, blank=True)
    audience = models.CharField(
        _("who may register"), max_length=10, choices=Audience.choices, default=Audience.MEMBERS
    )
    logistics_deadline = models.DateTimeField(
        _("logistics deadline"),
        null=True,
        blank=True,
        help_text=_("Delegations: approved participants send passport name, flights and hotel."),
    )
    meetings_enabled = models.BooleanField(_("B2B meetings"), default=False)
    meeting_request_cap = models.PositiveSmallIntegerField(
        _("meeting requests per attendee"), default=10
    )
    meeting_pairs = models.JSONField(
        _("who may meet whom"),
        default=list,
        blank=True,
        help_text=_(
            "Allowed pairs of participant types such as buyer-seller or investor-startup; "
            "empty means anyone may meet anyone."
        ),
    )
    meeting_cross_border_only = models.BooleanField(_("Taiwan–U.S. meetings only"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at", "slug"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="event_ends_after_start"
            ),
            models.CheckConstraint(
                condition=~models.Q(title_zh="", title_en=""), name="event_has_a_title"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        errors: dict[str, object] = {}
        if not (self.title_zh or self.title_en):
            errors["title_zh"] = _("Give the event a Chinese or an English title.")
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("The event must end after it starts.")
        if (
            self.registration_opens_at
            and self.registration_closes_at
            and self.registration_closes_at <= self.registration_opens_at
        ):
            errors["registration_closes_at"] = _("Registration must close after it opens.")
        if self.kind == self.Kind.WEBINAR and not self.online_url:
            errors["online_url"] = _("A webinar needs an online link.")
        if self.kind != self.Kind.WEBINAR and not (
            self.venue_zh or self.venue_en or self.online_url
        ):
            errors["venue_zh"] = _("Give a venue or an online link.")
        if errors:
            raise ValidationError(errors)

    def _pick(self, zh: str, en: str) -> str:
        return (en or zh) if (get_language() or "").startswith("en") else (zh or en)

    @property
    def title(self) -> str:
        return self._pick(self.title_zh, self.title_en)

    @property
    def description(self) -> str:
        return self._pick(self.description_zh, self.description_en)

    @property
    def venue(self) -> str:
        return self._pick(self.venue_zh, self.venue_en)

    @property
    def is_staged(self) -> bool:
        """Delegations and invitation-only programmes: staff approve each application."""
        return self.kind == self.Kind.DELEGATION or self.audience == self.Audience.INVITED

    @property
    def is_online(self) -> bool:
        return bool(self.online_url) and not (self.venue_zh or self.venue_en)

    def registration_is_open(self, now: datetime | None = None) -> bool:
        moment = now or timezone.now()
        return (
            self.status == self.Status.PUBLISHED
            and moment < self.ends_at
            and (self.registration_opens_at is None or self.registration_opens_at <= moment)
            and (self.registration_closes_at is None or moment < self.registration_closes_at)
        )

    def get_absolute_url(self) -> str:
        return reverse("events:detail", kwargs={"slug": self.slug})


class MeetingSlot(models.Model):
    """A time slot in which B2B meetings at an event take place."""

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="slots", verbose_name=_("event")
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))

    class Meta:
        verbose_name = _("meeting slot")
        verbose_name_plural = _("meeting slots")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "starts_at"], name="one_slot_per_start"),
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="slot_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        local = self.starts_at.astimezone(self.event_zone)
        return local.strftime("%Y-%m-%d %H:%M")

    @property
    def event_zone(self) -> ZoneInfo:
        return ZoneInfo(self.event.timezone)


class MeetingTable(models.Model):
    """A numbered table (or room) where B2B meetings at an event are held."""

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="tables", verbose_name=_("event")
    )
    label = models.CharField(_("label"), max_length=30)

    class Meta:
        verbose_name = _("meeting table")
        verbose_name_plural = _("meeting tables")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "label"], name="unique_table_label"),
        ]

    def __str__(self) -> str:
        return self.label
