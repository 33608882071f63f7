"""Listed members by domain, industry, kind and country."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q

from taimei.core.models import Domain, Industry
from taimei.core.taxonomy import COUNTRIES, DOMAINS, INDUSTRIES, MEMBER_KINDS, Vocabulary
from taimei.dashboard.filters import Period
from taimei.dashboard.selectors.common import term_label
from taimei.members.models import Organization


@dataclass(frozen=True, slots=True)
class CountRow:
    """Listed members of one domain, industry or kind, by side of the Pacific."""

    slug: str
    label: str
    taiwan: int
    united_states: int
    total: int
    joined: int


@dataclass(frozen=True, slots=True)
class MemberBreakdown:
    """Listed members by domain, by industry and by kind and country; `joined` = in the period."""

    by_domain: list[CountRow]
    by_industry: list[CountRow]
    by_kind: list[CountRow]

    @property
    def total(self) -> int:
        return sum(row.total for row in self.by_kind)

    @property
    def joined(self) -> int:
        return sum(row.joined for row in self.by_kind)


def _organization_counts(period: Period) -> dict[str, Count]:
    """Counts of a taxonomy term's listed organisations, per country and joined in `period`."""
    listed = Q(organizations__is_listed=True)
    joined = Q(
        organizations__created_at__gte=period.start_at,
        organizations__created_at__lt=period.end_before,
    )
    return {
        "taiwan": Count("organizations", filter=listed & Q(organizations__country="TW")),
        "united_states": Count("organizations", filter=listed & Q(organizations__country="US")),
        "total": Count("organizations", filter=listed),
        "joined": Count("organizations", filter=listed & joined),
    }


def member_breakdown(*, period: Period) -> MemberBreakdown:
    """Listed organisations per domain, industry and kind, split Taiwan / U.S. (three queries)."""
    counts = _organization_counts(period)
    fields = ("slug", "taiwan", "united_states", "total", "joined")
    domains = {row[0]: row for row in Domain.objects.annotate(**counts).values_list(*fields)}
    industries = {row[0]: row for row in Industry.objects.annotate(**counts).values_list(*fields)}
    kinds: dict[str, dict[str, int]] = {}
    for kind, country, total, joined in (
        Organization.objects.filter(is_listed=True)
        .values("kind", "country")
        .annotate(
            total=Count("pk"),
            joined=Count(
                "pk",
                filter=Q(created_at__gte=period.start_at, created_at__lt=period.end_before),
            ),
        )
        .values_list("kind", "country", "total", "joined")
    ):
        row = kinds.setdefault(kind, {"TW": 0, "US": 0, "total": 0, "joined": 0})
        row[country] = row.get(country, 0) + total
        row["total"] += total
        row["joined"] += joined

    def rows(vocabulary: Vocabulary, found: dict[str, tuple]) -> list[CountRow]:
        return [
            CountRow(slug, term_label(vocabulary, slug), *found[slug][1:])
            for slug in vocabulary.slugs
            if slug in found
        ]

    by_industry = sorted(rows(INDUSTRIES, industries), key=lambda row: -row.total)
    by_kind = [
        CountRow(
            slug,
            term_label(MEMBER_KINDS, slug),
            kinds[slug]["TW"],
            kinds[slug]["US"],
            kinds[slug]["total"],
            kinds[slug]["joined"],
        )
        for slug in [*MEMBER_KINDS.slugs, *sorted(set(kinds) - set(MEMBER_KINDS.slugs))]
        if slug in kinds
    ]
    return MemberBreakdown(
        by_domain=rows(DOMAINS, domains), by_industry=by_industry, by_kind=by_kind
    )


def country_label(code: str) -> str:
    """Taiwan or United States in the active language."""
    return term_label(COUNTRIES, code)
