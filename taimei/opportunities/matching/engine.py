"""The engine's bridge to the database: features from models, cached indexes, feedback.

Indexes are built once per process and rebuilt when the data they were built from changes
(a cheap version query per request). Dismissals ("not relevant") are read fresh each time:
the dismissed pair is never suggested again, and similar ones are ranked lower.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from django.db.models import Count, Max, Q
from django.utils import timezone

from taimei.members.models import Organization, Person
from taimei.opportunities.conf import match_weights
from taimei.opportunities.matching.features import (
    MemberFeatures,
    OpportunityFeatures,
    member_features,
    name_matcher,
    opportunity_features,
)
from taimei.opportunities.matching.glossary import Matcher
from taimei.opportunities.matching.retrieval import MemberIndex, OpportunityIndex
from taimei.opportunities.matching.scorer import Match, penalty, score_pair
from taimei.opportunities.models import (
    MatchDismissal,
    Opportunity,
    StartupProfile,
    TalentProfile,
)
from taimei.opportunities.models.opportunity import open_on

DISMISSALS_REMEMBERED = 50


@dataclass(frozen=True)
class _Members:
    version: tuple[Any, ...]
    index: MemberIndex
    names: Matcher


@dataclass(frozen=True)
class _Posts:
    version: tuple[Any, ...]
    index: OpportunityIndex


_lock = threading.Lock()
_cache: dict[str, Any] = {}


def _members_version() -> tuple[Any, ...]:
    listed = Organization.objects.filter(is_listed=True)
    row = listed.aggregate(n=Count("pk"), at=Max("updated_at"))
    startups = StartupProfile.objects.aggregate(n=Count("pk"), at=Max("updated_at"))
    links = (
        Organization.industries.through.objects.count(),
        Organization.domains.through.objects.count(),
    )
    return (row["n"], row["at"], startups["n"], startups["at"], *links)


def features_of_member(organization: Organization) -> MemberFeatures:
    """An organisation's features (industries, domains, startup profile prefetched).

    A startup profile makes the organisation a startup (an investment target when it raises)
    and adds its pitch to the text.
    """
    domains = [d.slug for d in organization.domains.all()]
    texts = [organization.description_zh, organization.description_en]
    try:
        startup: StartupProfile | None = organization.startup_profile
    except StartupProfile.DoesNotExist:
        startup = None
    if startup is not None:
        domains.append("startups")
        if startup.raising:
            domains.append("investment")
        texts += [startup.pitch_zh, startup.pitch_en]
    return member_features(
        id=organization.pk,
        slug=organization.slug,
        country=organization.country,
        kind=organization.kind,
        industries=[i.slug for i in organization.industries.all()],
        domains=domains,
        names=organization.all_names,
        description="\n".join(texts),
    )


def _members() -> _Members:
    version = _members_version()
    cached: _Members | None = _cache.get("members")
    if cached is not None and cached.version == version:
        return cached
    with _lock:
        organizations = list(
            Organization.objects.filter(is_listed=True)
            .select_related("startup_profile")
            .prefetch_related("industries", "domains")
        )
        built = _Members(
            version=version,
            index=MemberIndex([features_of_member(o) for o in organizations]),
            names=name_matcher((o.pk, o.all_names) for o in organizations),
        )
        _cache["members"] = built
    return built


def features_of_opportunity(
    opportunity: Opportunity, names: Matcher | None = None
) -> OpportunityFeatures:
    """A post's features (industries and the poster should be prefetched/selected)."""
    return opportunity_features(
        id=opportunity.pk,
        slug=opportunity.slug,
        kind=opportunity.kind,
        poster_id=opportunity.posted_by_id,
        poster_country=opportunity.counterpart_country,
        industries=[i.slug for i in opportunity.industries.all()],
        text="\n".join(
            [opportunity.title_zh, opportunity.title_en, opportunity.body_zh, opportunity.body_en]
        ),
        names=names if names is not None else _members().names,
    )


def _open_posts() -> Any:
    return Opportunity.objects.filter(open_on(timezone.localdate()), posted_by__is_listed=True)


def _posts() -> _Posts:
    members = _members()
    row = _open_posts().aggregate(n=Count("pk"), at=Max("updated_at"))
    version = (
        members.version,
        row["n"],
        row["at"],
        Opportunity.industries.through.objects.count(),
        timezone.localdate(),
    )
    cached: _Posts | None = _cache.get("posts")
    if cached is not None and cached.version == version:
        return cached
    with _lock:
        posts = _open_posts().select_related("posted_by").prefetch_related("industries")
        built = _Posts(
            version=version,
            index=OpportunityIndex([features_of_opportunity(p, members.names) for p in posts]),
        )
        _cache["posts"] = built
    return built


