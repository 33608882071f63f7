"""A real browser opens the home page and the directory, switches language, takes a screenshot."""

from __future__ import annotations

import pytest

from taimei.members.tests.factories import OrganizationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="zh-TW", viewport={"width": 1280, "height": 900})
    return context.new_page()


def test_home_directory_and_language_switch(page, live_server, artifacts):
    OrganizationFactory(
        slug="tsmc",
        name_zh="台灣積體電路製造",
        name_en="TSMC",
        aliases=["台積電"],
        industries=["semiconductors"],
    )
    OrganizationFactory(
        slug="ustbc",
        name_zh="美台商業協會",
        name_en="US-Taiwan Business Council",
        country="US",
        kind="partner-organisation",
    )

    page.goto(live_server.url + "/")
    assert "台美企業聯盟" in page.content()
    page.get_by_role("link", name="會員名錄").first.click()
    page.wait_for_url("**/members/")
    assert page.get_by_test_id("result-count").inner_text().startswith("2")

    directory_search = page.get_by_role("searchbox", name="搜尋會員名錄")
    directory_search.fill("台积电")  # a Simplified query finds the Traditional alias
    page.keyboard.press("Enter")
    page.wait_for_function(
        "document.querySelector('[data-testid=result-count]').innerText.startsWith('1')"
    )
    assert "台灣積體電路製造" in page.inner_text("#results")
    page.screenshot(path=str(artifacts / "directory-zh.png"), full_page=True)

    page.get_by_test_id("lang-switch").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert "Member directory" in page.content()
    page.screenshot(path=str(artifacts / "directory-en.png"), full_page=True)
