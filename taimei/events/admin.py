"""Admin for staff: events with their meeting grid, registrations and meeting requests."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from taimei.core.http import AuthenticatedHttpRequest
from taimei.events.models import (
    Event,
    Logistics,
    MeetingRequest,
    MeetingSlot,
    MeetingTable,
    Registration,
)
from taimei.events.services import (
    EventsError,
    event_update,
    meetings_schedule,
    registration_approve,
    registration_cancel,
    registration_decline,
)


class SlotInline(admin.TabularInline):
    model = MeetingSlot
    extra = 0


class TableInline(admin.TabularInline):
    model = MeetingTable
    extra = 0


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["slug", "title_zh", "title_en", "kind", "status", "starts_at", "audience"]
    list_filter = ["kind", "status", "audience", "topics", "meetings_enabled"]
    search_fields = ["slug", "title_zh", "title_en", "city"]
    date_hierarchy = "starts_at"
    filter_horizontal = ["topics", "industries"]
    autocomplete_fields = ["organizer"]
    readonly_fields = ["created_at", "updated_at", "created_by"]
    inlines = [SlotInline, TableInline]
    actions = ["schedule_meetings"]

    def save_model(self, request: HttpRequest, obj: Event, form: object, change: bool) -> None:
        if change:
            # Through the service, so extra capacity promotes the waitlist at once.
            data = {f.name: getattr(obj, f.name) for f in Event._meta.concrete_fields}
            for name in ("id", "created_at", "updated_at"):
                data.pop(name, None)
            event_update(event=obj, data=data)
        else:
            obj.created_by = request.user  # type: ignore[assignment]
            obj.save()

    @admin.action(description=_("Run the meeting scheduler (keep placed meetings)"))
    def schedule_meetings(self, request: HttpRequest, queryset: QuerySet[Event]) -> None:
        for event in queryset:
            report = meetings_schedule(event=event, stable=True)
            self.message_user(
                request,
                _("%(event)s: %(placed)d of %(accepted)d accepted meetings placed.")
                % {"event": event, "placed": report.placed, "accepted": report.accepted},
            )


class LogisticsInline(admin.StackedInline):
    model = Logistics
    extra = 0


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = [
        "attendee_name",
        "organization_name",
        "event",
        "status",
        "seats",
        "waitlisted_at",
        "checked_in_at",
    ]
    list_filter = ["status", "event", "participant_type", "country"]
    search_fields = ["attendee_name", "email", "organization_name"]
    autocomplete_fields = ["user", "organization"]
    readonly_fields = ["status", "waitlisted_at", "decided_at", "decided_by", "created_at"]
    inlines = [LogisticsInline]
    actions = ["approve", "decline", "cancel"]

    def _apply(
        self,
        request: AuthenticatedHttpRequest,
        queryset: QuerySet[Registration],
        action: Callable[[Registration], object],
    ) -> None:
        for registration in queryset:
            try:
                action(registration)
            except EventsError as error:
                self.message_user(request, f"{registration}: {error}", messages.WARNING)

    @admin.action(description=_("Approve the selected applications"))
    def approve(self, request: AuthenticatedHttpRequest, queryset: QuerySet[Registration]) -> None:
        self._apply(
            request, queryset, lambda r: registration_approve(registration=r, by=request.user)
        )

    @admin.action(description=_("Decline the selected applications"))
    def decline(self, request: AuthenticatedHttpRequest, queryset: QuerySet[Registration]) -> None:
        self._apply(
            request, queryset, lambda r: registration_decline(registration=r, by=request.user)
        )

    @admin.action(description=_("Cancel the selected registrations (promotes the waitlist)"))
    def cancel(self, request: AuthenticatedHttpRequest, queryset: QuerySet[Registration]) -> None:
        self._apply(request, queryset, lambda r: registration_cancel(registration=r))


@admin.register(MeetingRequest)
class MeetingRequestAdmin(admin.ModelAdmin):
    list_display = ["__str__", "event", "status", "slot", "table", "created_at"]
    list_filter = ["status", "event"]
    raw_id_fields = ["requester", "recipient", "slot", "table"]
