"""Relevance: queries people type, in Traditional, Simplified and English, with the documents
that must be in the top 10. Members come from the bundled demo directory; a few articles,
opportunities and events are lightweight index documents of our own."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command

from taimei.members.demo import demo_load
from taimei.search.backends import get_backend
from taimei.search.registry import IndexDocument
from taimei.search.selectors import search_run

pytestmark = pytest.mark.django_db

EXTRA = [
    IndexDocument(
        kind="article",
        pk=1,
        key="tsmc-arizona",
        title="台積電亞利桑那廠第二期動工",
        body="台積電位於美國亞利桑那州鳳凰城的晶圓廠進入第二期工程，供應鏈業者隨行赴美。",
        language="zh-Hant",
        facets={"topic": ["supply-chain"], "industry": ["semiconductors"]},
    ),
    IndexDocument(
        kind="article",
        pk=2,
        key="reciprocal-tariffs",
        title="美国对等关税对台湾出口冲击",
        body="美国宣布对等关税后，台湾出口商评估对美贸易影响。",
        language="zh-Hans",
        facets={"topic": ["trade"]},
    ),
    IndexDocument(
        kind="article",
        pk=3,
        key="section-232",
        title="Section 232 tariffs on semiconductors",
        body="The U.S. Commerce Department opened a Section 232 investigation into chip imports.",
        language="en",
        facets={"topic": ["trade"]},
    ),
    IndexDocument(
        kind="article",
        pk=4,
        key="procurement-guide",
        title="美國政府採購市場說明會",
        body="協助台灣廠商了解美國聯邦政府採購標案與投標資格。",
        facets={"topic": ["procurement"]},
    ),
    IndexDocument(
        kind="opportunity",
        pk=5,
        key="5",
        title="Drone startup seeks U.S. distribution partner",
        body="Taichung drone startup looking for distributors in Texas.",
        language="en",
        facets={"industry": ["drones"], "topic": ["startups"]},
    ),
    IndexDocument(
        kind="event",
        pk=6,
        key="6",
        title="台美新創媒合會",
        body="邀請台灣新創團隊與美國創投交流。",
        date=datetime(2026, 5, 1, tzinfo=UTC),
        facets={"topic": ["startups"]},
    ),
]

# (query, document that must be in the top 10): every thing asked in three forms.
CASES = [
    ("台積電", "tsmc"),
    ("台积电", "tsmc"),
    ("TSMC", "tsmc"),
    ("聯發科", "mediatek"),
    ("联发科", "mediatek"),
    ("MediaTek", "mediatek"),
    ("中鋼", "china-steel"),
    ("中钢", "china-steel"),
    ("China Steel", "china-steel"),
    ("台電", "taipower"),
    ("台电", "taipower"),
    ("Taipower", "taipower"),
    ("電電公會", "teema"),
    ("电电公会", "teema"),
    ("Taiwan Electrical and Electronic", "teema"),
    ("工研院", "itri"),
    ("工业技术研究院", "itri"),
    ("ITRI", "itri"),
    ("輝達", "nvidia"),
    ("英伟达", "nvidia"),
    ("Nvidia", "nvidia"),
    ("美台商會", "ustbc"),
    ("美台商会", "ustbc"),
    ("US-Taiwan Business Council", "ustbc"),
    ("外貿協會", "taitra"),
    ("外贸协会", "taitra"),
    ("TAITRA", "taitra"),
    ("華碩", "asus"),
    ("华硕", "asus"),
    ("ASUS", "asus"),
    ("台積電 亞利桑那", "tsmc-arizona"),
    ("台积电 亚利桑那", "tsmc-arizona"),
    ("TSMC Arizona", "tsmc-arizona"),
    ("對等關稅", "reciprocal-tariffs"),
    ("对等关税", "reciprocal-tariffs"),
    ("reciprocal tariffs 对等", "reciprocal-tariffs"),
    ("Section 232", "section-232"),
    ("232 tariff", "section-232"),
    ('"Section 232" semiconductors', "section-232"),
    ("政府採購", "procurement-guide"),
    ("政府采购", "procurement-guide"),
    ("政府採購 topic:procurement", "procurement-guide"),
    ("drone startup", "5"),
    ('"drone startup"', "5"),
    ("drones kind:opportunity", "5"),
    ("台美新創", "6"),
    ("台美新创", "6"),
    ("新創 kind:event", "6"),
    ("半導體產業協會", "tsia"),
    ("半导体产业协会", "tsia"),
    ("Taiwan Semiconductor Industry Association", "tsia"),
]


@pytest.fixture
def directory(backend_name):
    demo_load(stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("reindex")
    get_backend().upsert(EXTRA)


def test_recall_at_10_in_three_scripts(directory):
    misses = []
    for q, wanted in CASES:
        keys = [
            hit.key for hit in search_run(user=AnonymousUser(), q=q, per_page=10, facets=False).hits
        ]
        if wanted not in keys:
            misses.append((q, wanted, keys[:5]))
    recall = 1 - len(misses) / len(CASES)
    assert len(CASES) >= 51
    print(f"recall@10 = {recall:.3f} over {len(CASES)} queries; misses: {misses}")
    assert recall >= 0.95, misses


def test_exact_member_name_ranks_first(directory):
    for q, wanted in [("台積電", "tsmc"), ("MediaTek", "mediatek"), ("中钢", "china-steel")]:
        assert search_run(user=AnonymousUser(), q=q).hits[0].key == wanted
