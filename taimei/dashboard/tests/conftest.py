import datetime

import pytest
from django.utils import timezone

from taimei.accounts.tests.factories import UserFactory
from taimei.dashboard.filters import Period
from taimei.members.tests.factories import PersonFactory


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Factories hash a password per user; the default hasher makes that take a second."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def client(client):
    """A browser that asks for English pages (the site's default is Chinese)."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture
def staff(db):
    return UserFactory(is_staff=True, email="staff@example.com")


@pytest.fixture
def member(db):
    return PersonFactory().user


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


@pytest.fixture
def around_today():
    """Sixty days either side of today: covers records created now and events next week."""
    today = timezone.localdate()
    return Period(
        start=today - datetime.timedelta(days=60), end=today + datetime.timedelta(days=60)
    )
