"""Opportunity posts, expressions of interest, match feedback and site notifications."""

from __future__ import annotations

import datetime
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from taimei.core.models import Industry, TimeStampedModel
from taimei.core.taxonomy import country_choices
from taimei.core.text import fold
from taimei.members.models import Organization
from taimei.opportunities.kinds import OPPORTUNITY_KINDS, currency_choices, kind_choices

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def has_cjk(text: str) -> bool:
    """True when `text` contains Chinese characters (decides which language column it fills)."""
    return bool(_CJK.search(text))


class Opportunity(TimeStampedModel):
    """A post by a member organisation: something it needs or offers, open for a while."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")
        FILLED = "filled", _("Filled")

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public")
        MEMBERS = "members", _("Members only")

    class Source(models.TextChoices):
        MEMBER = "member", _("Posted by a member")
        US_FEDERAL = "us-federal", _("U.S. federal contract opportunities")
        TW_GOVERNMENT = "tw-government", _("Taiwan government e-procurement")

    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=30, choices=kind_choices, db_index=True)
    title_zh = models.CharField(_("title (Chinese)"), max_length=200, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    body_zh = models.TextField(_("description (Chinese)"), blank=True)
    body_en = models.TextField(_("description (English)"), blank=True)
    posted_by = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="opportunities",
        verbose_name=_("posted by"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    industries = models.ManyToManyField(
        Industry, blank=True, related_name="opportunities", verbose_name=_("industries")
    )
    country = models.CharField(
        _("country"),
        max_length=2,
        choices=country_choices,
        help_text=_("Where the work, the money or the job is."),
    )
    amount = models.DecimalField(
        _("budget or size"),
        max_digits=16,
        decimal_places=0,
        null=True,
        blank=True,
        help_text=_("A budget, an investment size or a salary, in whole units."),
    )
    currency = models.CharField(_("currency"), max_length=3, choices=currency_choices, blank=True)
    closes_on = models.DateField(_("closes on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN, db_index=True
    )
    visibility = models.CharField(
        _("visibility"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.PUBLIC,
        help_text=_("Members-only posts are hidden from the public and from applicants."),
    )
    # Government procurement notices imported from public data files (source ≠ member).
    source = models.CharField(
        _("source"), max_length=20, choices=Source.choices, default=Source.MEMBER, db_index=True
    )
    external_id = models.CharField(_("notice number"), max_length=100, blank=True)
    agency = models.CharField(_("agency"), max_length=300, blank=True)
    naics_code = models.CharField(_("NAICS code"), max_length=6, blank=True, db_index=True)
    set_aside = models.CharField(_("set-aside"), max_length=200, blank=True)
    place_of_performance = models.CharField(_("place of performance"), max_length=300, blank=True)
    external_url = models.URLField(_("notice link"), max_length=500, blank=True)
    search_key = models.TextField(editable=False, blank=True)

    class Meta:
        verbose_name = _("opportunity")
        verbose_name_plural = _("opportunities")
        ordering = ["-created_at", "slug"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(title_zh="", title_en=""), name="opportunity_has_a_title"
            ),
            models.CheckConstraint(
                condition=models.Q(amount__isnull=True) | ~models.Q(currency=""),
                name="opportunity_amount_has_currency",
            ),
            models.CheckConstraint(
                condition=models.Q(amount__isnull=True) | models.Q(amount__gte=0),
                name="opportunity_amount_not_negative",
            ),
            models.UniqueConstraint(
                fields=["source", "external_id"],
                condition=~models.Q(external_id=""),
                name="one_post_per_public_notice",
            ),
        ]
        indexes = [models.Index(fields=["status", "visibility"])]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        errors: dict[str, str | Promise] = {}
        if not (self.title_zh or self.title_en):
            errors["title_zh"] = _("Give the post a Chinese or an English title.")
        if self.amount is not None and not self.currency:
            errors["currency"] = _("Say which currency the amount is in.")
        if self.amount is not None and self.amount < 0:
            errors["amount"] = _("The amount cannot be negative.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args: object, **kwargs: object) -> None:
        self.search_key = fold(
            "\n".join([self.title_zh, self.title_en, self.body_zh, self.body_en])
        )
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    @property
    def title(self) -> str:
        if (get_language() or "").startswith("en"):
            return self.title_en or self.title_zh
        return self.title_zh or self.title_en

    @property
    def secondary_title(self) -> str:
        other = self.title_zh if (get_language() or "").startswith("en") else self.title_en
        return other if other != self.title else ""

    @property
    def body(self) -> str:
        if (get_language() or "").startswith("en"):
            return self.body_en or self.body_zh
        return self.body_zh or self.body_en

    @property
    def is_public_notice(self) -> bool:
        return self.source != self.Source.MEMBER

    @property
    def counterpart_country(self) -> str:
        """The side of the Pacific the post comes from: the poster's, or a notice's country."""
        return self.country if self.is_public_notice else self.posted_by.country

    @property
    def kind_label(self) -> str:
        return str(OPPORTUNITY_KINDS[self.kind].label) if self.kind in OPPORTUNITY_KINDS else ""

    @property
    def is_open(self) -> bool:
        """Open and not past its closing date (a post closes itself at the end of that day)."""
        if self.status != self.Status.OPEN:
            return False
        return self.closes_on is None or self.closes_on >= timezone.localdate()

    @property
    def days_left(self) -> int | None:
        if self.closes_on is None:
            return None
        return (self.closes_on - timezone.localdate()).days

    def get_absolute_url(self) -> str:
        return reverse("opportunities:detail", kwargs={"slug": self.slug})


def open_on(day: datetime.date) -> models.Q:
    """The filter for posts open on `day`."""
    return models.Q(status=Opportunity.Status.OPEN) & (
        models.Q(closes_on__isnull=True) | models.Q(closes_on__gte=day)
    )


class Interest(TimeStampedModel):
    """An organisation's answer to a post: a short message the poster accepts or declines."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting reply")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    opportunity = models.ForeignKey(
        Opportunity,
        on_delete=models.CASCADE,
        related_name="interests",
        verbose_name=_("opportunity"),
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="interests",
        verbose_name=_("interested organisation"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("sent by"),
    )
    message = models.TextField(_("message"), max_length=2000)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    class Meta:
        verbose_name = _("expression of interest")
        verbose_name_plural = _("expressions of interest")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["opportunity", "organization"], name="one_interest_per_organization"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization} → {self.opportunity}"


