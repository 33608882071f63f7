"""Alerts on government procurement notices, and members following a notice."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from taimei.core.models import Industry
from taimei.opportunities.models.opportunity import Opportunity


class ProcurementAlert(models.Model):
    """A standing request to hear about new notices: by NAICS prefix, keyword or industry.

    A short NAICS code matches every code under it (3344 matches 334413); a keyword also
    matches its glossary synonyms in either language (晶圓 finds "wafer").
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="procurement_alerts",
        verbose_name=_("user"),
    )
    naics_prefix = models.CharField(_("NAICS code or prefix"), max_length=6, blank=True)
    keyword = models.CharField(_("keyword"), max_length=100, blank=True)
    industry = models.ForeignKey(
        Industry,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("industry"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("procurement alert")
        verbose_name_plural = _("procurement alerts")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(naics_prefix="", keyword="", industry__isnull=True),
                name="procurement_alert_has_a_criterion",
            ),
        ]

    def __str__(self) -> str:
        parts = [self.naics_prefix, self.keyword, self.industry_id or ""]
        return " · ".join(str(part) for part in parts if part)

    def clean(self) -> None:
        if self.naics_prefix and not (self.naics_prefix.isdigit() and len(self.naics_prefix) >= 2):
            raise ValidationError({"naics_prefix": _("A NAICS code is 2 to 6 digits.")})
        if not (self.naics_prefix or self.keyword or self.industry_id):
            raise ValidationError(_("Give a NAICS code, a keyword or an industry."))


class NoticeFollow(models.Model):
    """A user following one notice, to hear when it changes (new deadline, amendment)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="followed_notices",
        verbose_name=_("user"),
    )
    opportunity = models.ForeignKey(
        Opportunity, on_delete=models.CASCADE, related_name="followers", verbose_name=_("notice")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("followed notice")
        verbose_name_plural = _("followed notices")
        constraints = [
            models.UniqueConstraint(fields=["user", "opportunity"], name="follow_a_notice_once"),
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.opportunity}"
