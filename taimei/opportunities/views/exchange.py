"""Conversations, meetings and notifications (only the two organisations and staff see them)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from taimei.core.http import AuthenticatedHttpRequest
from taimei.opportunities import selectors, services
from taimei.opportunities.forms import MeetingAnswerForm, MeetingRequestForm, MessageForm, TimesForm
from taimei.opportunities.models import Meeting


@login_required
def conversation_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    conversations = selectors.conversation_list(request.user)
    return render(request, "opportunities/conversations.html", {"conversations": conversations})


@login_required
@require_http_methods(["GET", "POST"])
def conversation_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The thread, its meetings, and (for the two sides) the reply box."""
    conversation = selectors.access_conversation(request.user, pk)
    acting = selectors.acting_organization(request.user, conversation)
    form = MessageForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if acting is None:
            raise PermissionDenied
        if form.is_valid():
            services.message_send(
                user=request.user,
                conversation=conversation,
                organization=acting,
                body=form.cleaned_data["body"],
            )
            if request.htmx:
                form = MessageForm()
            else:
                return redirect(conversation)
    conversation = selectors.conversation_detail(conversation)
    context = {
        "conversation": conversation,
        "acting": acting,
        "form": form,
        "times_form": TimesForm(prefix="again"),
    }
    if request.htmx:
        return render(request, "opportunities/partials/_thread.html", context)
    return render(request, "opportunities/conversation.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def meeting_new(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Request a meeting in a conversation: up to three times, online or in person."""
    conversation = selectors.access_conversation(request.user, pk)
    acting = selectors.acting_organization(request.user, conversation)
    if acting is None:
        raise PermissionDenied
    form = MeetingRequestForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_request(
                user=request.user,
                conversation=conversation,
                organization=acting,
                mode=form.cleaned_data["mode"],
                location=form.cleaned_data["location"],
                duration_minutes=form.cleaned_data["duration_minutes"],
                note=form.cleaned_data["note"],
                times=form.times(),
            )
        except services.ExchangeError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Meeting request sent."))
            return redirect(conversation)
    return render(
        request,
        "opportunities/meeting_form.html",
        {"form": form, "conversation": conversation, "acting": acting},
    )


@login_required
@require_POST
def meeting_answer(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Accept a proposed time, decline, or propose other times."""
    meeting = selectors.access_meeting(request.user, pk)
    acting = selectors.acting_organization(request.user, meeting.conversation)
    if acting is None:
        raise PermissionDenied
    form = MeetingAnswerForm(request.POST)
    times_form = TimesForm(request.POST, prefix="again")
    if not form.is_valid():
        messages.error(request, _("Choose an answer."))
        return redirect(meeting)
    action = form.cleaned_data["action"]
    times = []
    if action == "propose":
        if not times_form.is_valid():
            messages.error(
                request, "; ".join(str(e) for errors in times_form.errors.values() for e in errors)
            )
            return redirect(meeting)
        times = times_form.times()
    try:
        services.meeting_respond(
            user=request.user,
            meeting=meeting,
            organization=acting,
            action=action,
            slot_id=form.cleaned_data["slot"],
            times=times,
        )
    except services.ExchangeError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Your answer was sent."))
    return redirect(meeting)


@login_required
def meeting_calendar(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """An accepted meeting as an .ics file for any calendar."""
    meeting = selectors.access_meeting(request.user, pk)
    if meeting.status != Meeting.Status.ACCEPTED:
        messages.error(request, _("Only an accepted meeting can be added to a calendar."))
        return redirect(meeting)
    response = HttpResponse(services.meeting_ical(meeting), content_type="text/calendar")
    response["Content-Disposition"] = f'attachment; filename="taimei-meeting-{meeting.pk}.ics"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def notifications(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The user's notifications; POST marks them all read."""
    if request.method == "POST":
        services.notifications_mark_read(user=request.user)
        return redirect("opportunities:notifications")
    items = selectors.notification_list(request.user)[:100]
    return render(request, "opportunities/notifications.html", {"notifications": items})
