"""Opportunity, matching and interest endpoints (the same permissions as the site)."""

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import LimitOffsetPagination, paginate

from taimei.api.auth import authenticated
from taimei.core.http import AuthenticatedHttpRequest
from taimei.core.taxonomy import COUNTRIES, INDUSTRIES
from taimei.members.models import Organization
from taimei.members.selectors import user_is_approved_member
from taimei.opportunities import selectors, services
from taimei.opportunities.kinds import CURRENCIES, OPPORTUNITY_KINDS
from taimei.opportunities.matching import engine
from taimei.opportunities.matching.scorer import Match
from taimei.opportunities.models import Interest, Opportunity

router = Router(tags=["opportunities"])


class OpportunityOut(Schema):
    slug: str
    kind: str
    title_zh: str
    title_en: str
    body_zh: str
    body_en: str
    posted_by: str
    industries: list[str]
    country: str
    amount: Decimal | None
    currency: str
    closes_on: datetime.date | None
    status: str
    visibility: str
    is_open: bool

    @staticmethod
    def resolve_posted_by(obj: Opportunity) -> str:
        return obj.posted_by.slug

    @staticmethod
    def resolve_industries(obj: Opportunity) -> list[str]:
        return [industry.slug for industry in obj.industries.all()]


class OpportunityIn(Schema):
    posted_by: str
    kind: str
    title_zh: str = ""
    title_en: str = ""
    body_zh: str = ""
    body_en: str = ""
    industries: list[str] = []
    country: str
    amount: Decimal | None = None
    currency: str = ""
    closes_on: datetime.date | None = None
    visibility: str = Opportunity.Visibility.PUBLIC


class OpportunityPatch(Schema):
    kind: str | None = None
    title_zh: str | None = None
    title_en: str | None = None
    body_zh: str | None = None
    body_en: str | None = None
    industries: list[str] | None = None
    country: str | None = None
    amount: Decimal | None = None
    currency: str | None = None
    closes_on: datetime.date | None = None
    visibility: str | None = None
    status: str | None = None


class ListQuery(Schema):
    q: str = ""
    kind: str = ""
    industry: str = ""
    country: str = ""
    status: str = "open"


class MatchOut(Schema):
    member: str
    opportunity: str
    score: float
    reasons: list[str]
    breakdown: dict[str, dict[str, float]] | None = None


class InterestIn(Schema):
    organization: str
    message: str


class InterestOut(Schema):
    id: int
    opportunity: str
    organization: str
    message: str
    status: str
    created_at: datetime.datetime

    @staticmethod
    def resolve_opportunity(obj: Interest) -> str:
        return obj.opportunity.slug

    @staticmethod
    def resolve_organization(obj: Interest) -> str:
        return obj.organization.slug


class DecisionIn(Schema):
    accept: bool


class ErrorOut(Schema):
    detail: str


def _match_out(match: Match, *, staff: bool) -> MatchOut:
    return MatchOut(
        member=match.member.slug,
        opportunity=match.opportunity.slug,
        score=round(match.score, 4),
        reasons=match.reasons(),
        breakdown=match.breakdown() if staff else None,
    )


def _check_choices(data: dict[str, object]) -> None:
    """Unknown vocabulary values are a 422 with the allowed values, never a server error."""
    allowed = {
        "kind": OPPORTUNITY_KINDS.slugs,
        "country": COUNTRIES.slugs,
        "currency": ("", *CURRENCIES.slugs),
        "visibility": tuple(Opportunity.Visibility.values),
        "status": tuple(Opportunity.Status.values),
    }
    for name, values in allowed.items():
        if name in data and data[name] is not None and data[name] not in values:
            raise HttpError(422, f"{name} must be one of: {', '.join(v for v in values if v)}")
    industries = data.get("industries")
    unknown = [s for s in industries if s not in INDUSTRIES] if isinstance(industries, list) else []
    if unknown:
        raise HttpError(422, f"unknown industries: {', '.join(unknown)}")


def _access(request: HttpRequest, slug: str) -> Opportunity:
    try:
        return selectors.access_opportunity(request.user, slug)
    except Http404 as missing:
        raise HttpError(404, "Not found") from missing


@router.get("/opportunities", response=list[OpportunityOut], auth=None)
@paginate(LimitOffsetPagination)
def list_opportunities(request: HttpRequest, filters: Query[ListQuery]) -> object:
    """Posts the caller may see (members-only ones need a member's token or session)."""
    return selectors.opportunity_list(
        selectors.OpportunityFilters.from_params(filters.dict()), request.user
    )


@router.get("/opportunities/{slug}", response=OpportunityOut, auth=None)
def get_opportunity(request: HttpRequest, slug: str) -> Opportunity:
    return _access(request, slug)


