"""Talent and startup profiles: matched like organisations for job, talent and investor posts."""

from __future__ import annotations

import pytest
from django.urls import reverse

from taimei.members.models import Person
from taimei.members.tests.factories import OrganizationFactory, PersonFactory
from taimei.opportunities.matching import engine
from taimei.opportunities.models import StartupProfile, TalentProfile
from taimei.opportunities.tests.factories import OpportunityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def fab_job(member_org):
    return OpportunityFactory(
        slug="fab-engineers",
        kind="job",
        posted_by=member_org,
        industries=["semiconductors"],
        title_zh="",
        title_en="Wafer process engineers in Arizona",
    )


def _profile(user, **fields):
    profile = TalentProfile.objects.create(
        user=user, looking_for="job", country=fields.pop("country", "TW"), **fields
    )
    profile.industries.set(["semiconductors"])
    return profile


def test_people_are_suggested_for_job_posts_with_cross_lingual_evidence(
    client, fab_job, member, poster, outsider
):
    engineer = _profile(
        poster, headline_zh="製程工程師", skills="晶圓製程; 蝕刻", languages=["zh", "en"]
    )
    _profile(outsider, skills="晶圓", is_visible=False)
    colleague = _profile(member, skills="wafer process")  # the poster's own staff
    matches = engine.people_for_opportunity(fab_job, limit=10)
    assert [m.member.id for m in matches] == [engineer.pk]
    assert colleague.pk not in [m.member.id for m in matches]
    reasons = " ".join(matches[0].reasons())
    assert "“Wafer” in the post ↔ “晶圓” in the profile" in reasons
    client.force_login(member)
    page = client.get(fab_job.get_absolute_url()).content.decode()
    assert f'data-person="{engineer.pk}"' in page and "中文, English" in page


def test_people_are_not_suggested_for_other_kinds_or_to_other_members(
    client, fab_job, poster, outsider
):
    _profile(poster, skills="晶圓製程")
    client.force_login(outsider)
    assert "data-person" not in client.get(fab_job.get_absolute_url()).content.decode()
    fab_job.kind = "sourcing-request"
    fab_job.save()
    assert engine.people_for_opportunity(fab_job, limit=10) == []


def test_a_raising_startup_becomes_an_investment_target(poster_org):
    startup = OrganizationFactory(
        slug="qubit-start",
        name_en="Qubit Start",
        country="US",
        industries=["quantum"],
        domains=["industry"],
    )
    fund = OpportunityFactory(
        slug="quantum-fund",
        kind="investment-offer",
        posted_by=poster_org,
        industries=["quantum"],
        title_en="We invest in quantum startups",
    )
    before = {m.member.slug: m for m in engine.matches_for_opportunity(fund, limit=10)}
    assert before["qubit-start"].parts["kind"] == 0
    StartupProfile.objects.create(
        organization=startup, stage="seed", raising=True, pitch_en="Cryogenic qubit control"
    )
    startup.save()
    after = {m.member.slug: m for m in engine.matches_for_opportunity(fund, limit=10)}
    assert after["qubit-start"].parts["kind"] == 1
    assert "investment target" in " ".join(after["qubit-start"].reasons())


def test_profile_pages_and_who_may_edit_them(client, member, member_org, applicant, outsider):
    client.force_login(applicant)
    assert client.get(reverse("opportunities:talent-profile")).status_code == 403
    client.force_login(member)
    response = client.post(
        reverse("opportunities:talent-profile"),
        {
            "skills": "無人機飛控",
            "looking_for": "job",
            "country": "US",
            "languages": ["zh"],
            "industries": ["drones"],
            "is_visible": "on",
        },
    )
    assert response.status_code == 302
    assert TalentProfile.objects.get(user=member).languages == ["zh"]
    url = reverse("opportunities:startup-profile", args=[member_org.slug])
    client.force_login(outsider)
    assert client.get(url).status_code == 403
    admin = PersonFactory(organization=member_org, role=Person.Role.ORG_ADMIN).user
    client.force_login(admin)
    bad = client.post(url, {"stage": "seed", "round_size": "1000000"})
    assert b"Say which currency the amount is in." in bad.content
    client.post(url, {"stage": "seed", "raising": "on", "round_size": "1000000", "currency": "USD"})
    assert StartupProfile.objects.get(organization=member_org).raising
