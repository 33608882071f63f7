"""Talent profiles of people and startup profiles of member organisations, for matching."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from taimei.core.models import Industry, TimeStampedModel
from taimei.core.taxonomy import country_choices
from taimei.members.models import Organization
from taimei.opportunities.kinds import currency_choices

SPOKEN_LANGUAGES = [
    ("zh", "中文"),
    ("en", "English"),
    ("ja", "日本語"),
    ("ko", "한국어"),
    ("es", "Español"),
]


class TalentProfile(TimeStampedModel):
    """What a person offers and looks for; job and talent posts are matched against it."""

    class LookingFor(models.TextChoices):
        JOB = "job", _("A job")
        INTERNSHIP = "internship", _("An internship")
        COFOUNDER = "cofounder", _("Co-founders or a founding team")
        ADVISORY = "advisory", _("Advisory or board roles")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="talent_profile",
        verbose_name=_("user"),
    )
    headline_zh = models.CharField(_("headline (Chinese)"), max_length=200, blank=True)
    headline_en = models.CharField(_("headline (English)"), max_length=200, blank=True)
    skills = models.TextField(
        _("skills"), max_length=2000, help_text=_("In either language, e.g. 晶圓製程; EUV; Python")
    )
    languages = models.JSONField(_("languages"), default=list, blank=True)
    looking_for = models.CharField(_("looking for"), max_length=20, choices=LookingFor.choices)
    country = models.CharField(_("country"), max_length=2, choices=country_choices)
    industries = models.ManyToManyField(
        Industry, blank=True, related_name="+", verbose_name=_("industries")
    )
    is_visible = models.BooleanField(
        _("visible to members"),
        default=True,
        help_text=_("Posters of jobs and talent searches may be shown your profile."),
    )

    class Meta:
        verbose_name = _("talent profile")
        verbose_name_plural = _("talent profiles")

    def __str__(self) -> str:
        return self.headline or str(self.user)

    @property
    def headline(self) -> str:
        if (get_language() or "").startswith("en"):
            return self.headline_en or self.headline_zh
        return self.headline_zh or self.headline_en

    @property
    def language_labels(self) -> list[str]:
        labels = dict(SPOKEN_LANGUAGES)
        return [labels.get(code, code) for code in self.languages]


class StartupProfile(TimeStampedModel):
    """A member organisation that is a startup: its stage, the round it raises, its pitch."""

    class Stage(models.TextChoices):
        PRE_SEED = "pre-seed", _("Pre-seed")
        SEED = "seed", _("Seed")
        SERIES_A = "series-a", _("Series A")
        SERIES_B = "series-b", _("Series B or later")
        GROWTH = "growth", _("Growth")

    organization = models.OneToOneField(
        Organization,
        on_delete=models.CASCADE,
        related_name="startup_profile",
        verbose_name=_("organisation"),
    )
    stage = models.CharField(_("stage"), max_length=12, choices=Stage.choices)
    raising = models.BooleanField(_("raising now"), default=False)
    round_size = models.DecimalField(
        _("round size"), max_digits=14, decimal_places=0, null=True, blank=True
    )
    currency = models.CharField(_("currency"), max_length=3, choices=currency_choices, blank=True)
    pitch_zh = models.TextField(_("pitch (Chinese)"), max_length=2000, blank=True)
    pitch_en = models.TextField(_("pitch (English)"), max_length=2000, blank=True)

    class Meta:
        verbose_name = _("startup profile")
        verbose_name_plural = _("startup profiles")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(round_size__isnull=True) | ~models.Q(currency=""),
                name="startup_round_has_currency",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization} ({self.get_stage_display()})"