def matches_for_opportunity(opportunity: Opportunity, *, limit: int) -> list[Match]:
    """The member organisations to introduce to the poster, best first (none once closed)."""
    if not opportunity.is_open:
        return []
    members = _members()
    features = features_of_opportunity(opportunity, members.names)
    dismissed = MatchDismissal.objects.filter(by_organization_id=opportunity.posted_by_id).exclude(
        organization_id=opportunity.posted_by_id
    )
    excluded = set(
        dismissed.filter(opportunity=opportunity).values_list("organization_id", flat=True)
    )
    similar_to = [
        members.index.members[members.index.position[member_id]].signature
        for member_id in dismissed.order_by("-created_at").values_list(
            "organization_id", flat=True
        )[:DISMISSALS_REMEMBERED]
        if member_id in members.index.position
    ]
    return members.index.top(
        features, weights=match_weights(), limit=limit, exclude=excluded, dismissed=similar_to
    )


def opportunities_for_member(
    organization: Organization, *, limit: int, members_only_visible: bool
) -> list[Match]:
    """Open posts for `organization` ("for you"), best first; never its own posts."""
    posts = _posts()
    members = _members()
    if organization.pk in members.index.position:
        features = members.index.members[members.index.position[organization.pk]]
    else:
        features = features_of_member(organization)
    dismissed_ids = list(
        MatchDismissal.objects.filter(by_organization=organization, organization=organization)
        .order_by("-created_at")
        .values_list("opportunity_id", flat=True)[:DISMISSALS_REMEMBERED]
    )
    similar_to = [
        posts.index.opportunities[posts.index.position[pk]].signature
        for pk in dismissed_ids
        if pk in posts.index.position
    ]
    hidden: set[int] = set()
    if not members_only_visible:
        hidden = set(
            Opportunity.objects.filter(visibility=Opportunity.Visibility.MEMBERS).values_list(
                "pk", flat=True
            )
        )
    excluded = set(
        MatchDismissal.objects.filter(
            by_organization=organization, organization=organization
        ).values_list("opportunity_id", flat=True)
    )
    return posts.index.top(
        features,
        weights=match_weights(),
        limit=limit,
        exclude=excluded | hidden,
        dismissed=similar_to,
    )


def explain(opportunity: Opportunity, organization: Organization) -> Match:
    """The full breakdown of one pair, whether or not it would be suggested (for staff)."""
    members = _members()
    dismissed = MatchDismissal.objects.filter(
        Q(by_organization_id=opportunity.posted_by_id)
        & ~Q(organization_id=opportunity.posted_by_id)
    ).values_list("organization_id", flat=True)[:DISMISSALS_REMEMBERED]
    signatures: Sequence[frozenset[str]] = [
        members.index.members[members.index.position[pk]].signature
        for pk in dismissed
        if pk in members.index.position and pk != organization.pk
    ]
    member = features_of_member(organization)
    return score_pair(
        features_of_opportunity(opportunity, members.names),
        member,
        weights=match_weights(),
        feedback=penalty(member.signature, signatures),
    )


TALENT_KINDS = frozenset({"job", "talent-seeking"})


def features_of_person(profile: TalentProfile) -> MemberFeatures:
    """A talent profile as the matcher sees a counterparty: a source of talent."""
    return member_features(
        id=profile.pk,
        slug=f"person-{profile.pk}",
        country=profile.country,
        kind="person",
        industries=[i.slug for i in profile.industries.all()],
        domains=["talent"],
        names=[],
        description="\n".join([profile.headline_zh, profile.headline_en, profile.skills]),
    )


def _people() -> MemberIndex:
    visible = TalentProfile.objects.filter(is_visible=True, user__is_active=True)
    row = visible.aggregate(n=Count("pk"), at=Max("updated_at"))
    version = (row["n"], row["at"], TalentProfile.industries.through.objects.count())
    cached: tuple[tuple[Any, ...], MemberIndex] | None = _cache.get("people")
    if cached is not None and cached[0] == version:
        return cached[1]
    with _lock:
        index = MemberIndex([features_of_person(p) for p in visible.prefetch_related("industries")])
        _cache["people"] = (version, index)
    return index


def people_for_opportunity(opportunity: Opportunity, *, limit: int) -> list[Match]:
    """Visible talent profiles for a job or talent post, never the poster's own people."""
    if opportunity.kind not in TALENT_KINDS or not opportunity.is_open:
        return []
    # People and organisations have separate keys: the poster is excluded by its users.
    features = replace(features_of_opportunity(opportunity), poster_id=-1, mentions={})
    own = TalentProfile.objects.filter(
        user__in=Person.objects.filter(organization_id=opportunity.posted_by_id).values("user")
    ).values_list("pk", flat=True)
    return _people().top(features, weights=match_weights(), limit=limit, exclude=list(own))
