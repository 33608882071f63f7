"""B2B meetings: browse attendees, mark, request, answer; agendas; the organiser's setup."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from taimei.core.http import AuthenticatedHttpRequest
from taimei.events import selectors
from taimei.events.forms import MARK_CHOICES, MarkForm, MeetingGridForm, MeetingRequestForm
from taimei.events.ics import agenda_ics
from taimei.events.models import Event, MeetingRequest, MeetingSlot, Registration
from taimei.events.services import (
    MeetingError,
    availability_set,
    meeting_grid_define,
    meeting_preference_set,
    meeting_request_create,
    meeting_request_respond,
    meeting_request_withdraw,
    meetings_schedule,
)
from taimei.events.views.common import page_context
from taimei.events.zones import make_aware_in


def _attendee(request: HttpRequest, slug: str) -> tuple[Event, Registration]:
    """The event and the signed-in user's confirmed registration, or 404/403."""
    event = selectors.access_event(request.user, slug)
    return event, selectors.access_attendee(request.user, event)


@login_required
def meetings(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """Other attendees with marks and request buttons, and my requests in and out."""
    event, me = _attendee(request, slug)
    q = request.GET.get("q", "")[:100].strip()
    context = page_context(
        request,
        event=event,
        me=me,
        q=q,
        attendees=selectors.attendee_list(event, me, q=q),
        requests=selectors.meeting_requests_for(me),
        open_count=selectors.open_request_count(me),
        request_form=MeetingRequestForm(),
        mark_choices=MARK_CHOICES,
    )
    template = "events/partials/_attendees.html" if request.htmx else "events/meetings.html"
    return render(request, template, context)


def _other(event: Event, pk: int) -> Registration:
    return get_object_or_404(Registration, pk=pk, event=event, status=Registration.Status.CONFIRMED)


@login_required
@require_POST
def mark(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    event, me = _attendee(request, slug)
    form = MarkForm(request.POST)
    if form.is_valid():
        try:
            meeting_preference_set(
                owner=me,
                target=_other(event, pk),
                mark=form.cleaned_data["mark"],
            )
        except MeetingError as error:
            messages.error(request, str(error))
    return redirect("events:meetings", slug=slug)


@login_required
@require_POST
def request_meeting(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    event, me = _attendee(request, slug)
    form = MeetingRequestForm(request.POST)
    if form.is_valid():
        try:
            meeting_request_create(
                requester=me,
                recipient=_other(event, pk),
                message=form.cleaned_data["message"],
            )
        except MeetingError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Your meeting request was sent."))
    return redirect("events:meetings", slug=slug)


def _request(event: Event, pk: int) -> MeetingRequest:
    """A request at this event; the service checks it is the caller's to answer or withdraw."""
    return get_object_or_404(MeetingRequest, pk=pk, event=event)


@login_required
@require_POST
def respond(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    event, me = _attendee(request, slug)
    try:
        meeting_request_respond(
            request=_request(event, pk),
            by=me,
            accept=request.POST.get("answer") == "accept",
        )
    except MeetingError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Your answer was sent."))
    return redirect("events:meetings", slug=slug)


@login_required
@require_POST
def withdraw(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    event, me = _attendee(request, slug)
    try:
        meeting_request_withdraw(request=_request(event, pk), by=me)
    except MeetingError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The meeting was called off."))
    return redirect("events:meetings", slug=slug)


@login_required
@require_POST
def availability(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    event, me = _attendee(request, slug)
    wanted = {value for value in request.POST.getlist("unavailable") if value.isdigit()}
    slots = MeetingSlot.objects.filter(event=event, pk__in=wanted)
    availability_set(registration=me, unavailable=slots)
    messages.success(request, _("Your availability was saved."))
    return redirect("events:agenda", slug=slug)


@login_required
def agenda(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """My meetings in time order, my availability, and what still waits for a slot."""
    event, me = _attendee(request, slug)
    context = page_context(
        request,
        event=event,
        me=me,
        meetings=selectors.agenda(me),
        unplaced=selectors.unplaced_meetings(me),
        slots=selectors.event_slots(event),
        unavailable=set(me.unavailable_slots.values_list("pk", flat=True)),
        printable=request.GET.get("print") == "1",
    )
    return render(request, "events/agenda.html", context)


@login_required
def agenda_ics_view(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    _event, me = _attendee(request, slug)
    response = HttpResponse(
        agenda_ics(me, selectors.agenda(me)),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{slug}-agenda.ics"'
    return response


@staff_member_required
@require_http_methods(["GET", "POST"])
def setup(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """The organiser lays out slots and tables and runs the scheduler."""
    event = selectors.access_event_for_staff(request.user, slug)
    form = MeetingGridForm(request.POST or None)
    report = None
    if request.method == "POST" and request.POST.get("action") == "schedule":
        try:
            report = meetings_schedule(event=event, stable=request.POST.get("mode") != "full")
        except MeetingError as error:
            messages.error(request, str(error))
        form = MeetingGridForm()
    elif request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            meeting_grid_define(
                event=event,
                first_start=make_aware_in(data["first_start"].replace(tzinfo=None), event.timezone),
                minutes=data["minutes"],
                count=data["count"],
                gap=data["gap"],
                tables=data["tables"],
            )
        except MeetingError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The meeting grid was saved."))
            return redirect("events:meetings-setup", slug=slug)
    accepted = event.meeting_requests.filter(status=MeetingRequest.Status.ACCEPTED)
    context = page_context(
        request,
        event=event,
        form=form,
        report=report,
        slots=selectors.event_slots(event),
        table_count=event.tables.count(),
        accepted=accepted.count(),
        placed=accepted.filter(slot__isnull=False).count(),
        requested=event.meeting_requests.filter(status=MeetingRequest.Status.REQUESTED).count(),
    )
    return render(request, "events/meetings_setup.html", context)
