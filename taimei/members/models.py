"""Member organisations of the alliance, the people at them, and applications to join."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from taimei.core.models import Domain, Industry, TimeStampedModel
from taimei.core.taxonomy import country_choices, member_kind_choices
from taimei.core.text import fold


class Organization(TimeStampedModel):
    """A member organisation (company, state-owned enterprise, association, agency, partner)."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name_zh = models.CharField(_("name (Chinese)"), max_length=200, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    aliases = models.JSONField(
        _("aliases"),
        default=list,
        blank=True,
        help_text=_("Other names writers use: abbreviations, Simplified forms, English names."),
    )
    country = models.CharField(_("country"), max_length=2, choices=country_choices)
    kind = models.CharField(_("kind"), max_length=30, choices=member_kind_choices)
    industries = models.ManyToManyField(
        Industry, blank=True, related_name="organizations", verbose_name=_("industries")
    )
    domains = models.ManyToManyField(
        Domain, blank=True, related_name="organizations", verbose_name=_("domains")
    )
    website = models.URLField(_("website"), blank=True)
    description_zh = models.TextField(_("description (Chinese)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    logo = models.ImageField(_("logo"), upload_to="logos/", blank=True)
    is_listed = models.BooleanField(
        _("listed in the directory"),
        default=True,
        help_text=_("Unlisted organisations keep their data but vanish from public pages."),
    )
    search_key = models.TextField(editable=False, blank=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["slug"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(name_zh="", name_en=""), name="organization_has_a_name"
            ),
        ]

    def __str__(self) -> str:
        return self.display_name

    def clean(self) -> None:
        if not (self.name_zh or self.name_en):
            raise ValidationError(_("Give the organisation a Chinese or an English name."))

    def save(self, *args: object, **kwargs: object) -> None:
        self.search_key = self.build_search_key()
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def build_search_key(self) -> str:
        """Every name and alias folded (script, width, case) for directory look-ups."""
        parts = [self.slug, self.name_zh, self.name_en, *self.aliases]
        return "\n".join(fold(part) for part in parts if part)

    @property
    def display_name(self) -> str:
        """The name in the active language, falling back to the other one."""
        if (get_language() or "").startswith("en"):
            return self.name_en or self.name_zh
        return self.name_zh or self.name_en

    @property
    def secondary_name(self) -> str:
        """The name in the other language, when there is one."""
        other = self.name_zh if (get_language() or "").startswith("en") else self.name_en
        return other if other != self.display_name else ""

    @property
    def description(self) -> str:
        if (get_language() or "").startswith("en"):
            return self.description_en or self.description_zh
        return self.description_zh or self.description_en

    @property
    def all_names(self) -> list[str]:
        """Chinese name, English name and aliases, without blanks or repeats."""
        names = [self.name_zh, self.name_en, *self.aliases]
        return list(dict.fromkeys(name for name in names if name))

    def get_absolute_url(self) -> str:
        return reverse("members:detail", kwargs={"slug": self.slug})


class Person(TimeStampedModel):
    """Someone at a member organisation; with a `user`, they sign in and act for it."""

    class Role(models.TextChoices):
        ORG_ADMIN = "org-admin", _("Organisation administrator")
        MEMBER = "member", _("Member")

    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="people",
        verbose_name=_("organisation"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
        verbose_name=_("user account"),
    )
    name_zh = models.CharField(_("name (Chinese)"), max_length=120, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)
    title_zh = models.CharField(_("title (Chinese)"), max_length=120, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=120, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["organization", "role", "name_en", "name_zh"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "user"], name="one_person_per_user_and_organization"
            ),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        if (get_language() or "").startswith("en"):
            return self.name_en or self.name_zh or self.email
        return self.name_zh or self.name_en or self.email

    @property
    def title(self) -> str:
        if (get_language() or "").startswith("en"):
            return self.title_en or self.title_zh
        return self.title_zh or self.title_en


class MembershipApplication(TimeStampedModel):
    """A request to join the alliance (or an existing member organisation) that staff decide."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPROVED = "approved", _("Approved")
        DECLINED = "declined", _("Declined")

    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="applications",
        verbose_name=_("applicant"),
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="applications",
        verbose_name=_("existing organisation"),
        help_text=_("Set when the applicant joins an organisation that is already a member."),
    )
    organization_name_zh = models.CharField(
        _("organisation name (Chinese)"), max_length=200, blank=True
    )
    organization_name_en = models.CharField(
        _("organisation name (English)"), max_length=200, blank=True
    )
    country = models.CharField(_("country"), max_length=2, choices=country_choices)
    kind = models.CharField(_("kind"), max_length=30, choices=member_kind_choices)
    website = models.URLField(_("website"), blank=True)
    job_title = models.CharField(_("your title"), max_length=120, blank=True)
    message = models.TextField(_("message to the alliance"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    decision_note = models.TextField(_("decision note"), blank=True)

    class Meta:
        verbose_name = _("membership application")
        verbose_name_plural = _("membership applications")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        name = self.organization_name_zh or self.organization_name_en or self.organization
        return f"{self.applicant} → {name}"
