"""Admin for staff: the directory, people, and the applications they approve or decline."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from taimei.core.http import AuthenticatedHttpRequest
from taimei.members.models import MembershipApplication, Organization, Person
from taimei.members.services import ApplicationError, application_approve, application_decline


class PersonInline(admin.TabularInline):
    model = Person
    extra = 0
    fields = ["name_zh", "name_en", "title_zh", "title_en", "email", "role", "user"]
    autocomplete_fields = ["user"]


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["slug", "name_zh", "name_en", "country", "kind", "is_listed", "updated_at"]
    list_filter = ["country", "kind", "is_listed", "industries", "domains"]
    search_fields = ["slug", "name_zh", "name_en", "search_key"]
    filter_horizontal = ["industries", "domains"]
    readonly_fields = ["created_at", "updated_at"]
    inlines = [PersonInline]
    fieldsets = [
        (
            None,
            {"fields": ["slug", "name_zh", "name_en", "aliases", "country", "kind", "is_listed"]},
        ),
        (
            _("Profile"),
            {
                "fields": [
                    "industries",
                    "domains",
                    "website",
                    "description_zh",
                    "description_en",
                    "logo",
                ]
            },
        ),
        (_("History"), {"fields": ["created_at", "updated_at"]}),
    ]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["__str__", "organization", "title_zh", "title_en", "role", "user"]
    list_filter = ["role", "organization__country"]
    search_fields = [
        "name_zh",
        "name_en",
        "email",
        "organization__name_zh",
        "organization__name_en",
    ]
    autocomplete_fields = ["organization", "user"]
    list_select_related = ["organization", "user"]


@admin.register(MembershipApplication)
class MembershipApplicationAdmin(admin.ModelAdmin):
    list_display = ["__str__", "country", "kind", "status", "created_at", "reviewed_by"]
    list_filter = ["status", "country", "kind"]
    search_fields = ["applicant__email", "organization_name_zh", "organization_name_en"]
    autocomplete_fields = ["applicant", "organization"]
    readonly_fields = ["status", "reviewed_by", "reviewed_at", "created_at"]
    list_select_related = ["applicant", "organization", "reviewed_by"]
    actions = ["approve", "decline"]

    @admin.action(description=_("Approve selected applications"))
    def approve(
        self, request: AuthenticatedHttpRequest, queryset: QuerySet[MembershipApplication]
    ) -> None:
        self._decide(request, queryset, approve=True)

    @admin.action(description=_("Decline selected applications"))
    def decline(
        self, request: AuthenticatedHttpRequest, queryset: QuerySet[MembershipApplication]
    ) -> None:
        self._decide(request, queryset, approve=False)

    def _decide(
        self,
        request: AuthenticatedHttpRequest,
        queryset: QuerySet[MembershipApplication],
        *,
        approve: bool,
    ) -> None:
        done = 0
        for application in queryset.select_related("applicant", "organization"):
            try:
                if approve:
                    application_approve(application=application, reviewer=request.user)
                else:
                    application_decline(application=application, reviewer=request.user)
                done += 1
            except ApplicationError as error:
                self.message_user(request, f"{application}: {error}", messages.WARNING)
        self.message_user(
            request,
            ngettext("%(count)d application decided.", "%(count)d applications decided.", done)
            % {"count": done},
        )
