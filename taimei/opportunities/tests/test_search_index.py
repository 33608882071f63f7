"""What opportunities put into site search, and who may find them."""

from __future__ import annotations

import pytest

from taimei.opportunities.models import Opportunity
from taimei.opportunities.search_index import OpportunityIndex
from taimei.opportunities.tests.factories import OpportunityFactory
from taimei.search.registry import index_for_kind

pytestmark = pytest.mark.django_db


def test_the_index_is_registered_and_respects_visibility(poster_org):
    assert isinstance(index_for_kind("opportunity"), OpportunityIndex)
    public = OpportunityFactory(posted_by=poster_org, industries=["drones"], title_zh="無人機")
    members = OpportunityFactory(posted_by=poster_org, visibility=Opportunity.Visibility.MEMBERS)
    documents = dict(OpportunityIndex().documents())
    assert documents[public.pk].visibility == "public"
    assert documents[public.pk].facets["industry"] == ["drones"]
    assert "天鷹無人機" in documents[public.pk].names
    assert documents[members.pk].visibility == "members"
    poster_org.is_listed = False
    poster_org.save()
    assert all(document is None for document in dict(OpportunityIndex().documents()).values())


def test_glossary_synonyms_let_search_cross_languages():
    groups = OpportunityIndex().synonyms()
    assert any({"晶圓", "wafer"} <= set(group) for group in groups)
