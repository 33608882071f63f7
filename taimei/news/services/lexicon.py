"""The shipped lexicon, kept in the staff-editable LexiconTerm table."""

from __future__ import annotations

from django.db import transaction

from taimei.news.lexicon import DEFAULT_LEXICON
from taimei.news.models import LexiconTerm


def lexicon_sync_defaults(*, using: str = "default") -> int:
    """Bring the table up to the shipped lexicon without touching staff edits.

    Adds shipped terms the table lacks; gives shipped terms staff have not edited the shipped
    weight; deactivates unedited shipped terms the code no longer ships (and reactivates them
    if it ships them again). Terms staff added or edited stay as they are. Returns the number
    of rows added or changed.
    """
    shipped = {(entry.term, entry.vocabulary, entry.slug): entry for entry in DEFAULT_LEXICON}
    with transaction.atomic(using=using):
        terms = LexiconTerm.objects.using(using)
        rows = {
            (row.term, row.vocabulary, row.slug): row
            for row in terms.only("term", "vocabulary", "slug", "weight", "is_active", "origin")
            .filter(origin=LexiconTerm.Origin.DEFAULT, edited_by_staff=False)
            .select_for_update()
        }
        existing = set(terms.values_list("term", "vocabulary", "slug"))
        changed = []
        for key, row in rows.items():
            entry = shipped.get(key)
            weight = entry.weight if entry is not None else row.weight
            if (row.weight, row.is_active) != (weight, entry is not None):
                row.weight, row.is_active = weight, entry is not None
                changed.append(row)
        terms.bulk_update(changed, ["weight", "is_active"], batch_size=500)
        missing = [entry for key, entry in shipped.items() if key not in existing]
        terms.bulk_create(
            [
                LexiconTerm(
                    term=entry.term,
                    vocabulary=entry.vocabulary,
                    slug=entry.slug,
                    weight=entry.weight,
                    origin=LexiconTerm.Origin.DEFAULT,
                )
                for entry in missing
            ],
            batch_size=500,
        )
    return len(missing) + len(changed)
