"""Who sees and does what: visibility, editing, answers, conversations, meetings."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from taimei.opportunities import services
from taimei.opportunities.models import Opportunity
from taimei.opportunities.tests.factories import InterestFactory, OpportunityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def members_only(poster_org):
    return OpportunityFactory(
        slug="secret-deal", posted_by=poster_org, visibility=Opportunity.Visibility.MEMBERS
    )


@pytest.fixture
def public_post(poster_org):
    return OpportunityFactory(slug="open-call", posted_by=poster_org)


def _client_for(client, user):
    if user is not None:
        client.force_login(user)
    return client


@pytest.mark.parametrize(
    ("who", "sees"),
    [("anonymous", False), ("applicant", False), ("member", True), ("staff", True)],
)
def test_members_only_posts_are_hidden_from_the_public_and_applicants(
    client, request, members_only, public_post, who, sees
):
    user = None if who == "anonymous" else request.getfixturevalue(who)
    client = _client_for(client, user)

    detail = client.get(members_only.get_absolute_url())
    listing = client.get(reverse("opportunities:list"))
    api = client.get("/api/opportunities")

    assert detail.status_code == (200 if sees else 404)
    assert (b"secret-deal" in listing.content) is sees
    assert ("secret-deal" in [item["slug"] for item in api.json()["items"]]) is sees
    assert client.get(public_post.get_absolute_url()).status_code == 200


def test_list_page_query_count_does_not_grow_with_posts(client, django_assert_max_num_queries):
    posts = [OpportunityFactory(industries=["drones", "ai"]) for _ in range(3)]
    with django_assert_max_num_queries(12) as few:
        client.get(reverse("opportunities:list"))
    for _ in range(12):
        OpportunityFactory(industries=["drones"])
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("opportunities:list"))
    assert response.status_code == 200
    assert posts[0].title_zh.encode() in response.content or b"opportunit" in response.content


@pytest.mark.parametrize(
    ("who", "status"),
    [("poster", 200), ("staff", 200), ("member", 403), ("applicant", 403), ("anonymous", 302)],
)
def test_only_the_posting_organisation_and_staff_edit(client, request, public_post, who, status):
    user = None if who == "anonymous" else request.getfixturevalue(who)
    client = _client_for(client, user)
    url = reverse("opportunities:edit", args=[public_post.slug])
    assert client.get(url).status_code == status
    client.post(
        url,
        {"kind": "sourcing-request", "title_zh": "改過", "country": "TW", "visibility": "public"},
    )
    public_post.refresh_from_db()
    assert (public_post.title_zh == "改過") is (status == 200)


def test_close_by_a_stranger_is_refused_and_changes_nothing(client, member, public_post):
    client.force_login(member)
    response = client.post(
        reverse("opportunities:close", args=[public_post.slug]), {"status": "filled"}
    )
    public_post.refresh_from_db()
    assert response.status_code == 403
    assert public_post.status == Opportunity.Status.OPEN


def test_applicants_cannot_post_or_answer(client, applicant, public_post):
    client.force_login(applicant)
    assert client.get(reverse("opportunities:create")).status_code == 403
    response = client.post(
        reverse("opportunities:interest", args=[public_post.slug]), {"message": "hi"}
    )
    assert response.status_code == 403
    assert not public_post.interests.exists()


def test_a_poster_cannot_answer_its_own_post(client, poster, public_post):
    client.force_login(poster)
    response = client.post(
        reverse("opportunities:interest", args=[public_post.slug]),
        {"organization": public_post.posted_by_id, "message": "me"},
    )
    assert response.status_code == 403
    assert not public_post.interests.exists()


def test_only_the_poster_side_decides_answers(client, member, outsider, poster, public_post):
    interest = InterestFactory(opportunity=public_post)
    url = reverse("opportunities:interest-decide", args=[interest.pk])
    for stranger in (member, outsider):
        client.force_login(stranger)
        assert client.post(url, {"decision": "accept"}).status_code == 403
    interest.refresh_from_db()
    assert interest.status == "pending"
    client.force_login(poster)
    assert client.post(url, {"decision": "decline"}).status_code == 302
    interest.refresh_from_db()
    assert interest.status == "declined"


def test_answers_are_shown_to_the_poster_but_not_to_other_members(
    client, poster, outsider, public_post
):
    InterestFactory(opportunity=public_post, message="PRIVATE-PITCH")
    client.force_login(outsider)
    assert b"PRIVATE-PITCH" not in client.get(public_post.get_absolute_url()).content
    client.force_login(poster)
    assert b"PRIVATE-PITCH" in client.get(public_post.get_absolute_url()).content


@pytest.fixture
def conversation(poster, member, member_org, public_post):
    interest = services.interest_submit(
        user=member, opportunity=public_post, organization=member_org, message="CONFIDENTIAL"
    )
    return services.interest_decide(user=poster, interest=interest, accept=True)


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("poster", 200),
        ("member", 200),
        ("staff", 200),
        ("outsider", 404),
        ("applicant", 404),
        ("anonymous", 302),
    ],
)
def test_conversations_are_visible_only_to_the_two_organisations_and_staff(
    client, request, conversation, who, status
):
    user = None if who == "anonymous" else request.getfixturevalue(who)
    client = _client_for(client, user)
    response = client.get(conversation.get_absolute_url())
    assert response.status_code == status
    assert (b"CONFIDENTIAL" in response.content) is (status == 200)
    listing = client.get(reverse("opportunities:conversations"))
    if who in {"poster", "member"}:
        assert conversation.get_absolute_url().encode() in listing.content
    elif who != "anonymous":
        assert conversation.get_absolute_url().encode() not in listing.content


def test_outsiders_cannot_write_or_request_meetings(client, outsider, staff, conversation):
    for user in (outsider, staff):
        client.force_login(user)
        client.post(conversation.get_absolute_url(), {"body": "intrusion"})
        client.post(
            reverse("opportunities:meeting-new", args=[conversation.pk]),
            {"mode": "online", "duration_minutes": 60, "time_1": "2099-01-01T10:00"},
        )
    assert not conversation.messages.filter(body="intrusion").exists()
    assert not conversation.meetings.exists()


def test_meeting_calendar_and_answers_are_private(client, poster, member, outsider, conversation):
    start = timezone.now() + datetime.timedelta(days=3)
    meeting = services.meeting_request(
        user=poster,
        conversation=conversation,
        organization=conversation.first_organization,
        mode="online",
        location="https://meet.example/abc",
        duration_minutes=45,
        note="",
        times=[start],
    )
    services.meeting_respond(
        user=member,
        meeting=meeting,
        organization=conversation.second_organization,
        action="accept",
        slot_id=meeting.slots.get().pk,
    )
    ics = reverse("opportunities:meeting-ics", args=[meeting.pk])
    client.force_login(outsider)
    assert client.get(ics).status_code == 404
    assert (
        client.post(
            reverse("opportunities:meeting-answer", args=[meeting.pk]), {"action": "decline"}
        ).status_code
        == 404
    )
    client.force_login(member)
    assert client.get(ics).status_code == 200


def test_suggestions_are_shown_only_to_the_poster_side_and_staff(
    client, poster, member, staff, public_post, member_org
):
    public_post.title_en = "Drone flight controllers wanted"
    public_post.save()
    public_post.industries.set(["drones"])
    url = public_post.get_absolute_url()
    client.force_login(member)
    assert b'data-member="front-range"' not in client.get(url).content
    client.force_login(poster)
    page = client.get(url).content
    assert b'data-member="front-range"' in page and b"breakdown" not in page
    client.force_login(staff)
    assert b"breakdown" in client.get(url).content
    client.force_login(member)
    api = client.get(f"/api/opportunities/{public_post.slug}/matches")
    assert api.status_code == 403
