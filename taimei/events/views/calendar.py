"""The public calendar (list and month), event pages, iCalendar feeds and staff editing."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from taimei.core.http import AuthenticatedHttpRequest, HtmxHttpRequest
from taimei.core.taxonomy import INDUSTRIES, TOPICS
from taimei.events import selectors
from taimei.events.forms import EventForm, TimezoneForm
from taimei.events.ics import events_ics
from taimei.events.models import Event
from taimei.events.services import event_create, event_update
from taimei.events.views.common import page_context
from taimei.events.zones import COOKIE, REFERENCE_ZONES, ZONES, localize, viewer_zone


def _filter_context(request: HttpRequest, filters: selectors.EventFilters) -> dict[str, object]:
    return {
        "filters": filters,
        "kinds": Event.Kind.choices,
        "audiences": Event.Audience.choices,
        "topics": TOPICS,
        "industries": INDUSTRIES,
        "zones": ZONES.items(),
    }


def calendar_list(request: HtmxHttpRequest) -> HttpResponse:
    """Upcoming (or past) events with filters; htmx gets the list partial."""
    filters = selectors.EventFilters.from_params(request.GET.dict())
    events = list(selectors.event_list(filters, user=request.user)[:200])
    context = page_context(request, events=events, view="list", **_filter_context(request, filters))
    template = "events/partials/_event_list.html" if request.htmx else "events/calendar.html"
    return render(request, template, context)


def _month_from(value: str, zone: str) -> date:
    try:
        year, month = (int(part) for part in value.split("-", 1))
        return date(year, month, 1) if 2000 <= year <= 2100 and 1 <= month <= 12 else _now(zone)
    except ValueError:
        return _now(zone)


def _now(zone: str) -> date:
    return localize(timezone.now(), zone).date().replace(day=1)


def calendar_month(request: HtmxHttpRequest) -> HttpResponse:
    """A month grid in the viewer's zone; htmx gets the grid partial."""
    zone = viewer_zone(request)
    filters = selectors.EventFilters.from_params(request.GET.dict())
    first = _month_from(request.GET.get("month", ""), zone)
    weeks = selectors.calendar_month(
        year=first.year, month=first.month, filters=filters, user=request.user, zone=zone
    )
    previous = date(first.year - (first.month == 1), (first.month - 2) % 12 + 1, 1)
    following = date(first.year + (first.month == 12), first.month % 12 + 1, 1)
    context = page_context(
        request,
        weeks=weeks,
        month=first,
        previous=previous,
        following=following,
        view="month",
        **_filter_context(request, filters),
    )
    template = "events/partials/_month.html" if request.htmx else "events/calendar.html"
    return render(request, template, context)


def detail(request: HttpRequest, slug: str) -> HttpResponse:
    """An event: times in the event's zone, the viewer's zone and Taipei/U.S. side by side."""
    event = selectors.access_event(request.user, slug)
    registration = selectors.user_registration(request.user, event)
    context = page_context(
        request,
        event=event,
        registration=registration,
        position=selectors.waitlist_position(registration) if registration else None,
        refusal=selectors.registration_refusal(user=request.user, event=event),
        counts=selectors.event_counts(event),
        reference_zones=[z for z in REFERENCE_ZONES if z != event.timezone],
        is_staff=request.user.is_staff,
    )
    return render(request, "events/detail.html", context)


def _ics_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def feed_ics(request: HttpRequest) -> HttpResponse:
    """Every published event as one subscribable calendar."""
    events = selectors.events_visible(None).select_related("organizer")
    return _ics_response(events_ics(events, name=_("TaiMei Exchange events")), "taimei-events.ics")


def event_ics(request: HttpRequest, slug: str) -> HttpResponse:
    event = selectors.access_event(request.user, slug)
    return _ics_response(events_ics([event], name=event.title), f"{event.slug}.ics")


@require_POST
def set_timezone(request: HttpRequest) -> HttpResponse:
    """Remember the zone the viewer reads times in (a cookie; no account needed)."""
    form = TimezoneForm(request.POST)
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "events:calendar"
    response = redirect(target)
    if form.is_valid():
        response.set_cookie(
            COOKIE, form.cleaned_data["timezone"], max_age=365 * 24 * 3600, samesite="Lax"
        )
    return response


@staff_member_required
@require_http_methods(["GET", "POST"])
def create(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = EventForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        event = event_create(
            data=form.event_data(),
            topics=form.cleaned_data["topics"],
            industries=form.cleaned_data["industries"],
            created_by=request.user,
        )
        messages.success(request, _("The event was created."))
        return redirect(event)
    return render(request, "events/edit.html", page_context(request, form=form, event=None))


@staff_member_required
@require_http_methods(["GET", "POST"])
def edit(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    event = selectors.access_event_for_staff(request.user, slug)
    form = EventForm(request.POST or None, instance=event)
    if request.method == "POST" and form.is_valid():
        event = event_update(
            event=Event.objects.get(pk=event.pk),
            data=form.event_data(),
            topics=form.cleaned_data["topics"],
            industries=form.cleaned_data["industries"],
        )
        messages.success(request, _("The event was saved."))
        return redirect(event)
    return render(request, "events/edit.html", page_context(request, form=form, event=event))
