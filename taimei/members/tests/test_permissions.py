"""Who may see and edit what in the directory, on the site and through the API."""

from __future__ import annotations

import pytest
from django.urls import reverse

from taimei.accounts.models import ApiToken
from taimei.accounts.services import api_token_issue
from taimei.accounts.tests.factories import PASSWORD, UserFactory
from taimei.members.models import MembershipApplication, Person
from taimei.members.tests.factories import OrganizationFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def own_org_admin():
    return PersonFactory(role=Person.Role.ORG_ADMIN, email="admin@own.example")


def test_org_admin_edits_own_organisation(client, own_org_admin):
    client.force_login(own_org_admin.user)
    organization = own_org_admin.organization
    url = reverse("members:edit", args=[organization.slug])

    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {"name_zh": "新名稱", "name_en": "New Name", "aliases_text": "NN; 新名", "website": ""},
    )

    assert response.status_code == 302
    organization.refresh_from_db()
    assert (organization.name_en, organization.aliases) == ("New Name", ["NN", "新名"])


def test_member_cannot_edit_another_organisation(client, own_org_admin):
    other = OrganizationFactory(name_en="Other Corp")
    client.force_login(own_org_admin.user)
    url = reverse("members:edit", args=[other.slug])

    assert client.get(url).status_code == 403
    assert client.post(url, {"name_zh": "x", "name_en": "Hijacked"}).status_code == 403
    other.refresh_from_db()
    assert other.name_en == "Other Corp"


def test_plain_member_role_cannot_edit_even_own_profile(client):
    person = PersonFactory(role=Person.Role.MEMBER)
    client.force_login(person.user)
    assert client.get(reverse("members:edit", args=[person.organization.slug])).status_code == 403


def test_anonymous_visitor_is_sent_to_sign_in(client):
    organization = OrganizationFactory()
    response = client.get(reverse("members:edit", args=[organization.slug]))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_staff_edit_any_organisation(client):
    staff = UserFactory(is_staff=True)
    organization = OrganizationFactory()
    client.force_login(staff)
    assert client.get(reverse("members:edit", args=[organization.slug])).status_code == 200


def test_unapproved_applicant_sees_no_contacts_and_gets_no_token(client):
    person = PersonFactory(email="secret.contact@member.example")
    applicant = UserFactory()
    MembershipApplication.objects.create(
        applicant=applicant, country="TW", kind="company", organization_name_zh="申請中公司"
    )
    client.force_login(applicant)

    profile = client.get(person.organization.get_absolute_url()).content.decode()
    assert "secret.contact@member.example" not in profile
    assert 'data-testid="members-only"' in profile
    assert client.post(reverse("accounts:token-create"), {"name": "x"}).status_code == 403
    assert not ApiToken.objects.exists()


def test_approved_member_sees_contacts(client):
    person = PersonFactory(email="contact@member.example")
    viewer = PersonFactory().user
    client.force_login(viewer)
    assert (
        "contact@member.example"
        in client.get(person.organization.get_absolute_url()).content.decode()
    )


def test_unlisted_organisation_is_hidden_from_public(client):
    hidden = OrganizationFactory(is_listed=False)
    assert client.get(hidden.get_absolute_url()).status_code == 403
    assert hidden.name_en not in client.get(reverse("members:directory")).content.decode()


def test_signin_with_email_and_password(client):
    user = UserFactory(email="someone@example.org")
    response = client.post(
        reverse("accounts:login"), {"username": "someone@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


class TestApi:
    def test_patch_requires_authentication(self, client):
        organization = OrganizationFactory()
        response = client.patch(
            f"/api/members/{organization.slug}", {"name_en": "X"}, content_type="application/json"
        )
        assert response.status_code == 401

    def test_token_holder_edits_own_organisation_only(self, client, own_org_admin):
        _token, raw = api_token_issue(user=own_org_admin.user, name="script")
        other = OrganizationFactory(name_en="Other Corp")
        headers = {"Authorization": f"Bearer {raw}"}

        own = client.patch(
            f"/api/members/{own_org_admin.organization.slug}",
            {"name_en": "Via API"},
            content_type="application/json",
            headers=headers,
        )
        foreign = client.patch(
            f"/api/members/{other.slug}",
            {"name_en": "Hijacked"},
            content_type="application/json",
            headers=headers,
        )

        assert own.status_code == 200 and own.json()["name_en"] == "Via API"
        assert foreign.status_code == 403
        other.refresh_from_db()
        assert other.name_en == "Other Corp"

    def test_revoked_or_wrong_token_is_refused(self, client, own_org_admin):
        token, raw = api_token_issue(user=own_org_admin.user, name="script")
        token.revoked_at = token.created_at
        token.save()
        assert client.get("/api/me", headers={"Authorization": f"Bearer {raw}"}).status_code == 401
        assert client.get("/api/me", headers={"Authorization": "Bearer nope"}).status_code == 401

    def test_me_with_token(self, client, own_org_admin):
        _token, raw = api_token_issue(user=own_org_admin.user, name="script")
        response = client.get("/api/me", headers={"Authorization": f"Bearer {raw}"})
        assert response.status_code == 200
        assert response.json()["organizations"] == [own_org_admin.organization.slug]
