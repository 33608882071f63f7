"""In a real browser: staff open the dashboard, the charts draw, a quick range reloads them."""

from __future__ import annotations

import pytest

from taimei.accounts.tests.factories import PASSWORD, UserFactory
from taimei.dashboard.models import WatchTerm

from .factories import populate

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_see_the_charts_render_and_change_the_range(browser, live_server):
    populate(3)
    # Transactional tests run before this one flush the rows the migrations seeded.
    WatchTerm.objects.get_or_create(
        label_en="Section 232",
        defaults={"label_zh": "232條款", "terms": ["232條款", "Section 232"]},
    )
    staff = UserFactory(is_staff=True)
    context = browser.new_context(
        locale="en-US", timezone_id="Asia/Taipei", viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    outside = []
    page.on(
        "request",
        lambda request: (
            outside.append(request.url) if not request.url.startswith(live_server.url) else None
        ),
    )
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{live_server.url}/accounts/login/?next=/dashboard/")
    page.fill("input[name=username]", staff.email)
    page.fill("input[name=password]", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url("**/dashboard/**")

    # plotly.js draws an SVG into each chart; the tables below are there too.
    for key in ("members-domains", "news-topics", "opportunity-funnel", "watchlist-timelines"):
        chart = page.get_by_test_id(f"chart-{key}")
        chart.locator(".main-svg").first.wait_for(state="attached", timeout=60000)
    assert page.locator(".plotly-graph-div .main-svg").count() >= 8
    assert page.get_by_test_id("table-news-mentions").is_visible()

    page.get_by_role("link", name="Last 30 days").click()
    page.wait_for_function(
        "document.querySelector('[data-testid=dashboard-period]').innerText.includes('From')"
        " && location.search.includes('start=')"
    )
    page.get_by_test_id("chart-watchlist-timelines").locator(".main-svg").first.wait_for(
        state="attached", timeout=60000
    )
    assert page.locator("#panel-events").is_visible()
    assert errors == []
    assert outside == []
    context.close()
