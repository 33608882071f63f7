"""Reads of the member directory and the one place that decides who may see or edit what."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db.models import Count, QuerySet
from django.shortcuts import get_object_or_404

from taimei.core.http import AnyUser
from taimei.core.taxonomy import COUNTRIES, DOMAINS, INDUSTRIES, MEMBER_KINDS, Vocabulary
from taimei.core.text import clean_user_text, fold
from taimei.members.models import Organization, Person

FACET_VOCABULARIES: dict[str, Vocabulary] = {
    "country": COUNTRIES,
    "kind": MEMBER_KINDS,
    "industry": INDUSTRIES,
    "domain": DOMAINS,
}
_FACET_LOOKUPS = {
    "country": "country",
    "kind": "kind",
    "industry": "industries__slug",
    "domain": "domains__slug",
}


@dataclass(frozen=True)
class DirectoryFilters:
    """What a directory visitor asked for; unknown facet values are dropped, never fatal."""

    q: str = ""
    country: str = ""
    kind: str = ""
    industry: str = ""
    domain: str = ""

    @classmethod
    def from_params(cls, params: dict[str, str]) -> DirectoryFilters:
        values = {
            name: value
            for name, vocabulary in FACET_VOCABULARIES.items()
            if (value := str(params.get(name, ""))) in vocabulary
        }
        return cls(q=clean_user_text(str(params.get("q", "")), max_length=200), **values)

    def active(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in _FACET_LOOKUPS if getattr(self, name)}


@dataclass
class FacetValue:
    slug: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    name: str
    values: list[FacetValue] = field(default_factory=list)


def user_is_approved_member(user: AnyUser) -> bool:
    """Staff, or a signed-in person attached to a listed member organisation."""
    if not user.is_authenticated:
        return False
    if user.is_staff:
        return True
    return Person.objects.filter(user=user, organization__is_listed=True).exists()


def user_organizations(user: AnyUser) -> QuerySet[Organization]:
    """The organisations `user` belongs to."""
    if not user.is_authenticated:
        return Organization.objects.none()
    return Organization.objects.filter(people__user=user).distinct()


def user_can_edit_organization(user: AnyUser, organization: Organization) -> bool:
    """Staff edit every organisation; an organisation's own administrators edit only theirs."""
    if not user.is_authenticated:
        return False
    if user.is_staff:
        return True
    return Person.objects.filter(
        user=user, organization=organization, role=Person.Role.ORG_ADMIN
    ).exists()


def access_organization(user: AnyUser, slug: str) -> Organization:
    """The organisation behind `slug` if `user` may see it (unlisted ones: staff only)."""
    organization = get_object_or_404(Organization, slug=slug)
    if not organization.is_listed and not user.is_staff:
        raise PermissionDenied
    return organization


def access_organization_for_edit(user: AnyUser, slug: str) -> Organization:
    """The organisation behind `slug` if `user` may edit it, else PermissionDenied."""
    organization = get_object_or_404(Organization, slug=slug)
    if not user_can_edit_organization(user, organization):
        raise PermissionDenied
    return organization


def _matching(filters: DirectoryFilters, *, skip: str | None = None) -> QuerySet[Organization]:
    queryset = Organization.objects.filter(is_listed=True)
    for term in fold(filters.q).split():
        queryset = queryset.filter(search_key__contains=term)
    for name, value in filters.active().items():
        if name != skip:
            queryset = queryset.filter(**{_FACET_LOOKUPS[name]: value})
    return queryset


def organization_list(filters: DirectoryFilters) -> QuerySet[Organization]:
    """Listed organisations matching `filters`, ready for a page (relations prefetched)."""
    return (
        _matching(filters)
        .distinct()
        .prefetch_related("industries", "domains")
        .order_by("name_en", "slug")
    )


def organization_facets(filters: DirectoryFilters) -> list[Facet]:
    """Counts per facet value; each facet ignores its own selection so others stay visible."""
    facets = []
    for name, vocabulary in FACET_VOCABULARIES.items():
        lookup = _FACET_LOOKUPS[name]
        rows = (
            _matching(filters, skip=name)
            .exclude(**{f"{lookup}__isnull": True})
            .values(lookup)
            .annotate(n=Count("pk", distinct=True))
        )
        counts = Counter({row[lookup]: row["n"] for row in rows})
        selected = getattr(filters, name)
        facets.append(
            Facet(
                name=name,
                values=[
                    FacetValue(term.slug, term.label, counts[term.slug], term.slug == selected)
                    for term in vocabulary
                    if counts[term.slug] or term.slug == selected
                ],
            )
        )
    return facets


def organization_people(organization: Organization, *, viewer: AnyUser) -> QuerySet[Person]:
    """People shown on a profile: members and staff see everyone; the public sees no one."""
    if not user_is_approved_member(viewer):
        return Person.objects.none()
    return organization.people.all()


def organization_search_names() -> list[tuple[str, list[str]]]:
    """(slug, every name and alias) for each listed organisation: entity linking and search."""
    rows = Organization.objects.filter(is_listed=True).values_list(
        "slug", "name_zh", "name_en", "aliases"
    )
    return [
        (slug, list(dict.fromkeys(n for n in (name_zh, name_en, *aliases) if n)))
        for slug, name_zh, name_en, aliases in rows
    ]


def organization_get_by_any_name(name: str) -> Organization | None:
    """The listed organisation one of whose names folds to the same key as `name`."""
    key = fold(name)
    if not key:
        return None
    candidates = Organization.objects.filter(search_key__contains=key, is_listed=True)
    for organization in candidates:
        if key in organization.search_key.split("\n"):
            return organization
    return None
