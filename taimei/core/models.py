"""Shared model bases and the taxonomy tables that other apps relate to."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from taimei.core.taxonomy import DOMAINS, INDUSTRIES, TOPICS, Vocabulary


class TimeStampedModel(models.Model):
    """Adds creation and modification times (timezone-aware)."""

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


class TaxonomyTerm(models.Model):
    """A row per slug of a vocabulary, so relations, filters and facet counts are plain joins.

    The slugs and labels live in `taimei.core.taxonomy`; rows are created by migrations and a
    test keeps table and vocabulary equal.
    """

    vocabulary: Vocabulary

    slug = models.SlugField(primary_key=True, max_length=40)

    class Meta:
        abstract = True
        ordering = ["pk"]

    def __str__(self) -> str:
        return str(self.label)

    @property
    def label(self) -> str:
        return self.vocabulary[self.slug].label if self.slug in self.vocabulary else self.slug

    @property
    def position(self) -> int:
        """Index in the vocabulary, for sorting in its canonical order."""
        return self.vocabulary.slugs.index(self.slug) if self.slug in self.vocabulary else 999


class Industry(TaxonomyTerm):
    """An industry of DESIGN.md's taxonomy (semiconductors, drones, …)."""

    vocabulary = INDUSTRIES

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("industry")
        verbose_name_plural = _("industries")


class Domain(TaxonomyTerm):
    """One of the alliance's five domains of work (trade, investment, …)."""

    vocabulary = DOMAINS

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("domain")
        verbose_name_plural = _("domains")


class Topic(TaxonomyTerm):
    """One of the seven topics the platform aggregates activity on."""

    vocabulary = TOPICS

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
