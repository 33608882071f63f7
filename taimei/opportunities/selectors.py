"""Reads of opportunities and exchanges, and the one place that decides who sees what.

- A public post is seen by everyone; a members-only post by approved members and staff (the
  public and applicants waiting for approval get a 404, as if it did not exist).
- A post is edited, closed and its answers decided by the people of the posting organisation
  and by staff.
- A conversation, its messages and meetings are seen by the people of its two organisations
  and by staff; nobody else.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from taimei.core.taxonomy import COUNTRIES, INDUSTRIES, Vocabulary
from taimei.core.text import fold
from taimei.members.models import Organization, Person
from taimei.members.selectors import AnyUser, user_is_approved_member
from taimei.opportunities.kinds import OPPORTUNITY_KINDS
from taimei.opportunities.models import (
    Conversation,
    Interest,
    Meeting,
    Notification,
    Opportunity,
)
from taimei.opportunities.models.opportunity import open_on

if TYPE_CHECKING:
    from taimei.accounts.models import User

FACET_VOCABULARIES: dict[str, Vocabulary] = {
    "kind": OPPORTUNITY_KINDS,
    "industry": INDUSTRIES,
    "country": COUNTRIES,
}
_FACET_LOOKUPS = {"kind": "kind", "industry": "industries__slug", "country": "country"}
STATUS_FILTERS = ("open", "closed", "all")


@dataclass(frozen=True)
class OpportunityFilters:
    """What a visitor asked the list for; unknown values are dropped, never fatal."""

    q: str = ""
    kind: str = ""
    industry: str = ""
    country: str = ""
    status: str = "open"

    @classmethod
    def from_params(cls, params: dict[str, str]) -> OpportunityFilters:
        values = {
            name: value
            for name, vocabulary in FACET_VOCABULARIES.items()
            if (value := str(params.get(name, ""))) in vocabulary
        }
        status = str(params.get("status", "open"))
        return cls(
            q=str(params.get("q", ""))[:200].strip(),
            status=status if status in STATUS_FILTERS else "open",
            **values,
        )

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


def visible_opportunities(user: AnyUser) -> QuerySet[Opportunity]:
    """Every post `user` may see (members-only ones for approved members and staff)."""
    queryset = Opportunity.objects.filter(posted_by__is_listed=True)
    if user.is_staff:
        return Opportunity.objects.all()
    if not user_is_approved_member(user):
        queryset = queryset.filter(visibility=Opportunity.Visibility.PUBLIC)
    return queryset


def _matching(
    filters: OpportunityFilters, user: AnyUser, *, skip: str | None = None
) -> QuerySet[Opportunity]:
    queryset = visible_opportunities(user)
    today = timezone.localdate()
    if filters.status == "open":
        queryset = queryset.filter(open_on(today))
    elif filters.status == "closed":
        queryset = queryset.exclude(open_on(today))
    for term in fold(filters.q).split():
        queryset = queryset.filter(search_key__contains=term)
    for name, value in filters.active().items():
        if name != skip:
            queryset = queryset.filter(**{_FACET_LOOKUPS[name]: value})
    return queryset


def opportunity_list(filters: OpportunityFilters, user: AnyUser) -> QuerySet[Opportunity]:
    """Posts matching `filters` that `user` may see, newest first, relations prefetched."""
    return (
        _matching(filters, user)
        .distinct()
        .select_related("posted_by")
        .prefetch_related("industries")
        .order_by("-created_at", "slug")
    )


def opportunity_facets(filters: OpportunityFilters, user: AnyUser) -> list[Facet]:
    """Counts per facet value; each facet ignores its own selection so others stay visible."""
    facets = []
    for name, vocabulary in FACET_VOCABULARIES.items():
        lookup = _FACET_LOOKUPS[name]
        rows = (
            _matching(filters, user, skip=name)
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
                    FacetValue(term.slug, str(term.label), counts[term.slug], term.slug == selected)
                    for term in vocabulary
                    if counts[term.slug] or term.slug == selected
                ],
            )
        )
    return facets


def access_opportunity(user: AnyUser, slug: str) -> Opportunity:
    """The post behind `slug` if `user` may see it; otherwise 404 (its existence stays private)."""
    queryset = visible_opportunities(user).select_related("posted_by")
    return get_object_or_404(queryset.prefetch_related("industries"), slug=slug)


def user_organizations_for_acting(user: AnyUser) -> QuerySet[Organization]:
    """The listed organisations `user` may act for (post, answer, message)."""
    if not user.is_authenticated:
        return Organization.objects.none()
    return Organization.objects.filter(people__user=user, is_listed=True).distinct()


def user_is_in_organization(user: AnyUser, organization_id: int) -> bool:
    if not user.is_authenticated:
        return False
    return Person.objects.filter(user=user, organization_id=organization_id).exists()


def user_can_manage_opportunity(user: AnyUser, opportunity: Opportunity) -> bool:
    """Staff, and the people of the posting organisation."""
    if not user.is_authenticated:
        return False
    return user.is_staff or user_is_in_organization(user, opportunity.posted_by_id)


def access_opportunity_for_edit(user: AnyUser, slug: str) -> Opportunity:
    """The post behind `slug` if `user` may edit it, else PermissionDenied (404 if unseen)."""
    opportunity = access_opportunity(user, slug)
    if not user_can_manage_opportunity(user, opportunity):
        raise PermissionDenied
    return opportunity


def interest_organizations(user: AnyUser, opportunity: Opportunity) -> QuerySet[Organization]:
    """The organisations `user` may answer `opportunity` for: approved, not the poster."""
    if not user_is_approved_member(user):
        return Organization.objects.none()
    return user_organizations_for_acting(user).exclude(pk=opportunity.posted_by_id)


def opportunity_interests(opportunity: Opportunity, *, viewer: AnyUser) -> QuerySet[Interest]:
    """Answers `viewer` may read: all for the poster and staff, their own for everyone else."""
    queryset = opportunity.interests.select_related("opportunity", "organization", "created_by")
    if user_can_manage_opportunity(viewer, opportunity):
        return queryset
    if not viewer.is_authenticated:
        return Interest.objects.none()
    return queryset.filter(organization__people__user=viewer).distinct()


def access_interest_for_decision(user: AnyUser, pk: int) -> Interest:
    """An answer `user` may accept or decline (the poster's people and staff)."""
    interest = get_object_or_404(
        Interest.objects.select_related("opportunity__posted_by", "organization"), pk=pk
    )
    if not user_can_manage_opportunity(user, interest.opportunity):
        raise PermissionDenied
    return interest


def _conversation_queryset() -> QuerySet[Conversation]:
    return Conversation.objects.select_related(
        "first_organization", "second_organization", "opportunity"
    )


def user_can_see_conversation(user: AnyUser, conversation: Conversation) -> bool:
    """Staff, and the people of the conversation's two organisations."""
    if not user.is_authenticated:
        return False
    if user.is_staff:
        return True
    return Person.objects.filter(
        user=user, organization_id__in=conversation.organization_ids
    ).exists()


def access_conversation(user: AnyUser, pk: int) -> Conversation:
    """The conversation if `user` may read it; otherwise 404 (outsiders learn nothing)."""
    conversation = get_object_or_404(_conversation_queryset(), pk=pk)
    if not user_can_see_conversation(user, conversation):
        raise Http404
    return conversation


def acting_organization(user: AnyUser, conversation: Conversation) -> Organization | None:
    """The side `user` speaks for in `conversation`, or None (staff read without speaking)."""
    if not user.is_authenticated:
        return None
    ids = set(
        Person.objects.filter(
            user=user, organization_id__in=conversation.organization_ids
        ).values_list("organization_id", flat=True)
    )
    if conversation.first_organization_id in ids:
        return conversation.first_organization
    if conversation.second_organization_id in ids:
        return conversation.second_organization
    return None


def conversation_list(user: AnyUser) -> QuerySet[Conversation]:
    """Conversations of `user`'s organisations, most recent first."""
    if not user.is_authenticated:
        return Conversation.objects.none()
    mine = Person.objects.filter(user=user).values("organization_id")
    return (
        _conversation_queryset()
        .filter(Q(first_organization__in=mine) | Q(second_organization__in=mine))
        .order_by("-updated_at")
    )


def conversation_detail(conversation: Conversation) -> Conversation:
    """The conversation with messages and meetings (and their times) loaded."""
    return (
        _conversation_queryset()
        .prefetch_related(
            Prefetch(
                "messages", queryset=conversation.messages.select_related("organization", "author")
            ),
            Prefetch(
                "meetings",
                queryset=Meeting.objects.select_related(
                    "requested_by", "awaiting", "accepted_slot"
                ).prefetch_related("slots"),
            ),
        )
        .get(pk=conversation.pk)
    )


def access_meeting(user: AnyUser, pk: int) -> Meeting:
    """A meeting if `user` may see its conversation; otherwise 404."""
    meeting = get_object_or_404(
        Meeting.objects.select_related(
            "conversation__first_organization",
            "conversation__second_organization",
            "conversation__opportunity",
            "requested_by",
            "awaiting",
            "accepted_slot",
        ),
        pk=pk,
    )
    if not user_can_see_conversation(user, meeting.conversation):
        raise Http404
    return meeting


def notification_list(user: User) -> QuerySet[Notification]:
    return Notification.objects.filter(recipient=user)


def unread_notification_count(user: AnyUser) -> int:
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()
