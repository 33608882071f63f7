"""The matching engine: glossary, scoring rules, retrieval equal to brute force, feedback."""

from __future__ import annotations

import json
import random

import pytest
from django.core.management import call_command

from taimei.members.tests.factories import OrganizationFactory
from taimei.opportunities import services
from taimei.opportunities.conf import DEFAULT_MATCH_WEIGHTS, match_weights
from taimei.opportunities.matching import engine
from taimei.opportunities.matching.features import member_features, opportunity_features
from taimei.opportunities.matching.glossary import find_concepts, synonyms
from taimei.opportunities.matching.retrieval import MemberIndex, OpportunityIndex
from taimei.opportunities.matching.scorer import score_pair
from taimei.opportunities.models import Opportunity
from taimei.opportunities.tests.factories import OpportunityFactory


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("徵求矽晶圓供應商", "wafer"),
        ("寻找晶圆代工厂", "foundry"),
        ("Silicon WAFERS for our fab", "wafer"),
        ("無人機飛控", "drone"),
        ("UAV airframes", "drone"),
        ("ＡＩ伺服器", "ai-server"),
        ("small modular reactors", "smr"),
    ],
)
def test_glossary_finds_concepts_across_languages_scripts_and_widths(text, concept):
    assert concept in find_concepts(text)


def test_glossary_reports_the_surface_as_written_and_matches_whole_words_only():
    found = find_concepts("我們需要晶圓 and drones")
    assert found["wafer"] == "晶圓"
    assert "drone" in found
    assert "ai" not in find_concepts("Email us at waiting@example.com")


def test_synonyms_cross_languages():
    assert {"晶圓", "wafer"} <= set(synonyms("wafers"))


def _member(
    id, slug, country, *, industries=(), domains=("trade", "industry"), text="", kind="company"
):
    return member_features(
        id=id,
        slug=slug,
        country=country,
        kind=kind,
        industries=industries,
        domains=domains,
        names=[slug],
        description=text,
    )


def _post(
    kind="sourcing-request", industries=(), text="", poster_id=1, country="US", mentions=None
):
    features = opportunity_features(
        id=100,
        slug="post",
        kind=kind,
        poster_id=poster_id,
        poster_country=country,
        industries=industries,
        text=text,
    )
    if mentions:
        object.__setattr__(features, "mentions", mentions)
    return features


def test_cross_lingual_text_evidence_and_reasons_a_person_can_check():
    post = _post(industries=["drones"], text="Seeking UAV flight controllers")
    supplier = _member(2, "skyhawk", "TW", industries=["drones"], text="生產無人機與飛控")
    match = score_pair(post, supplier, weights=DEFAULT_MATCH_WEIGHTS)
    assert match.eligible
    assert set(match.shared_concepts) == {"drone", "drone-parts"}
    reasons = " | ".join(match.reasons())
    assert "“UAV” in the post ↔ “無人機” in the profile" in reasons
    assert "Shared industries: Drones" in reasons
    assert "Cross-border" in reasons and "supplier" in reasons


def test_the_poster_and_members_with_no_evidence_are_never_eligible():
    post = _post(industries=["drones"], text="drones", poster_id=2)
    assert not score_pair(
        post, _member(2, "self", "US", industries=["drones"]), weights=DEFAULT_MATCH_WEIGHTS
    ).eligible
    unrelated = _member(3, "bank", "TW", industries=["finance"], domains=["investment"])
    assert not score_pair(post, unrelated, weights=DEFAULT_MATCH_WEIGHTS).eligible


def test_cross_border_ranks_the_other_side_of_the_pacific_first():
    post = _post(industries=["machinery"], text="CNC spindles")
    taiwan = _member(2, "tw-maker", "TW", industries=["machinery"], text="CNC spindles")
    us = _member(3, "us-maker", "US", industries=["machinery"], text="CNC spindles")
    ranked = MemberIndex([us, taiwan]).top(post, weights=DEFAULT_MATCH_WEIGHTS, limit=2)
    assert [m.member.slug for m in ranked] == ["tw-maker", "us-maker"]


def test_weights_are_tunable_in_settings(settings):
    settings.TAIMEI_MATCH_WEIGHTS = {"cross_border": 0}
    assert match_weights()["cross_border"] == 0
    assert match_weights()["text"] == DEFAULT_MATCH_WEIGHTS["text"]


def _random_population(seed):
    rng = random.Random(seed)
    industries = ["drones", "semiconductors", "machinery", "ai", "finance", "logistics"]
    words = [
        "無人機",
        "wafer",
        "晶圓",
        "CNC spindle",
        "主軸",
        "logistics",
        "物流",
        "AI伺服器",
        "drone",
    ]
    members = [
        _member(
            i,
            f"m{i:03d}",
            rng.choice(["TW", "US"]),
            industries=rng.sample(industries, rng.randint(0, 2)),
            domains=rng.sample(["trade", "investment", "talent", "startups", "industry"], 2),
            kind=rng.choice(["company", "association", "government"]),
            text=" ".join(rng.sample(words, rng.randint(0, 3))),
        )
        for i in range(1, 300)
    ]
    posts = [
        opportunity_features(
            id=1000 + j,
            slug=f"p{j:03d}",
            kind=rng.choice(list(DEFAULT_KINDS)),
            poster_id=rng.randint(1, 299),
            poster_country=rng.choice(["TW", "US"]),
            industries=rng.sample(industries, rng.randint(0, 2)),
            text=" ".join(rng.sample(words, rng.randint(1, 3))),
        )
        for j in range(120)
    ]
    return members, posts


