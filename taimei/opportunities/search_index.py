"""What opportunities put into site search: one document per post, plus glossary synonyms."""

from __future__ import annotations

from django.db.models import QuerySet

from taimei.opportunities.matching.glossary import concepts
from taimei.opportunities.models import Opportunity
from taimei.search.registry import IndexDocument, SearchIndex, Visibility


class OpportunityIndex(SearchIndex[Opportunity]):
    """Posts in both languages; members-only posts are found by members and staff only."""

    kind = "opportunity"
    model = Opportunity

    def queryset(self) -> QuerySet[Opportunity]:
        return Opportunity.objects.select_related("posted_by").prefetch_related("industries")

    def document(self, instance: Opportunity) -> IndexDocument:
        return IndexDocument(
            kind=self.kind,
            pk=instance.pk,
            key=instance.slug,
            title=instance.title_zh or instance.title_en,
            names=instance.posted_by.all_names,
            body="\n".join(
                part for part in (instance.title_en, instance.body_zh, instance.body_en) if part
            ),
            url=instance.get_absolute_url(),
            language="zh-Hant" if instance.title_zh else "en",
            date=instance.created_at,
            facets={
                "industry": [industry.slug for industry in instance.industries.all()],
                "country": [instance.country],
                "opportunity_kind": [instance.kind],
                "status": [instance.status],
            },
            recency=True,
        )

    def visibility(self, instance: Opportunity) -> Visibility:
        if not instance.posted_by.is_listed:
            return "hidden"
        if instance.visibility == Opportunity.Visibility.MEMBERS:
            return "members"
        return "public"

    def synonyms(self) -> list[list[str]]:
        """The bilingual glossary: 晶圓 finds "wafer" and the other way round."""
        return [[*concept.zh, *concept.en] for concept in concepts().values()]
