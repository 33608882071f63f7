"""API: opportunities, matches and interests with the site's permissions."""

from __future__ import annotations

import pytest

from taimei.accounts.services import api_token_issue
from taimei.opportunities.models import Interest, Opportunity
from taimei.opportunities.tests.factories import OpportunityFactory

pytestmark = pytest.mark.django_db


def _auth(user):
    return {"HTTP_AUTHORIZATION": f"Bearer {api_token_issue(user=user, name='t')[1]}"}


def test_post_answer_and_decide_through_the_api(client, poster, member, poster_org, member_org):
    created = client.post(
        "/api/opportunities",
        {
            "posted_by": "skyhawk",
            "kind": "supply-offer",
            "title_zh": "商用無人機",
            "title_en": "Commercial drones",
            "industries": ["drones"],
            "country": "TW",
        },
        content_type="application/json",
        **_auth(poster),
    )
    assert created.status_code == 201, created.content
    slug = created.json()["slug"]
    matches = client.get(f"/api/opportunities/{slug}/matches", **_auth(poster)).json()
    assert matches[0]["member"] == "front-range" and matches[0]["reasons"]
    assert matches[0]["breakdown"] is None

    answer = client.post(
        f"/api/opportunities/{slug}/interests",
        {"organization": "front-range", "message": "Interested"},
        content_type="application/json",
        **_auth(member),
    )
    assert answer.status_code == 201
    refused = client.post(
        f"/api/interests/{answer.json()['id']}/decision",
        {"accept": True},
        content_type="application/json",
        **_auth(member),
    )
    assert refused.status_code == 403
    decided = client.post(
        f"/api/interests/{answer.json()['id']}/decision",
        {"accept": True},
        content_type="application/json",
        **_auth(poster),
    )
    assert decided.json()["status"] == Interest.Status.ACCEPTED


def test_posting_for_another_organisation_or_with_bad_values_is_refused(client, member):
    other = client.post(
        "/api/opportunities",
        {"posted_by": "skyhawk", "kind": "job", "title_en": "x", "country": "US"},
        content_type="application/json",
        **_auth(member),
    )
    assert other.status_code == 403
    bad = client.post(
        "/api/opportunities",
        {"posted_by": "front-range", "kind": "barter", "title_en": "x", "country": "US"},
        content_type="application/json",
        **_auth(member),
    )
    assert bad.status_code == 422 and "kind must be one of" in bad.json()["detail"]
    assert not Opportunity.objects.exists()


def test_staff_see_the_breakdown_and_members_see_their_for_you(client, staff, member, poster_org):
    OpportunityFactory(
        slug="drones",
        kind="supply-offer",
        posted_by=poster_org,
        industries=["drones"],
        title_en="Drones for sale",
    )
    staff_view = client.get("/api/opportunities/drones/matches", **_auth(staff)).json()
    assert set(staff_view[0]["breakdown"]) >= {"kind", "industry", "text", "cross_border"}
    mine = client.get("/api/members/front-range/matches", **_auth(member)).json()
    assert [row["opportunity"] for row in mine] == ["drones"]
    assert client.get("/api/members/skyhawk/matches", **_auth(member)).status_code == 403


def test_patch_closes_and_strangers_cannot(client, poster, member, poster_org):
    OpportunityFactory(slug="x", posted_by=poster_org)
    assert (
        client.patch(
            "/api/opportunities/x",
            {"status": "filled"},
            content_type="application/json",
            **_auth(member),
        ).status_code
        == 403
    )
    response = client.patch(
        "/api/opportunities/x",
        {"status": "filled"},
        content_type="application/json",
        **_auth(poster),
    )
    assert response.json()["status"] == "filled" and response.json()["is_open"] is False
