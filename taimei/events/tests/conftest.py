import pytest

from taimei.events.services import RegistrationData


@pytest.fixture
def data():
    """Registration details; `data(email=…, seats=…)` varies them."""

    def make(**overrides):
        values = {
            "attendee_name": "Chen Wei",
            "email": "chen@example.com",
            "organization_name": "Fenghe Precision",
            "consent": True,
            "language": "en",
        }
        values.update(overrides)
        return RegistrationData(**values)

    return make


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed(): service(...)` runs on-commit work (mail, re-plans) as a commit would."""

    def block():
        return django_capture_on_commit_callbacks(execute=True)

    return block


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Factories hash a password per user; the default hasher makes that take a second."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def client(client):
    """A browser that asks for English pages (the site's default is Chinese)."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client
