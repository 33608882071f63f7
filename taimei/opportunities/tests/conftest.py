"""Fixtures: a Taiwanese poster and a U.S. member, each with a signed-in person."""

from __future__ import annotations

import pytest
from django.test import Client

from taimei.accounts.tests.factories import UserFactory
from taimei.members.models import Person
from taimei.members.tests.factories import OrganizationFactory, PersonFactory
from taimei.opportunities.matching import engine


@pytest.fixture
def client():
    """A browser asking for English pages, like the tests' English messages."""
    return Client(headers={"Accept-Language": "en"})


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    """PBKDF2 at full strength costs ~0.3 s a user; these tests create many users."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _fresh_match_cache():
    """Each test builds its own indexes (ids repeat across tests on some databases)."""
    engine._cache.clear()
    yield
    engine._cache.clear()


@pytest.fixture
def poster_org(db):
    return OrganizationFactory(
        slug="skyhawk",
        name_zh="天鷹無人機",
        name_en="SkyHawk Drones",
        country="TW",
        industries=["drones"],
        domains=["trade", "industry"],
        description_zh="商用無人機製造商。",
    )


@pytest.fixture
def member_org(db):
    return OrganizationFactory(
        slug="front-range",
        name_zh="",
        name_en="Front Range Autonomy",
        country="US",
        industries=["drones", "ai"],
        domains=["industry", "trade"],
        description_en="U.S. maker of autonomous UAVs buying flight controllers.",
    )


@pytest.fixture
def poster(poster_org):
    return PersonFactory(organization=poster_org, role=Person.Role.ORG_ADMIN).user


@pytest.fixture
def member(member_org):
    return PersonFactory(organization=member_org).user


@pytest.fixture
def outsider(db):
    """An approved member of a third organisation."""
    return PersonFactory(organization=OrganizationFactory(slug="third-party")).user


@pytest.fixture
def applicant(db):
    """Signed in, but not (yet) attached to any member organisation."""
    return UserFactory()


@pytest.fixture
def staff(db):
    return UserFactory(is_staff=True)
