"""Admin for news: sources and their health, articles with everything found in them, the
lexicon staff refine, and the failures to look into."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from taimei.news.models import (
    Article,
    ArticleSource,
    IndustryLabel,
    IngestFailure,
    LexiconTerm,
    Mention,
    Source,
    TopicLabel,
)
from taimei.news.services.classify import articles_classify_enqueue


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = (
        "__str__",
        "kind",
        "is_active",
        "last_status",
        "last_fetched_at",
        "items_read",
        "items_new",
        "consecutive_failures",
        "next_fetch_at",
    )
    list_filter = ("kind", "is_active", "last_status")
    search_fields = ("location", "title", "last_error")
    readonly_fields = (
        "etag",
        "last_modified",
        "last_fetched_at",
        "last_status",
        "last_error",
        "consecutive_failures",
        "items_read",
        "items_new",
        "items_total",
        "created_at",
        "updated_at",
    )
    raw_id_fields = ("parent",)
    actions = ("fetch_now",)

    @admin.action(description=_("Fetch at the next poll (clear the back-off)"))
    def fetch_now(self, request: HttpRequest, queryset: QuerySet[Source]) -> None:
        count = queryset.update(next_fetch_at=None)
        self.message_user(
            request,
            ngettext(
                "%(count)d source will be fetched at the next poll.",
                "%(count)d sources will be fetched at the next poll.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )


class ArticleSourceInline(admin.TabularInline):
    model = ArticleSource
    extra = 0
    fields = ("is_primary", "source", "location", "url", "guid", "outlet", "title")
    readonly_fields = fields
    can_delete = False


class TopicLabelInline(admin.TabularInline):
    model = TopicLabel
    extra = 0
    fields = ("topic", "score", "evidence")


class IndustryLabelInline(admin.TabularInline):
    model = IndustryLabel
    extra = 0
    fields = ("industry", "score", "evidence")


class MentionInline(admin.TabularInline):
    model = Mention
    extra = 0
    fields = ("kind", "surface", "name", "organization", "title", "value", "currency", "start")
    readonly_fields = fields
    raw_id_fields = ("organization",)
    can_delete = False


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ("__str__", "published_at", "language", "is_published", "created_at")
    list_filter = ("is_published", "language", "topic_labels__topic", "industry_labels__industry")
    search_fields = ("title", "text", "url")
    date_hierarchy = "published_at"
    readonly_fields = ("content_hash", "created_at", "updated_at")
    inlines = (ArticleSourceInline, TopicLabelInline, IndustryLabelInline, MentionInline)
    actions = ("reclassify", "hide", "publish")

    @admin.action(description=_("Re-run classification"))
    def reclassify(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        count = articles_classify_enqueue(article_ids=list(queryset.values_list("pk", flat=True)))
        self.message_user(
            request,
            ngettext(
                "Classification is being re-run for %(count)d article.",
                "Classification is being re-run for %(count)d articles.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Hide from the site"))
    def hide(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        queryset.update(is_published=False)

    @admin.action(description=_("Publish on the site"))
    def publish(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        queryset.update(is_published=True)


@admin.register(LexiconTerm)
class LexiconTermAdmin(admin.ModelAdmin):
    list_display = ("term", "vocabulary", "slug", "weight", "is_active", "origin")
    list_editable = ("weight", "is_active")
    list_filter = ("vocabulary", "slug", "is_active", "origin")
    search_fields = ("term", "slug")
    actions = ("activate", "deactivate")

    def has_delete_permission(self, request: HttpRequest, obj: LexiconTerm | None = None) -> bool:
        # A shipped term would return at the next migrate: deactivate it instead.
        if obj is not None and obj.origin == LexiconTerm.Origin.DEFAULT:
            return False
        return super().has_delete_permission(request, obj)

    @admin.action(description=_("Activate"))
    def activate(self, request: HttpRequest, queryset: QuerySet[LexiconTerm]) -> None:
        _edited(queryset).update(is_active=True)

    @admin.action(description=_("Deactivate"))
    def deactivate(self, request: HttpRequest, queryset: QuerySet[LexiconTerm]) -> None:
        _edited(queryset).update(is_active=False)


def _edited(queryset: QuerySet[LexiconTerm]) -> QuerySet[LexiconTerm]:
    """Mark the shipped terms among `queryset` as staff-edited, so lexicon syncs keep them."""
    queryset.filter(origin=LexiconTerm.Origin.DEFAULT).update(edited_by_staff=True)
    return queryset


@admin.register(IngestFailure)
class IngestFailureAdmin(admin.ModelAdmin):
    list_display = ("created_at", "item", "stage", "reason", "source")
    list_filter = ("stage", "source__kind")
    search_fields = ("item", "reason")
    readonly_fields = ("source", "item", "stage", "reason", "created_at")
    date_hierarchy = "created_at"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
