"""The REST API (django-ninja): OpenAPI schema at /api/openapi.json, docs at /api/docs."""

from django.http import HttpRequest
from ninja import NinjaAPI, Schema

from taimei.api import dashboard, events, members, news, opportunities, search
from taimei.api.auth import authenticated
from taimei.core.http import AuthenticatedHttpRequest
from taimei.core.taxonomy import VOCABULARIES
from taimei.members.selectors import user_organizations

api = NinjaAPI(
    title="TaiMei Exchange API",
    version="1",
    description="Member directory, news, search, opportunities and events of the "
    "Taiwan–U.S. Business Alliance. Authenticate with `Authorization: Bearer <token>`; "
    "tokens are issued on your account page.",
    urls_namespace="api",
)
api.add_router("/", members.router)
api.add_router("/", news.router)
api.add_router("/", search.router)
api.add_router("/", opportunities.router)
api.add_router("/", events.router)
api.add_router("/", dashboard.router)


class TermOut(Schema):
    slug: str
    zh: str
    en: str


class MeOut(Schema):
    email: str
    full_name: str
    is_staff: bool
    organizations: list[str]


@api.get("/taxonomy", response=dict[str, list[TermOut]], tags=["taxonomy"], auth=None)
def taxonomy(request: HttpRequest) -> dict[str, list[TermOut]]:
    """Every vocabulary with its slugs and both labels."""
    return {
        name: [TermOut(slug=t.slug, zh=t.zh, en=t.en) for t in vocabulary]
        for name, vocabulary in VOCABULARIES.items()
    }


@api.get("/me", response=MeOut, tags=["accounts"], auth=authenticated)
def me(request: AuthenticatedHttpRequest) -> MeOut:
    """Who the token or session belongs to."""
    user = request.user
    return MeOut(
        email=user.email,
        full_name=user.full_name,
        is_staff=user.is_staff,
        organizations=list(user_organizations(user).values_list("slug", flat=True)),
    )
