"""Search tests use a temporary index directory and the backend under test."""

from __future__ import annotations

import pytest
from django.db import connection

from taimei.search import aliases
from taimei.search.backends import get_backend, reset_backends


@pytest.fixture(autouse=True)
def _search_index_in_tmp(settings, tmp_path):
    settings.TAIMEI_SEARCH_INDEX_DIR = tmp_path / "search-index"
    settings.TAIMEI_SEARCH_WRITER_TIMEOUT = 0.3
    reset_backends()
    aliases.invalidate()
    yield
    reset_backends()
    aliases.invalidate()


@pytest.fixture(params=["tantivy", "postgres"])
def backend_name(request, settings, db):
    """Each backend in turn; PostgreSQL only when the test database is PostgreSQL."""
    if request.param == "postgres" and connection.vendor != "postgresql":
        pytest.skip(
            "PostgreSQL backend needs DATABASE_URL=postgres://… (CI runs the suite on PostgreSQL)"
        )
    settings.TAIMEI_SEARCH_BACKEND = request.param
    reset_backends()
    return request.param


@pytest.fixture
def backend(backend_name):
    return get_backend()


@pytest.fixture
def indexed(django_capture_on_commit_callbacks):
    """Run what was enqueued on commit (the outbox drain), as production does after a commit."""

    class Runner:
        def __call__(self, action):
            with django_capture_on_commit_callbacks(execute=True):
                return action()

    return Runner()
