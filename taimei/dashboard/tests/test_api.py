"""The dashboard API: staff only (token or session), same figures as the page."""

import datetime

import pytest
from django.utils import timezone

from taimei.accounts.services import api_token_issue
from taimei.members.tests.factories import OrganizationFactory
from taimei.news.tests.factories import MentionFactory

from .factories import article, populate

pytestmark = pytest.mark.django_db
ENDPOINTS = [
    "/api/dashboard/members",
    "/api/dashboard/news-topics",
    "/api/dashboard/mentions",
    "/api/dashboard/opportunity-funnel",
    "/api/dashboard/event-attendance",
    "/api/dashboard/watchlists",
]


@pytest.mark.parametrize("url", ENDPOINTS)
def test_visitors_are_unauthorised_and_members_forbidden(client, member, url):
    assert client.get(url).status_code == 401
    _token, raw = api_token_issue(user=member, name="script")
    response = client.get(url, headers={"Authorization": f"Bearer {raw}"})
    assert response.status_code == 403


@pytest.mark.parametrize("url", ENDPOINTS)
def test_staff_token_reads_every_panel(client, staff, url):
    populate(1)
    _token, raw = api_token_issue(user=staff, name="script")
    today = timezone.localdate()
    params = {"start": (today - datetime.timedelta(days=30)).isoformat(), "end": today.isoformat()}
    response = client.get(url, params, headers={"Authorization": f"Bearer {raw}"})
    assert response.status_code == 200
    assert response.json()["period"] == {**params, "granularity": "week"}


def test_mentions_and_watchlists_carry_the_figures(staff_client):
    tsmc = OrganizationFactory(slug="tsmc", name_en="TSMC")
    MentionFactory(article=article("對等關稅衝擊"), organization=tsmc)
    mentions = staff_client.get("/api/dashboard/mentions").json()["members"]
    assert [(m["slug"], m["articles"], m["url"]) for m in mentions] == [
        ("tsmc", 1, "/members/tsmc/")
    ]
    watchlists = staff_client.get("/api/dashboard/watchlists").json()["watchlists"]
    reciprocal = next(w for w in watchlists if w["label"] == "Reciprocal tariffs")
    assert sum(reciprocal["counts"]) == 1
    assert reciprocal["latest"][0]["title"] == "對等關稅衝擊"


def test_bad_period_is_a_clear_422(staff_client):
    response = staff_client.get(
        "/api/dashboard/members", {"start": "2025-03-01", "end": "2025-01-01"}
    )
    assert response.status_code == 422
    assert "start date" in response.json()["detail"]
    assert staff_client.get("/api/dashboard/members", {"start": "garbage"}).status_code == 422
    assert staff_client.get("/api/dashboard/members", {"granularity": "x"}).status_code == 422


def test_endpoints_are_in_the_openapi_schema(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    assert set(ENDPOINTS) <= set(paths)
