"""Member directory endpoints."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import LimitOffsetPagination, paginate

from taimei.api.auth import authenticated
from taimei.members import selectors
from taimei.members.models import Organization
from taimei.members.services import organization_update

router = Router(tags=["members"])


class OrganizationOut(Schema):
    slug: str
    name_zh: str
    name_en: str
    aliases: list[str]
    country: str
    kind: str
    industries: list[str]
    domains: list[str]
    website: str
    description_zh: str
    description_en: str

    @staticmethod
    def resolve_industries(obj: Organization) -> list[str]:
        return [industry.slug for industry in obj.industries.all()]

    @staticmethod
    def resolve_domains(obj: Organization) -> list[str]:
        return [domain.slug for domain in obj.domains.all()]


class OrganizationPatch(Schema):
    name_zh: str | None = None
    name_en: str | None = None
    aliases: list[str] | None = None
    website: str | None = None
    description_zh: str | None = None
    description_en: str | None = None


class DirectoryQuery(Schema):
    q: str = ""
    country: str = ""
    kind: str = ""
    industry: str = ""
    domain: str = ""


@router.get("/members", response=list[OrganizationOut], auth=None)
@paginate(LimitOffsetPagination)
def list_members(request: HttpRequest, filters: Query[DirectoryQuery]) -> object:
    """Listed member organisations, filtered like the directory page."""
    return selectors.organization_list(selectors.DirectoryFilters.from_params(filters.dict()))


@router.get("/members/{slug}", response=OrganizationOut, auth=None)
def get_member(request: HttpRequest, slug: str) -> Organization:
    try:
        return selectors.access_organization(request.user, slug)
    except PermissionDenied as denied:
        raise HttpError(404, "Not found") from denied


@router.patch("/members/{slug}", response=OrganizationOut, auth=authenticated)
def patch_member(request: HttpRequest, slug: str, payload: OrganizationPatch) -> Organization:
    """Update a profile: the organisation's administrators and staff only."""
    organization = get_object_or_404(Organization, slug=slug)
    if not selectors.user_can_edit_organization(request.user, organization):
        raise HttpError(403, "You may edit only your own organisation.")
    data = payload.dict(exclude_unset=True, exclude_none=True)
    return organization_update(organization=organization, data=data)
