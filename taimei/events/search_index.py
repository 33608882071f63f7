"""What events put into site search: one document per published or cancelled event."""

from __future__ import annotations

from django.db.models import QuerySet

from taimei.events.models import Event
from taimei.search.registry import IndexDocument, SearchIndex, Visibility


class EventIndex(SearchIndex[Event]):
    """Both titles and descriptions, the organiser's names, venue and city; drafts unseen."""

    kind = "event"
    model = Event

    def queryset(self) -> QuerySet[Event]:
        return Event.objects.select_related("organizer").prefetch_related("topics", "industries")

    def document(self, instance: Event) -> IndexDocument:
        organizer = instance.organizer
        country = "US" if instance.timezone.startswith(("America/", "Pacific/")) else "TW"
        return IndexDocument(
            kind=self.kind,
            pk=instance.pk,
            key=instance.slug,
            title=instance.title_zh or instance.title_en,
            names=organizer.all_names if organizer else (),
            body="\n".join(
                part
                for part in (
                    instance.title_en,
                    instance.description_zh,
                    instance.description_en,
                    instance.venue_zh,
                    instance.venue_en,
                    instance.city,
                )
                if part
            ),
            url=instance.get_absolute_url(),
            language="zh-Hant" if instance.title_zh else "en",
            date=instance.starts_at,
            facets={
                "topic": [topic.slug for topic in instance.topics.all()],
                "industry": [industry.slug for industry in instance.industries.all()],
                "country": [country],
                "event_kind": [instance.kind],
            },
        )

    def visibility(self, instance: Event) -> Visibility:
        return "staff" if instance.status == Event.Status.DRAFT else "public"
