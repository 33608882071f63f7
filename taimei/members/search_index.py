"""What the member directory puts into site search: one document per organisation."""

from __future__ import annotations

from django.db.models import QuerySet

from taimei.members.models import Organization
from taimei.search.registry import IndexDocument, SearchIndex, Visibility


class OrganizationIndex(SearchIndex[Organization]):
    """Listed organisations, found by any of their names in any script, and by description."""

    kind = "member"
    model = Organization

    def queryset(self) -> QuerySet[Organization]:
        return Organization.objects.prefetch_related("industries")

    def document(self, instance: Organization) -> IndexDocument:
        names = instance.all_names
        return IndexDocument(
            kind=self.kind,
            pk=instance.pk,
            key=instance.slug,
            title=instance.name_zh or instance.name_en,
            names=names,
            body="\n".join(
                part
                for part in (instance.name_en, instance.description_zh, instance.description_en)
                if part
            ),
            url=instance.get_absolute_url(),
            source=instance.website,
            language="zh-Hant" if instance.name_zh else "en",
            date=instance.updated_at,
            facets={
                "industry": [industry.slug for industry in instance.industries.all()],
                "country": [instance.country],
                "member_kind": [instance.kind],
            },
        )

    def visibility(self, instance: Organization) -> Visibility:
        return "public" if instance.is_listed else "hidden"

    def synonyms(self) -> list[list[str]]:
        return [
            organization.all_names
            for organization in Organization.objects.filter(is_listed=True).only(
                "name_zh", "name_en", "aliases"
            )
        ]
