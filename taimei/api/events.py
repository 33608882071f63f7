"""Events and registrations endpoints (thin: parse, call a selector or service, shape).

No `from __future__ import annotations` here: django-ninja must see `Query[...]` as a real
type when the module loads, or the query schema is never built.
"""

from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import LimitOffsetPagination, paginate

from taimei.api.auth import authenticated
from taimei.core.http import AuthenticatedHttpRequest
from taimei.events import selectors
from taimei.events.models import Event, Registration
from taimei.events.models.event import ParticipantType
from taimei.events.services import (
    RegistrationData,
    RegistrationError,
    registration_cancel,
    registration_create,
    registrations_export,
)
from taimei.members.selectors import user_organizations

router = Router(tags=["events"])


class EventOut(Schema):
    slug: str
    kind: str
    status: str
    title_zh: str
    title_en: str
    description_zh: str
    description_en: str
    organizer: str | None
    venue_zh: str
    venue_en: str
    city: str
    online: bool
    timezone: str
    starts_at: datetime
    ends_at: datetime
    topics: list[str]
    industries: list[str]
    capacity: int | None
    audience: str
    registration_opens_at: datetime | None
    registration_closes_at: datetime | None
    meetings_enabled: bool
    url: str

    @staticmethod
    def resolve_organizer(obj: Event) -> str | None:
        return obj.organizer.slug if obj.organizer else None

    @staticmethod
    def resolve_online(obj: Event) -> bool:
        return bool(obj.online_url)

    @staticmethod
    def resolve_topics(obj: Event) -> list[str]:
        return [topic.slug for topic in obj.topics.all()]

    @staticmethod
    def resolve_industries(obj: Event) -> list[str]:
        return [industry.slug for industry in obj.industries.all()]

    @staticmethod
    def resolve_url(obj: Event) -> str:
        return obj.get_absolute_url()


class EventFilterIn(Schema):
    q: str = ""
    kind: str = ""
    topic: str = ""
    industry: str = ""
    audience: str = ""
    when: str = "upcoming"


class RegistrationOut(Schema):
    id: int
    event: str
    status: str
    attendee_name: str
    email: str
    organization_name: str
    job_title: str
    participant_type: str
    seats: int
    dietary_notes: str
    accessibility_notes: str
    waitlist_position: int | None
    created_at: datetime

    @staticmethod
    def resolve_event(obj: Registration) -> str:
        return obj.event.slug

    @staticmethod
    def resolve_waitlist_position(obj: Registration) -> int | None:
        return selectors.waitlist_position(obj)


class RegistrationIn(Schema):
    attendee_name: str
    organization_name: str
    job_title: str = ""
    participant_type: str = "other"
    seats: int = 1
    dietary_notes: str = ""
    accessibility_notes: str = ""
    consent: bool


class ErrorOut(Schema):
    detail: str


@router.get("/events", response=list[EventOut], auth=None)
@paginate(LimitOffsetPagination)
def event_list(request: HttpRequest, filters: Query[EventFilterIn]) -> object:
    """Published events; unknown filter values are ignored."""
    parsed = selectors.EventFilters.from_params(filters.dict())
    return selectors.event_list(parsed, user=request.user).prefetch_related("industries")


@router.get("/events/{slug}", response=EventOut, auth=None)
def event_get(request: HttpRequest, slug: str) -> Event:
    return selectors.access_event(request.user, slug)


@router.post(
    "/events/{slug}/registrations",
    response={201: RegistrationOut, 400: ErrorOut},
    auth=authenticated,
)
def registration_post(
    request: AuthenticatedHttpRequest, slug: str, payload: RegistrationIn
) -> object:
    """Register the caller: confirmed, waitlisted, or (staged events) an application."""
    event = selectors.access_event(request.user, slug)
    types = set(ParticipantType.values)
    if payload.participant_type not in types:
        return 400, {"detail": f"participant_type must be one of {sorted(types)}"}
    data = RegistrationData(
        **payload.dict(),
        email=request.user.email,
        language=request.user.preferred_language,
        organization=user_organizations(request.user).first(),
    )
    try:
        return 201, registration_create(event=event, user=request.user, data=data)
    except RegistrationError as error:
        return 400, {"detail": str(error)}


@router.get("/registrations/mine", response=list[RegistrationOut], auth=authenticated)
def registrations_mine(request: AuthenticatedHttpRequest) -> object:
    return selectors.user_registrations(request.user)


def _own_registration(request: HttpRequest, pk: int) -> Registration:
    registration = get_object_or_404(Registration.objects.select_related("event"), pk=pk)
    if registration.user_id != request.user.pk and not request.user.is_staff:
        raise HttpError(404, "Not Found")
    return registration


@router.post(
    "/registrations/{pk}/cancel",
    response={200: RegistrationOut, 400: ErrorOut},
    auth=authenticated,
)
def registration_cancel_post(request: AuthenticatedHttpRequest, pk: int) -> object:
    """Cancel one's own registration (staff: any); the first in line is promoted."""
    registration = _own_registration(request, pk)
    try:
        registration_cancel(registration=registration)
    except RegistrationError as error:
        return 400, {"detail": str(error)}
    registration.refresh_from_db()
    return 200, registration


@router.get("/events/{slug}/registrations", response=list[RegistrationOut], auth=authenticated)
@paginate(LimitOffsetPagination)
def event_registrations(request: AuthenticatedHttpRequest, slug: str) -> object:
    """Every registration of an event: staff only."""
    try:
        event = selectors.access_event_for_staff(request.user, slug)
    except PermissionDenied as error:
        raise HttpError(403, "Staff only.") from error
    return event.registrations.select_related("event").order_by("created_at", "pk")


@router.get("/events/{slug}/registrations.csv", auth=authenticated)
def event_registrations_csv(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """The registrations CSV (the same as the staff desk's export): staff only."""
    try:
        event = selectors.access_event_for_staff(request.user, slug)
    except PermissionDenied as error:
        raise HttpError(403, "Staff only.") from error
    return HttpResponse(registrations_export(event=event), content_type="text/csv; charset=utf-8")
