"""In a real browser: a member registers, is waitlisted, is promoted when someone cancels,
requests a meeting that is accepted and scheduled, and sees it on the agenda."""

from __future__ import annotations

import pytest

from taimei.accounts.tests.factories import PASSWORD
from taimei.events.models import Registration
from taimei.events.services import meeting_grid_define
from taimei.members.tests.factories import OrganizationFactory, PersonFactory

from .factories import EventFactory, RegistrationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def signed_in(browser, live_server, email):
    context = browser.new_context(
        locale="en-US", timezone_id="Asia/Taipei", viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", email)
    page.fill("input[name=password]", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    return page


def test_register_waitlist_promotion_meeting_and_agenda(browser, live_server, artifacts):
    event = EventFactory(
        slug="b2b-day",
        title_en="B2B matchmaking day",
        capacity=2,
        audience="members",
        meetings_enabled=True,
    )
    meeting_grid_define(
        event=event, first_start=event.starts_at, minutes=30, count=2, gap=0, tables=1
    )
    member = PersonFactory(
        organization=OrganizationFactory(name_en="Fenghe Precision"), user__full_name="Wu Pei-shan"
    ).user
    holder = PersonFactory(user__full_name="Seat Holder").user
    buyer = PersonFactory(
        organization=OrganizationFactory(name_en="Lone Star DC", country="US"),
        user__full_name="Marcus Bell",
    ).user
    RegistrationFactory(event=event, user=holder, attendee_name="Seat Holder")
    RegistrationFactory(
        event=event,
        user=buyer,
        attendee_name="Marcus Bell",
        organization_name="Lone Star DC",
        participant_type="buyer",
        country="US",
    )

    # The member registers and lands on the waitlist: the event is full.
    page = signed_in(browser, live_server, member.email)
    page.goto(f"{live_server.url}/events/")
    page.get_by_role("link", name="B2B matchmaking day").click()
    page.get_by_test_id("register-link").click()
    form = page.get_by_test_id("registration-form")
    assert form.locator("input[name=attendee_name]").input_value() == "Wu Pei-shan"
    form.locator("select[name=participant_type]").select_option("seller")
    form.locator("input[name=dietary_notes]").fill("Vegetarian")
    form.locator("input[name=consent]").check()
    form.locator("button[type=submit]").click()
    page.wait_for_url("**/events/b2b-day/")
    assert page.get_by_test_id("registration-status").inner_text() == "On the waitlist"
    assert "number 1 in line" in page.get_by_test_id("registration-box").inner_text()

    # Someone cancels in their own browser; the member is promoted.
    other = signed_in(browser, live_server, holder.email)
    other.goto(f"{live_server.url}/events/b2b-day/")
    other.get_by_test_id("cancel-registration").click()
    other.wait_for_load_state()
    page.reload()
    assert page.get_by_test_id("registration-status").inner_text() == "Confirmed"
    assert Registration.objects.get(user=member, event=event).dietary_notes == "Vegetarian"

    # The member asks the buyer for a meeting; the buyer accepts in their browser.
    page.get_by_role("link", name="B2B meetings").click()
    row = page.get_by_role("row").filter(has_text="Marcus Bell")
    row.locator("input[name=message]").fill("We make CNC spindles.")
    row.get_by_test_id("request-meeting").click()
    page.wait_for_load_state()
    assert "Requested" in page.get_by_test_id("outgoing").inner_text()

    partner = signed_in(browser, live_server, buyer.email)
    partner.goto(f"{live_server.url}/events/b2b-day/meetings/")
    assert "We make CNC spindles." in partner.get_by_test_id("incoming").inner_text()
    partner.get_by_test_id("accept").click()
    partner.wait_for_load_state()

    # The scheduler has placed it: it is on the member's agenda with a time and a table.
    page.get_by_test_id("agenda-link").click()
    page.wait_for_url("**/agenda/")
    agenda = page.get_by_test_id("agenda").inner_text()
    assert "Marcus Bell" in agenda and "Lone Star DC" in agenda and "T01" in agenda
    page.screenshot(path=str(artifacts / "events-agenda.png"), full_page=True)