@router.post(
    "/opportunities",
    response={201: OpportunityOut, 403: ErrorOut, 422: ErrorOut},
    auth=authenticated,
)
def create_opportunity(
    request: AuthenticatedHttpRequest, payload: OpportunityIn
) -> Status[Opportunity]:
    """Post for one of the caller's organisations (approved members only)."""
    data = payload.dict()
    _check_choices(data)
    organization = (
        selectors.user_organizations_for_acting(request.user).filter(slug=data["posted_by"]).first()
    )
    if organization is None or not user_is_approved_member(request.user):
        raise HttpError(403, "You may post only for your own organisation.")
    try:
        opportunity = services.opportunity_create(
            user=request.user,
            organization=organization,
            data=data,
            industries=data["industries"],
        )
    except ValidationError as error:
        raise HttpError(422, "; ".join(error.messages)) from error
    return Status(201, opportunity)


@router.patch(
    "/opportunities/{slug}", response={200: OpportunityOut, 422: ErrorOut}, auth=authenticated
)
def patch_opportunity(
    request: AuthenticatedHttpRequest, slug: str, payload: OpportunityPatch
) -> Opportunity:
    """Edit or close a post: the poster's people and staff only."""
    opportunity = _access(request, slug)
    if not selectors.user_can_manage_opportunity(request.user, opportunity):
        raise HttpError(403, "Only the posting organisation and staff edit this post.")
    data = payload.dict(exclude_unset=True)
    _check_choices(data)
    status = data.pop("status", None)
    industries = data.pop("industries", None)
    try:
        services.opportunity_update(opportunity=opportunity, data=data, industries=industries)
        if status is not None and status != opportunity.status:
            services.opportunity_close(opportunity=opportunity, status=status, user=request.user)
    except ValidationError as error:
        raise HttpError(422, "; ".join(error.messages)) from error
    except services.OpportunityError as error:
        raise HttpError(422, str(error)) from error
    return opportunity


@router.get("/opportunities/{slug}/matches", response=list[MatchOut], auth=authenticated)
def opportunity_matches(
    request: AuthenticatedHttpRequest, slug: str, limit: int = 10
) -> list[MatchOut]:
    """Suggested member organisations with reasons (the poster's people and staff)."""
    opportunity = _access(request, slug)
    if not selectors.user_can_manage_opportunity(request.user, opportunity):
        raise HttpError(403, "Only the posting organisation and staff see its matches.")
    matches = engine.matches_for_opportunity(opportunity, limit=min(max(limit, 1), 100))
    return [_match_out(match, staff=request.user.is_staff) for match in matches]


@router.get("/members/{slug}/matches", response=list[MatchOut], auth=authenticated)
def member_matches(request: AuthenticatedHttpRequest, slug: str, limit: int = 10) -> list[MatchOut]:
    """Open posts ranked for an organisation ("for you"): its own people and staff."""
    organization = get_object_or_404(Organization, slug=slug)
    mine = selectors.user_organizations_for_acting(request.user).filter(pk=organization.pk)
    if not request.user.is_staff and not (mine.exists() and user_is_approved_member(request.user)):
        raise HttpError(403, "Only the organisation's people and staff see its suggestions.")
    matches = engine.opportunities_for_member(
        organization, limit=min(max(limit, 1), 100), members_only_visible=True
    )
    return [_match_out(match, staff=request.user.is_staff) for match in matches]


@router.get("/opportunities/{slug}/interests", response=list[InterestOut], auth=authenticated)
def list_interests(request: AuthenticatedHttpRequest, slug: str) -> object:
    """All answers for the poster and staff; the caller's own answers for anyone else."""
    opportunity = _access(request, slug)
    return selectors.opportunity_interests(opportunity, viewer=request.user)


@router.post(
    "/opportunities/{slug}/interests",
    response={201: InterestOut, 403: ErrorOut, 409: ErrorOut},
    auth=authenticated,
)
def create_interest(
    request: AuthenticatedHttpRequest, slug: str, payload: InterestIn
) -> Status[Interest]:
    """Express interest for one of the caller's organisations."""
    opportunity = _access(request, slug)
    organization = (
        selectors.interest_organizations(request.user, opportunity)
        .filter(slug=payload.organization)
        .first()
    )
    if organization is None:
        raise HttpError(403, "You may answer only for your own organisation, not the poster.")
    try:
        interest = services.interest_submit(
            user=request.user,
            opportunity=opportunity,
            organization=organization,
            message=payload.message[:2000],
        )
    except services.ExchangeError as error:
        raise HttpError(409, str(error)) from error
    return Status(201, interest)


@router.post(
    "/interests/{interest_id}/decision",
    response={200: InterestOut, 409: ErrorOut},
    auth=authenticated,
)
def decide_interest(
    request: AuthenticatedHttpRequest, interest_id: int, payload: DecisionIn
) -> Interest:
    """Accept or decline an answer (the poster's people and staff)."""
    try:
        interest = selectors.access_interest_for_decision(request.user, interest_id)
    except PermissionDenied as denied:
        raise HttpError(403, "Only the posting organisation and staff decide answers.") from denied
    except Http404 as missing:
        raise HttpError(404, "Not found") from missing
    try:
        services.interest_decide(user=request.user, interest=interest, accept=payload.accept)
    except services.ExchangeError as error:
        raise HttpError(409, str(error)) from error
    return interest
