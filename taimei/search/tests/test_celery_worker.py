"""The production path for real: a record saved in one process reaches the index through Redis
and a Celery worker in another, as with `taimei serve` + `taimei worker` in production.

Both processes are configured only by their environment (DATABASE_URL, REDIS_URL), exactly as
deployed: nothing in the Celery app is patched. They share the test database, so this runs on
PostgreSQL (CI's second run); Redis is the machine's, on a database number of its own.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection

from taimei.search.models import IndexUpdate
from taimei.search.selectors import search_run

REDIS_URL = os.environ.get("TAIMEI_TEST_REDIS_URL", "redis://127.0.0.1:6379/14")

pytestmark = [pytest.mark.redis, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def redis_url() -> str:
    """The test Redis database, emptied; skips with the reason where there is no Redis."""
    import redis

    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1)
    try:
        client.flushdb()
    except redis.exceptions.ConnectionError:
        pytest.skip(f"needs Redis at {REDIS_URL} (TAIMEI_TEST_REDIS_URL); CI's machine has one")
    finally:
        client.close()
    return REDIS_URL


@pytest.fixture
def production_env(redis_url, tmp_path) -> dict[str, str]:
    """The environment of a deployed process, pointed at this test's database."""
    if connection.vendor != "postgresql":
        pytest.skip(
            "the worker is another process and needs a database it can open: PostgreSQL "
            "(DATABASE_URL=postgres://…; CI's second run)"
        )
    db = connection.settings_dict
    user = db["USER"] or "root"
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    host, port = db["HOST"] or "127.0.0.1", db["PORT"] or "5432"
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "taimei.config.settings",
        "DATABASE_URL": f"postgres://{user}{password}@{host}:{port}/{db['NAME']}",
        "REDIS_URL": redis_url,
        "TAIMEI_VAR_DIR": str(tmp_path),
        "CONN_MAX_AGE": "0",
    }


def _found(q: str) -> list[str]:
    return [hit.key for hit in search_run(user=AnonymousUser(), q=q).hits]


def test_a_saved_record_reaches_the_index_through_redis_and_a_worker(production_env):
    worker = subprocess.Popen(
        [sys.executable, "-m", "django", "worker", "--concurrency=1", "--loglevel=warning"],
        env=production_env,
    )
    try:
        # A web process: it only enqueues (no broker-less fallback with REDIS_URL set).
        save = textwrap.dedent(
            """
            import django
            django.setup()
            from django.conf import settings
            assert not settings.CELERY_TASK_ALWAYS_EAGER, "REDIS_URL set: tasks go to the broker"
            from taimei.members.tests.factories import OrganizationFactory
            OrganizationFactory(slug="celery-path", name_zh="芹菜路徑科技", name_en="Celery Path")
            """
        )
        subprocess.run(  # noqa: S603 - our own interpreter and script
            [sys.executable, "-c", save], env=production_env, check=True, timeout=120
        )
        deadline = time.monotonic() + 90
        while _found("芹菜路徑科技") != ["celery-path"] and time.monotonic() < deadline:
            assert worker.poll() is None, "the worker stopped"
            time.sleep(0.5)
        assert _found("芹菜路徑科技") == ["celery-path"]
        assert _found("Celery Path") == ["celery-path"]
        assert not IndexUpdate.objects.exists(), "the worker drained the outbox"
    finally:
        worker.terminate()
        worker.wait(timeout=30)