class MatchDismissal(models.Model):
    """A "not relevant" click: `by_organization` does not want this pairing suggested again.

    When a member dismisses a suggested post, `by_organization` is the member and `opportunity`
    the post; when a poster dismisses a suggested member, `by_organization` is the poster's
    organisation and `organization` the member.
    """

    opportunity = models.ForeignKey(
        Opportunity,
        on_delete=models.CASCADE,
        related_name="dismissals",
        verbose_name=_("opportunity"),
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("suggested organisation"),
    )
    by_organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="match_dismissals",
        verbose_name=_("dismissed by organisation"),
    )
    by_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("dismissed by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("dismissed suggestion")
        verbose_name_plural = _("dismissed suggestions")
        constraints = [
            models.UniqueConstraint(
                fields=["opportunity", "organization", "by_organization"],
                name="one_dismissal_per_pair",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.by_organization}: {self.opportunity} × {self.organization}"


class Notification(models.Model):
    """A site notification for one user, stored in both languages and shown in the active one."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="opportunity_notifications",
        verbose_name=_("recipient"),
    )
    kind = models.CharField(_("kind"), max_length=40)
    text_zh = models.CharField(_("text (Chinese)"), max_length=300)
    text_en = models.CharField(_("text (English)"), max_length=300)
    url = models.CharField(_("link"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.text

    @property
    def text(self) -> str:
        return self.text_en if (get_language() or "").startswith("en") else self.text_zh
