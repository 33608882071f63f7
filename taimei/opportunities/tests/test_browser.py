"""In a real browser: a member posts, another answers, the poster accepts and asks to meet,
the other accepts the meeting and downloads it for a calendar."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from django.utils import timezone

from taimei.accounts.tests.factories import PASSWORD
from taimei.members.models import Person
from taimei.members.tests.factories import OrganizationFactory, PersonFactory
from taimei.opportunities.models import Meeting, Opportunity

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _signed_in(browser, live_server, email):
    context = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    page.goto(live_server.url + "/accounts/login/")
    page.fill("input[name=username]", email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    return page


def test_from_posting_to_an_accepted_meeting(browser, live_server, artifacts):
    skyhawk = OrganizationFactory(
        slug="skyhawk",
        name_zh="天鷹無人機",
        name_en="SkyHawk Drones",
        country="TW",
        industries=["drones"],
        domains=["trade"],
    )
    front_range = OrganizationFactory(
        slug="front-range",
        name_zh="",
        name_en="Front Range Autonomy",
        country="US",
        industries=["drones"],
        domains=["trade", "industry"],
        description_en="We build UAVs and buy flight controllers.",
    )
    poster = PersonFactory(organization=skyhawk, role=Person.Role.ORG_ADMIN).user
    buyer = PersonFactory(organization=front_range).user

    # 1. The Taiwanese member posts an offer.
    page = _signed_in(browser, live_server, poster.email)
    page.goto(live_server.url + "/opportunities/")
    page.get_by_test_id("post-opportunity").click()
    page.select_option("select[name=kind]", "supply-offer")
    page.fill("input[name=title_zh]", "商用無人機尋求美國買家")
    page.fill("input[name=title_en]", "Commercial drones for U.S. buyers")
    page.fill(
        "textarea[name=body_en]", "NDAA-compliant mapping UAVs with our own flight controllers."
    )
    page.check("input[name=industries][value=drones]")
    page.select_option("select[name=country]", "TW")
    page.get_by_test_id("save-opportunity").click()
    page.wait_for_url("**/opportunities/commercial-drones-for-us-buyers/")
    assert "Commercial drones for U.S. buyers" in page.content()
    # The suggested counterparty is the U.S. buyer, with reasons the poster can check.
    suggestion = page.locator("[data-member=front-range]")
    assert "Shared industries: Drones" in suggestion.inner_text()
    page.screenshot(path=str(artifacts / "opportunity-posted.png"), full_page=True)

    # 2. The U.S. member finds it and expresses interest.
    other = _signed_in(browser, live_server, buyer.email)
    other.goto(live_server.url + "/opportunities/for-you/")
    other.locator("[data-opportunity=commercial-drones-for-us-buyers] a.card-title").click()
    other.fill("textarea[name=message]", "We buy 2,000 UAVs a year. Let's talk.")
    other.get_by_test_id("send-interest").click()
    other.wait_for_load_state()
    assert "Your interest was sent" in other.content()

    # 3. The poster accepts, which opens the conversation, and requests a meeting.
    page.goto(live_server.url + "/opportunities/notifications/")
    page.get_by_test_id("notification").first.locator("a").click()
    page.get_by_test_id("accept-interest").click()
    page.wait_for_url("**/conversations/*/")
    assert "We buy 2,000 UAVs a year." in page.content()
    page.get_by_test_id("request-meeting").click()
    page.select_option("select[name=mode]", "online")
    page.fill("input[name=location]", "https://meet.example/skyhawk")
    first = timezone.localtime() + datetime.timedelta(days=3)
    second = first + datetime.timedelta(days=1)
    page.fill("input[name=time_1]", first.strftime("%Y-%m-%dT10:00"))
    page.fill("input[name=time_2]", second.strftime("%Y-%m-%dT15:30"))
    page.get_by_test_id("send-meeting-request").click()
    page.wait_for_url("**/conversations/*/")
    assert page.get_by_test_id("meeting").get_attribute("data-status") == "proposed"

    # 4. The U.S. member picks the second time and accepts.
    other.goto(live_server.url + "/opportunities/conversations/")
    other.locator("a.card-title").first.click()
    other.locator("input[name=slot]").nth(1).check()
    other.get_by_test_id("accept-meeting").click()
    other.wait_for_load_state()
    meeting_section = other.get_by_test_id("meeting")
    assert meeting_section.get_attribute("data-status") == "accepted"
    assert second.strftime("%Y-%m-%d 15:30") in other.get_by_test_id("agreed-time").inner_text()
    other.screenshot(path=str(artifacts / "meeting-accepted.png"), full_page=True)
    with other.expect_download() as download:
        other.get_by_test_id("ics").click()
    assert b"BEGIN:VEVENT" in Path(download.value.path()).read_bytes()

    meeting = Meeting.objects.get()
    assert meeting.status == Meeting.Status.ACCEPTED
    assert Opportunity.objects.get().interests.get().status == "accepted"
