"""The shipped lexicon, kept in the staff-editable LexiconTerm table."""

from __future__ import annotations

from django.db import transaction

from taimei.news.lexicon import DEFAULT_LEXICON
from taimei.news.models import LexiconTerm


def lexicon_sync_defaults(*, using: str = "default") -> int:
    """Add every shipped term the table lacks; existing rows (staff edits) stay as they are."""
    with transaction.atomic(using=using):
        existing = set(LexiconTerm.objects.using(using).values_list("term", "vocabulary", "slug"))
        missing = {
            (entry.term, entry.vocabulary, entry.slug): entry
            for entry in DEFAULT_LEXICON
            if (entry.term, entry.vocabulary, entry.slug) not in existing
        }
        LexiconTerm.objects.using(using).bulk_create(
            [
                LexiconTerm(
                    term=entry.term,
                    vocabulary=entry.vocabulary,
                    slug=entry.slug,
                    weight=entry.weight,
                    origin=LexiconTerm.Origin.DEFAULT,
                )
                for entry in missing.values()
            ],
            batch_size=500,
        )
    return len(missing)
