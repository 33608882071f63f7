"""Sign-up is an application; staff approval attaches the applicant to an organisation."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from taimei.accounts.models import User
from taimei.accounts.tests.factories import UserFactory
from taimei.members.models import MembershipApplication, Organization, Person
from taimei.members.selectors import user_is_approved_member
from taimei.members.services import ApplicationError, application_approve, application_decline
from taimei.members.tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


def test_signup_creates_an_account_and_a_pending_application(client):
    response = client.post(
        reverse("accounts:signup"),
        {
            "user-email": "Founder@Startup.example",
            "user-full_name": "Lin Mei",
            "user-preferred_language": "zh-hant",
            "user-password1": "a-long-passphrase-42",
            "user-password2": "a-long-passphrase-42",
            "org-organization_name_zh": "晨曦無人機",
            "org-organization_name_en": "Dawn Drones",
            "org-country": "TW",
            "org-kind": "company",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="founder@startup.example")
    application = MembershipApplication.objects.get(applicant=user)
    assert application.status == "pending"
    assert not user_is_approved_member(user)


def test_signup_refuses_an_application_without_an_organisation_name(client):
    response = client.post(
        reverse("accounts:signup"),
        {
            "user-email": "a@b.example",
            "user-preferred_language": "en",
            "user-password1": "a-long-passphrase-42",
            "user-password2": "a-long-passphrase-42",
            "org-country": "US",
            "org-kind": "company",
        },
    )
    assert response.status_code == 200
    assert not User.objects.exists(), "nothing is half-created"


def test_approving_a_new_organisation_makes_the_applicant_its_admin(
    django_capture_on_commit_callbacks,
):
    applicant = UserFactory(preferred_language="zh-hant")
    staff = UserFactory(is_staff=True)
    application = MembershipApplication.objects.create(
        applicant=applicant,
        organization_name_zh="晨曦無人機",
        organization_name_en="Dawn Drones",
        country="TW",
        kind="company",
    )
    with django_capture_on_commit_callbacks(execute=True):
        person = application_approve(application=application, reviewer=staff)

    assert person.role == Person.Role.ORG_ADMIN
    assert Organization.objects.get(slug="dawn-drones").name_zh == "晨曦無人機"
    assert user_is_approved_member(applicant)
    assert len(mail.outbox) == 1
    assert "已核准" in mail.outbox[0].body, "mail is written in the applicant's language"
    with pytest.raises(ApplicationError):
        application_approve(application=application, reviewer=staff)


def test_joining_an_existing_member_makes_a_plain_member(django_capture_on_commit_callbacks):
    organization = OrganizationFactory()
    application = MembershipApplication.objects.create(
        applicant=UserFactory(preferred_language="en"),
        organization=organization,
        country="US",
        kind="company",
    )
    with django_capture_on_commit_callbacks(execute=True):
        person = application_approve(application=application, reviewer=UserFactory(is_staff=True))
    assert (person.organization, person.role) == (organization, Person.Role.MEMBER)
    assert "approved" in mail.outbox[0].body


def test_declined_applicant_stays_outside(django_capture_on_commit_callbacks):
    application = MembershipApplication.objects.create(
        applicant=UserFactory(preferred_language="en"),
        country="US",
        kind="company",
        organization_name_en="Nope LLC",
    )
    with django_capture_on_commit_callbacks(execute=True):
        application_decline(
            application=application, reviewer=UserFactory(is_staff=True), note="Not a fit."
        )
    assert not user_is_approved_member(application.applicant)
    assert "Not a fit." in mail.outbox[0].body


def test_staff_approve_from_the_admin(admin_client):
    application = MembershipApplication.objects.create(
        applicant=UserFactory(), country="US", kind="company", organization_name_en="Admin Path Inc"
    )
    response = admin_client.post(
        reverse("admin:members_membershipapplication_changelist"),
        {"action": "approve", "_selected_action": [application.pk]},
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == "approved"
