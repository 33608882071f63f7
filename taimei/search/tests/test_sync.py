"""The index follows every create, update and delete; crashes and a busy index lose nothing."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from django.contrib.auth.models import AnonymousUser

from taimei.core.models import Industry
from taimei.members.models import Organization
from taimei.members.tests.factories import OrganizationFactory
from taimei.search import services
from taimei.search.backends import get_backend
from taimei.search.backends.embedded import IndexBusy, TantivyBackend
from taimei.search.models import IndexUpdate
from taimei.search.selectors import search_run

pytestmark = pytest.mark.django_db


def found(q, **kwargs):
    return [hit.key for hit in search_run(user=AnonymousUser(), q=q, **kwargs).hits]


def test_create_update_delete_follow_on_commit(backend_name, indexed):
    organization = indexed(
        lambda: OrganizationFactory(slug="skydio", name_zh="天空無人機", name_en="Skydio")
    )
    assert found("天空無人機") == ["skydio"]
    assert not IndexUpdate.objects.exists()

    def rename():
        organization.name_en = "Skydio Drones"
        organization.aliases = ["天空无人机公司"]
        organization.save()

    indexed(rename)
    assert found("Skydio Drones") == ["skydio"]
    assert found("天空無人機公司") == ["skydio"]  # the new alias, typed in the other script

    indexed(lambda: organization.delete())
    assert found("Skydio") == []


def test_many_to_many_changes_reindex_both_directions(backend_name, indexed):
    organization = indexed(lambda: OrganizationFactory(slug="acme"))
    indexed(lambda: organization.industries.add("drones"))
    assert found("industry:drones") == ["acme"]
    indexed(lambda: Industry.objects.get(pk="drones").organizations.clear())
    assert found("industry:drones") == []


def test_unlisting_hides_from_search(backend_name, indexed):
    organization = indexed(lambda: OrganizationFactory(slug="quiet", name_en="Quiet Corp"))
    organization.is_listed = False
    indexed(organization.save)
    assert found("Quiet Corp") == []


def test_rolled_back_change_leaves_nothing_queued(backend_name, django_capture_on_commit_callbacks):
    from django.db import transaction

    def failing_import():
        with transaction.atomic():
            OrganizationFactory(slug="ghost")
            raise RuntimeError

    with django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(RuntimeError):
        failing_import()
    assert callbacks == []
    assert not IndexUpdate.objects.filter(object_pk__isnull=False, kind="member").exists()


def test_a_bulk_transaction_enqueues_one_drain(backend_name, django_capture_on_commit_callbacks):
    from django.db import transaction

    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        for n in range(5):
            OrganizationFactory(slug=f"bulk-{n}")
    assert len([c for c in callbacks if c.__name__ == "_drain_on_commit"]) == 1
    assert len(found("Test Company", per_page=50)) == 5


def test_crash_between_commit_and_index_write_is_replayed(backend_name):
    # The database commits, the process dies before the index write (no on-commit callback
    # runs in this test): the outbox row survives and the next drain repairs the index.
    OrganizationFactory(slug="survivor", name_en="Survivor Industries")
    assert found("Survivor") == []
    assert IndexUpdate.objects.filter(kind="member").count() == 1
    assert services.index_drain() == 1
    assert found("Survivor") == ["survivor"]
    assert not IndexUpdate.objects.exists()


def test_process_killed_mid_write_leaves_a_usable_index(settings, tmp_path):
    path = tmp_path / "crash-index"
    TantivyBackend(path).upsert([])
    script = textwrap.dedent(
        f"""
        import os, django
        os.environ["DJANGO_SETTINGS_MODULE"] = "taimei.config.settings"
        django.setup()
        from pathlib import Path
        from taimei.search.backends.embedded import TantivyBackend, encode_documents
        from taimei.search.registry import IndexDocument
        backend = TantivyBackend(Path({str(path)!r}))
        backend.upsert([IndexDocument(kind="article", pk=1, key="a1", title="committed")])
        with backend._writer() as writer:
            writer.add_json(encode_documents(
                [IndexDocument(kind="article", pk=2, key="a2", title="uncommitted")])[0])
            os._exit(9)  # killed while holding the writer lock, before commit
        """
    )
    completed = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", script], check=False, timeout=120
    )
    assert completed.returncode == 9
    backend = TantivyBackend(path)
    assert backend.count() == 1  # the committed state, nothing half-written
    backend.upsert([])  # the dead process's lock is gone: writing works again
    assert backend.count() == 1


def test_busy_writer_keeps_updates_queued(settings, db):
    settings.TAIMEI_SEARCH_BACKEND = "tantivy"
    OrganizationFactory(slug="patient", name_en="Patient Co")
    other_process = TantivyBackend(get_backend().path)
    with other_process._writer():
        with pytest.raises(IndexBusy):
            get_backend().upsert([])
        assert services.index_drain() == 0
        assert IndexUpdate.objects.count() == 1
    assert services.index_drain() == 1
    assert found("Patient") == ["patient"]


def test_reindex_command_rebuilds_from_the_database(backend_name, capsys):
    from django.core.management import call_command

    OrganizationFactory(slug="rebuilt", name_en="Rebuilt Ltd")
    call_command("reindex")
    assert "Indexed 1 documents" in capsys.readouterr().out
    assert found("Rebuilt") == ["rebuilt"]
    assert not IndexUpdate.objects.exists()
    assert Organization.objects.count() == 1
