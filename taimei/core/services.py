"""Writes that keep the taxonomy tables equal to the vocabularies in code."""

from __future__ import annotations

from django.db import transaction

from taimei.core.models import Domain, Industry, TaxonomyTerm, Topic


def taxonomy_sync() -> None:
    """Create a row for every slug the vocabularies define (idempotent; never deletes)."""
    with transaction.atomic():
        for model in (Industry, Domain, Topic):
            _create_missing(model)


def _create_missing(model: type[TaxonomyTerm]) -> None:
    existing = set(model._default_manager.values_list("slug", flat=True))
    model._default_manager.bulk_create(
        [model(slug=slug) for slug in model.vocabulary.slugs if slug not in existing]
    )
