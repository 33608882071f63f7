"""`taimei backup` then `taimei restore` brings every record back, media included."""

from __future__ import annotations

import zipfile

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import CommandError

from taimei.accounts.models import User
from taimei.members.models import Organization
from taimei.members.tests.factories import OrganizationFactory, PersonFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_backup_and_restore_round_trip(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    organization = OrganizationFactory(
        slug="tsmc", name_zh="台積電", aliases=["TSMC"], industries=["semiconductors"]
    )
    organization.logo.save("tsmc.png", ContentFile(b"\x89PNG fake"), save=True)
    PersonFactory(organization=organization, user__email="someone@tsmc.example")
    archive = tmp_path / "backup.zip"

    call_command("backup", str(archive))
    Organization.objects.all().delete()
    User.objects.all().delete()
    (tmp_path / "media" / organization.logo.name).unlink()
    call_command("restore", str(archive), "--yes")

    restored = Organization.objects.get(slug="tsmc")
    assert restored.aliases == ["TSMC"]
    assert list(restored.industries.values_list("slug", flat=True)) == ["semiconductors"]
    assert restored.people.get().user.email == "someone@tsmc.example"
    assert (tmp_path / "media" / restored.logo.name).read_bytes() == b"\x89PNG fake"


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path):
    OrganizationFactory(slug="kept")
    bogus = tmp_path / "bogus.zip"
    bogus.write_bytes(b"not a zip at all")
    with pytest.raises(CommandError, match="not a TaiMei Exchange backup"):
        call_command("restore", str(bogus), "--yes")
    assert Organization.objects.filter(slug="kept").exists(), "nothing was lost"


def test_restore_refuses_paths_outside_media_and_changes_nothing(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    archive = tmp_path / "evil.zip"
    call_command("backup", str(archive))
    OrganizationFactory(slug="added-after-backup")
    with zipfile.ZipFile(archive, "a") as handle:
        handle.writestr("media/../../escaped.txt", "x")
    with pytest.raises(CommandError, match="outside MEDIA_ROOT"):
        call_command("restore", str(archive), "--yes")
    assert not (tmp_path / "escaped.txt").exists()
    assert Organization.objects.filter(slug="added-after-backup").exists()
