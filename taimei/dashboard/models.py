"""The dashboard reads other apps' data; its one table is the staff's policy watchlist."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from taimei.core.models import TimeStampedModel
from taimei.core.text import fold

MAX_TERMS = 30
MAX_TERM_LENGTH = 100


def clean_terms(terms: object) -> list[str]:
    """`terms` stripped, blanks dropped, repeats (as written) removed; order kept."""
    if not isinstance(terms, list):
        return []
    stripped = (" ".join(str(term).split()) for term in terms)
    return list(dict.fromkeys(term for term in stripped if term))


class WatchTerm(TimeStampedModel):
    """A policy staff follow in the news (232條款, 對等關稅, ADTA) and the words that signal it.

    An article matches when its title or text contains any of the terms; matching compares
    folded text, so a Traditional term also finds Simplified articles, but staff list both
    scripts and the English wording so the list reads as what it finds.
    """

    label_zh = models.CharField(_("label (Chinese)"), max_length=100, blank=True)
    label_en = models.CharField(_("label (English)"), max_length=100, blank=True)
    terms = models.JSONField(
        _("terms"),
        default=list,
        help_text=_(
            "One per line: the Traditional and Simplified Chinese forms and the English wording."
        ),
    )
    is_active = models.BooleanField(_("shown on the dashboard"), default=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("watch term")
        verbose_name_plural = _("watch terms")
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(label_zh="", label_en=""), name="watch_term_has_a_label"
            ),
        ]

    def __str__(self) -> str:
        return self.label

    def clean(self) -> None:
        errors: dict[str, object] = {}
        if not (self.label_zh.strip() or self.label_en.strip()):
            errors["label_zh"] = _("Give the watch term a Chinese or an English label.")
        self.terms = clean_terms(self.terms)
        if not self.terms:
            errors["terms"] = _("List at least one term to look for.")
        elif len(self.terms) > MAX_TERMS:
            errors["terms"] = _("List at most %(count)d terms.") % {"count": MAX_TERMS}
        elif any(len(term) > MAX_TERM_LENGTH for term in self.terms):
            errors["terms"] = _("Keep each term under %(count)d characters.") % {
                "count": MAX_TERM_LENGTH
            }
        elif any(len(fold(term)) < 2 for term in self.terms):
            errors["terms"] = _("A single character matches too much; use longer terms.")
        if errors:
            raise ValidationError(errors)

    @property
    def label(self) -> str:
        """The label in the active language, falling back to the other one."""
        if (get_language() or "").startswith("en"):
            return self.label_en or self.label_zh
        return self.label_zh or self.label_en

    @property
    def match_keys(self) -> list[str]:
        """The terms as compared with an article's folded text (scripts and case folded)."""
        keys = (fold(term) for term in clean_terms(self.terms))
        return list(dict.fromkeys(key for key in keys if key))
