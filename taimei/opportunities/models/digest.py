"""Saved searches and the weekly digest each user receives (or has unsubscribed from)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.http import QueryDict
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class SavedSearch(models.Model):
    """A filter of the opportunities list a user wants to come back to, and hear about weekly."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="saved_searches",
        verbose_name=_("user"),
    )
    name = models.CharField(_("name"), max_length=120)
    query = models.CharField(
        _("query"),
        max_length=500,
        help_text=_("The list's parameters: q, kind, industry, country."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("saved search")
        verbose_name_plural = _("saved searches")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["user", "query"], name="save_a_search_once"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return f"{reverse('opportunities:list')}?{self.query}"

    @property
    def params(self) -> dict[str, str]:
        return QueryDict(self.query).dict()


class DigestPreference(models.Model):
    """Whether a user gets the weekly digest, and when it was last sent."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="digest_preference",
        verbose_name=_("user"),
    )
    weekly = models.BooleanField(_("weekly digest"), default=True)
    last_sent_at = models.DateTimeField(_("last sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("digest preference")
        verbose_name_plural = _("digest preferences")

    def __str__(self) -> str:
        return f"{self.user}: {'weekly' if self.weekly else 'off'}"
