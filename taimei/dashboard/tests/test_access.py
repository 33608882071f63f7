"""Who may see the dashboard: staff only; members get 403, visitors are sent to sign in."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

URLS = [
    reverse("dashboard"),
    reverse("dashboard:index"),
    reverse("dashboard:csv", kwargs={"key": "members-domains"}),
    reverse("dashboard:csv", kwargs={"key": "watchlist-articles"}),
]


@pytest.mark.parametrize("url", URLS)
def test_visitors_are_sent_to_sign_in(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert f"next={url}" in response["Location"].replace("%2F", "/")


@pytest.mark.parametrize("url", URLS)
def test_members_are_forbidden(client, member, url):
    client.force_login(member)
    assert client.get(url).status_code == 403


@pytest.mark.parametrize("url", URLS)
def test_staff_may_look(staff_client, url):
    assert staff_client.get(url).status_code == 200


def test_htmx_requests_are_checked_too(client, member):
    client.force_login(member)
    assert client.get(reverse("dashboard"), HTTP_HX_REQUEST="true").status_code == 403


def test_navigation_shows_the_dashboard_to_staff_only(client, staff_client, member):
    assert 'href="/dashboard/"' in staff_client.get(reverse("home")).content.decode()
    client.force_login(member)
    assert 'href="/dashboard/"' not in client.get(reverse("home")).content.decode()


def test_the_dashboard_only_reads(staff_client):
    assert staff_client.post(reverse("dashboard")).status_code == 405
