"""In a real browser: filter the news hub (htmx swaps the results), open an article, follow an
entity to the member's profile."""

from __future__ import annotations

import pytest

from taimei.core.services import taxonomy_sync
from taimei.members.tests.factories import OrganizationFactory
from taimei.news.tests.factories import ArticleFactory, MentionFactory, TopicLabelFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_filter_the_hub_and_follow_an_entity_to_the_member(browser, live_server):
    taxonomy_sync()  # a transactional test may start after another one emptied the tables
    tsmc = OrganizationFactory(slug="tsmc", name_zh="台積電", name_en="TSMC")
    trade = ArticleFactory(title="台積電受232條款影響", text="台積電表示將評估關稅影響。")
    TopicLabelFactory(article=trade, topic_id="trade", evidence=["232條款"])
    MentionFactory(article=trade, organization=tsmc, start=0, end=3)
    startups = ArticleFactory(title="新創團赴奧斯汀")
    TopicLabelFactory(article=startups, topic_id="startups", evidence=["新創"])

    context = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    page.goto(live_server.url + "/news/")
    assert page.locator("[data-testid=article]").count() == 2

    page.select_option("select[name=topic]", "trade")
    page.wait_for_function("document.querySelectorAll('[data-testid=article]').length === 1")
    assert "topic=trade" in page.url  # pushed, so the filtered view can be shared
    page.get_by_role("link", name="台積電受232條款影響").click()
    page.wait_for_load_state()
    assert "232條款 →" in page.locator("[data-testid=topics]").inner_text()

    page.locator("[data-testid=article-body] a.entity").click()
    page.wait_for_load_state()
    assert page.url.endswith("/members/tsmc/")
    context.close()
