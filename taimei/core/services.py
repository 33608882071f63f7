"""Writes that keep the taxonomy tables equal to the vocabularies in code."""

from __future__ import annotations

from django.db import transaction

from taimei.core.models import Domain, Industry, TaxonomyTerm, Topic


def taxonomy_sync() -> None:
    """Create a row for every slug the vocabularies define (idempotent; never deletes)."""
    model: type[TaxonomyTerm]
    with transaction.atomic():
        for model in (Industry, Domain, Topic):
            existing = set(model.objects.values_list("slug", flat=True))
            model.objects.bulk_create(
                [model(slug=slug) for slug in model.vocabulary.slugs if slug not in existing]
            )