DEFAULT_KINDS = ("sourcing-request", "supply-offer", "investment-seeking", "job", "partnership")


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_retrieval_ranks_exactly_like_brute_force(seed):
    members, posts = _random_population(seed)
    member_index, post_index = MemberIndex(members), OpportunityIndex(posts)
    dismissed = [members[5].signature, members[17].signature]
    for post in posts[:25]:
        fast = member_index.top(post, weights=DEFAULT_MATCH_WEIGHTS, limit=10, dismissed=dismissed)
        slow = member_index.brute_force(
            post, weights=DEFAULT_MATCH_WEIGHTS, limit=10, dismissed=dismissed
        )
        assert [m.member.slug for m in fast] == [m.member.slug for m in slow]
        assert [round(m.score, 9) for m in fast] == [round(m.score, 9) for m in slow]
    for member in members[:25]:
        fast = post_index.top(member, weights=DEFAULT_MATCH_WEIGHTS, limit=10)
        slow = post_index.brute_force(member, weights=DEFAULT_MATCH_WEIGHTS, limit=10)
        assert [m.opportunity.slug for m in fast] == [m.opportunity.slug for m in slow]


@pytest.fixture
def drone_market(db, poster_org, member_org):
    rival = OrganizationFactory(
        slug="rocky-drones",
        name_en="Rocky Drones",
        country="US",
        industries=["drones"],
        domains=["industry", "trade"],
        description_en="UAV maker buying components.",
    )
    post = OpportunityFactory(
        slug="drone-offer",
        kind="supply-offer",
        posted_by=poster_org,
        industries=["drones"],
        title_zh="商用無人機尋求美國買家",
        title_en="Commercial drones for U.S. buyers",
    )
    return post, rival


def test_closed_posts_and_the_poster_are_never_suggested(drone_market, poster_org):
    post, _rival = drone_market
    slugs = [m.member.slug for m in engine.matches_for_opportunity(post, limit=10)]
    assert "front-range" in slugs and "skyhawk" not in slugs
    post.status = Opportunity.Status.FILLED
    post.save()
    assert engine.matches_for_opportunity(post, limit=10) == []
    engine._cache.clear()
    for_you = engine.opportunities_for_member(
        OrganizationFactory._meta.model.objects.get(slug="front-range"),
        limit=10,
        members_only_visible=True,
    )
    assert "drone-offer" not in [m.opportunity.slug for m in for_you]


def test_not_relevant_is_remembered_and_lowers_similar_suggestions(
    drone_market, poster, member_org
):
    post, _rival = drone_market
    before = {m.member.slug: m.score for m in engine.matches_for_opportunity(post, limit=10)}
    services.match_dismiss(
        user=poster, opportunity=post, organization=member_org, by_organization=post.posted_by
    )
    after = {m.member.slug: m for m in engine.matches_for_opportunity(post, limit=10)}
    assert "front-range" not in after
    assert after["rocky-drones"].score < before["rocky-drones"]
    assert after["rocky-drones"].parts["feedback"] > 0
    assert any("not relevant" in reason for reason in after["rocky-drones"].reasons())


def test_members_dismissing_a_post_lowers_similar_posts_for_them(
    drone_market, member, member_org, poster_org
):
    post, _rival = drone_market
    similar = OpportunityFactory(
        slug="more-drones",
        kind="supply-offer",
        posted_by=poster_org,
        industries=["drones"],
        title_en="Inspection drones for U.S. buyers",
    )
    before = {
        m.opportunity.slug: m.score
        for m in engine.opportunities_for_member(member_org, limit=10, members_only_visible=True)
    }
    services.match_dismiss(
        user=member, opportunity=post, organization=member_org, by_organization=member_org
    )
    after = {
        m.opportunity.slug: m.score
        for m in engine.opportunities_for_member(member_org, limit=10, members_only_visible=True)
    }
    assert "drone-offer" in before and "drone-offer" not in after
    assert after[similar.slug] < before[similar.slug]


def test_match_command_prints_the_design_json(drone_market, capsys):
    call_command("match", "drone-offer", "--limit", "2", "--format", "json")
    rows = json.loads(capsys.readouterr().out)
    assert 1 <= len(rows) <= 2
    assert set(rows[0]) == {"member", "score", "reasons"}
    assert rows[0]["member"] in {"front-range", "rocky-drones"}
    assert all(isinstance(reason, str) for reason in rows[0]["reasons"])


def test_match_command_rejects_an_unknown_slug(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="no opportunity"):
        call_command("match", "nope", "--format", "json")


def test_for_you_page_shows_reasons_and_dismissal_hides_the_post(client, drone_market, member):
    client.force_login(member)
    page = client.get("/opportunities/for-you/").content.decode()
    assert 'data-opportunity="drone-offer"' in page and "Shared industries" in page
    response = client.post(
        "/opportunities/for-you/drone-offer/not-relevant/",
        {"organization": "front-range"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200 and response.content == b""
    assert (
        'data-opportunity="drone-offer"'
        not in client.get("/opportunities/for-you/").content.decode()
    )
