"""Admin for staff: posts, answers, conversations, meetings and notifications."""

from __future__ import annotations

from django.contrib import admin

from taimei.opportunities.models import (
    Conversation,
    Interest,
    MatchDismissal,
    Meeting,
    MeetingSlot,
    Message,
    NoticeFollow,
    Notification,
    Opportunity,
    ProcurementAlert,
    StartupProfile,
    TalentProfile,
)


class InterestInline(admin.TabularInline):
    model = Interest
    extra = 0
    fields = ["organization", "status", "message", "created_at"]
    readonly_fields = ["created_at"]
    autocomplete_fields = ["organization"]


@admin.register(Opportunity)
class OpportunityAdmin(admin.ModelAdmin):
    list_display = ["slug", "title_zh", "title_en", "kind", "posted_by", "status", "visibility"]
    list_filter = ["kind", "source", "status", "visibility", "country", "industries"]
    search_fields = ["slug", "title_zh", "title_en", "search_key", "posted_by__name_en"]
    autocomplete_fields = ["posted_by", "created_by"]
    filter_horizontal = ["industries"]
    readonly_fields = ["created_at", "updated_at"]
    list_select_related = ["posted_by"]
    inlines = [InterestInline]


@admin.register(Interest)
class InterestAdmin(admin.ModelAdmin):
    list_display = ["__str__", "status", "created_at", "decided_at"]
    list_filter = ["status"]
    search_fields = ["opportunity__slug", "organization__name_en", "organization__name_zh"]
    autocomplete_fields = ["opportunity", "organization", "created_by", "decided_by"]
    list_select_related = ["opportunity", "organization"]


class MessageInline(admin.TabularInline):
    model = Message
    extra = 0
    fields = ["organization", "author", "body", "created_at"]
    readonly_fields = ["created_at"]


@admin.register(Conversation)
class ConversationAdmin(admin.ModelAdmin):
    list_display = ["__str__", "opportunity", "updated_at"]
    search_fields = ["first_organization__name_en", "second_organization__name_en"]
    autocomplete_fields = ["opportunity", "first_organization", "second_organization"]
    list_select_related = ["first_organization", "second_organization", "opportunity"]
    inlines = [MessageInline]


class MeetingSlotInline(admin.TabularInline):
    model = MeetingSlot
    extra = 0


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["__str__", "mode", "status", "requested_by", "awaiting", "created_at"]
    list_filter = ["status", "mode"]
    raw_id_fields = ["conversation", "accepted_slot"]
    autocomplete_fields = ["requested_by", "awaiting"]
    inlines = [MeetingSlotInline]


@admin.register(MatchDismissal)
class MatchDismissalAdmin(admin.ModelAdmin):
    list_display = ["__str__", "by_user", "created_at"]
    raw_id_fields = ["opportunity", "organization", "by_organization", "by_user"]


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["recipient", "kind", "text_en", "created_at", "read_at"]
    list_filter = ["kind"]
    raw_id_fields = ["recipient"]


@admin.register(ProcurementAlert)
class ProcurementAlertAdmin(admin.ModelAdmin):
    list_display = ["user", "naics_prefix", "keyword", "industry", "created_at"]
    raw_id_fields = ["user"]


@admin.register(NoticeFollow)
class NoticeFollowAdmin(admin.ModelAdmin):
    list_display = ["user", "opportunity", "created_at"]
    raw_id_fields = ["user", "opportunity"]


@admin.register(TalentProfile)
class TalentProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "headline_zh", "headline_en", "looking_for", "country", "is_visible"]
    list_filter = ["looking_for", "country", "is_visible"]
    raw_id_fields = ["user"]
    filter_horizontal = ["industries"]


@admin.register(StartupProfile)
class StartupProfileAdmin(admin.ModelAdmin):
    list_display = ["organization", "stage", "raising", "round_size", "currency"]
    list_filter = ["stage", "raising"]
    autocomplete_fields = ["organization"]
