"""Registering, cancelling by link, delegation logistics, and the staff registrations desk."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from taimei.core.http import AuthenticatedHttpRequest
from taimei.events import selectors
from taimei.events.forms import DecisionForm, LogisticsForm, RegistrationForm
from taimei.events.models import Logistics, Registration
from taimei.events.services import (
    RegistrationData,
    RegistrationError,
    logistics_submit,
    registration_approve,
    registration_cancel,
    registration_check_in,
    registration_create,
    registration_decline,
    registrations_export,
)
from taimei.events.views.common import client_language, page_context
from taimei.members.selectors import user_organizations

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

STATUS_MESSAGES: dict[str, StrOrPromise] = {
    Registration.Status.CONFIRMED: gettext_lazy(
        "You are registered. A confirmation is on its way."
    ),
    Registration.Status.WAITLISTED: gettext_lazy("The event is full: you are on the waitlist."),
    Registration.Status.APPLIED: gettext_lazy("Your application was sent. Staff will review it."),
}


def _initial(request: HttpRequest) -> dict[str, object]:
    user = request.user
    if not user.is_authenticated:
        return {}
    organization = user_organizations(user).first()
    person = user.people.filter(organization=organization).first() if organization else None
    return {
        "attendee_name": user.full_name,
        "email": user.email,
        "organization_name": organization.display_name if organization else "",
        "country": organization.country if organization else "",
        "job_title": person.title if person else "",
    }


@require_http_methods(["GET", "POST"])
def register(request: HttpRequest, slug: str) -> HttpResponse:
    """The registration (or application) form; the service decides seat, waitlist or review."""
    event = selectors.access_event(request.user, slug)
    existing = selectors.user_registration(request.user, event)
    if existing is not None:
        return redirect(event)
    refusal = selectors.registration_refusal(user=request.user, event=event)
    form = RegistrationForm(request.POST or None, event=event, initial=_initial(request))
    if request.method == "POST" and refusal is None and form.is_valid():
        organization = (
            user_organizations(request.user).first() if request.user.is_authenticated else None
        )
        data = RegistrationData(
            **{k: v for k, v in form.cleaned_data.items() if k in RegistrationData.__annotations__},
            organization=organization,
            language=client_language(request),
        )
        try:
            registration = registration_create(
                event=event, user=request.user if request.user.is_authenticated else None, data=data
            )
        except RegistrationError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, STATUS_MESSAGES[registration.status])
            if request.user.is_authenticated:
                return redirect(event)
            token = selectors.registration_token(registration)
            return redirect("events:cancel", token=token)
    return render(
        request,
        "events/register.html",
        page_context(request, event=event, form=form, refusal=refusal),
    )


@require_http_methods(["GET", "POST"])
def manage_by_token(request: HttpRequest, token: str) -> HttpResponse:
    """The registrant's own page behind the signed link in every mail: status and cancel."""
    registration = selectors.access_registration_by_token(token)
    if request.method == "POST":
        try:
            registration_cancel(registration=registration)
        except RegistrationError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Your registration was cancelled."))
        return redirect("events:cancel", token=token)
    context = page_context(
        request,
        registration=registration,
        event=registration.event,
        position=selectors.waitlist_position(registration),
        token=token,
    )
    return render(request, "events/manage.html", context)


@require_POST
def cancel_mine(request: HttpRequest, slug: str) -> HttpResponse:
    """Cancel the signed-in user's own registration from the event page."""
    event = selectors.access_event(request.user, slug)
    registration = selectors.user_registration(request.user, event)
    if registration is None:
        messages.error(request, _("You have no active registration for this event."))
        return redirect(event)
    try:
        registration_cancel(registration=registration)
    except RegistrationError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Your registration was cancelled."))
    return redirect(event)


@require_http_methods(["GET", "POST"])
def logistics(request: HttpRequest, token: str) -> HttpResponse:
    """The follow-up form approved delegates fill in before the deadline."""
    registration = selectors.access_registration_by_token(token)
    instance = Logistics.objects.filter(registration=registration).first()
    form = LogisticsForm(request.POST or None, instance=instance)
    allowed = registration.event.is_staged and registration.status == Registration.Status.CONFIRMED
    if request.method == "POST" and allowed and form.is_valid():
        try:
            logistics_submit(registration=registration, data=form.cleaned_data)
        except RegistrationError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Thank you: your travel details were saved."))
            return redirect("events:logistics", token=token)
    context = page_context(
        request,
        registration=registration,
        event=registration.event,
        form=form,
        allowed=allowed,
        past_deadline=bool(
            registration.event.logistics_deadline
            and timezone.now() > registration.event.logistics_deadline
        ),
    )
    return render(request, "events/logistics.html", context)


@staff_member_required
def registrations(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """Staff desk: applications to decide, check-in list (printable) and CSV export."""
    event = selectors.access_event_for_staff(request.user, slug)
    if request.GET.get("format") == "csv":
        response = HttpResponse(
            registrations_export(event=event), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{event.slug}-registrations.csv"'
        return response
    context = page_context(
        request,
        event=event,
        registrations=selectors.checkin_list(event),
        counts=selectors.event_counts(event),
        decision_form=DecisionForm(),
        printable=request.GET.get("print") == "1",
    )
    return render(request, "events/registrations.html", context)


@staff_member_required
@require_POST
def decide(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    event = selectors.access_event_for_staff(request.user, slug)
    registration = get_object_or_404(Registration, pk=pk, event=event)
    form = DecisionForm(request.POST)
    if form.is_valid():
        action = (
            registration_approve
            if form.cleaned_data["decision"] == "approve"
            else registration_decline
        )
        try:
            action(registration=registration, by=request.user, note=form.cleaned_data["note"])
        except RegistrationError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The decision was recorded and the applicant told."))
    return redirect("events:registrations", slug=event.slug)


@staff_member_required
@require_POST
def check_in(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """Tick an attendee in at the desk; htmx swaps just the row."""
    event = selectors.access_event_for_staff(request.user, slug)
    registration = get_object_or_404(Registration, pk=pk, event=event)
    try:
        registration_check_in(
            registration=registration, checked_in=request.POST.get("checked_in") == "1"
        )
    except RegistrationError as error:
        messages.error(request, str(error))
    if request.htmx:
        return render(
            request,
            "events/partials/_checkin_row.html",
            page_context(request, r=registration, event=event, decision_form=DecisionForm()),
        )
    return redirect("events:registrations", slug=event.slug)
