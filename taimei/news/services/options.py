"""The pipeline's `Options`, read from the database: what the pure stages may not query."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from django.utils import timezone

from taimei.members.models import Organization
from taimei.members.selectors import organization_search_names
from taimei.news import conf
from taimei.news.models import LexiconTerm
from taimei.news.pipeline.document import DirectoryEntry, LexiconEntry, Options


def directory_entries() -> tuple[DirectoryEntry, ...]:
    """Every listed member with all its names and its industries, for entity linking."""
    industries: dict[str, list[str]] = defaultdict(list)
    rows = Organization.industries.through.objects.filter(organization__is_listed=True)
    for slug, industry in rows.values_list("organization__slug", "industry_id"):
        industries[slug].append(industry)
    return tuple(
        DirectoryEntry(slug=slug, names=tuple(names), industries=tuple(sorted(industries[slug])))
        for slug, names in organization_search_names()
        if names
    )


def lexicon_entries() -> tuple[LexiconEntry, ...]:
    """The active lexicon as staff left it (the shipped terms unless they changed them)."""
    rows = LexiconTerm.objects.filter(is_active=True).values_list(
        "term", "vocabulary", "slug", "weight"
    )
    return tuple(
        LexiconEntry(term=term, vocabulary=vocabulary, slug=slug, weight=weight)
        for term, vocabulary, slug, weight in rows.order_by("pk")
    )


def options_build(*, now: datetime | None = None) -> Options:
    """Options for a pipeline run: directory, lexicon and the fetch limits from settings."""
    return Options(
        directory=directory_entries(),
        lexicon=lexicon_entries(),
        now=now or timezone.now(),
        allow_private_urls=conf.allow_private_urls(),
        max_bytes=conf.max_bytes(),
        fetch_timeout=conf.fetch_timeout(),
    )
