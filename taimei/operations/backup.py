"""Backups as one portable zip: every model's rows (Django's serialiser) and the uploaded media.

Portable on purpose: a backup taken from the SQLite demo restores into PostgreSQL and back,
which a raw database file or pg_dump would not allow. Search indexes are derived data and are
rebuilt after a restore rather than stored.
"""

from __future__ import annotations

import io
import json
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.core import serializers
from django.core.management import call_command
from django.db import transaction

FORMAT_VERSION = 1
# Derived or per-installation tables: recreated by migrate, sessions are disposable.
EXCLUDED = ["contenttypes", "auth.permission", "sessions", "admin.logentry"]


class BackupError(Exception):
    """The file is not a TaiMei backup or cannot be restored."""


def backup_write(*, path: Path) -> dict[str, int]:
    """Write a backup of the whole database and media to `path`; returns counts for a summary."""
    data = io.StringIO()
    call_command(
        "dumpdata",
        exclude=EXCLUDED,
        natural_foreign=True,
        natural_primary=True,
        format="json",
        stdout=data,
    )
    rows = json.loads(data.getvalue())
    media_root = Path(settings.MEDIA_ROOT)
    media = [p for p in media_root.rglob("*") if p.is_file()] if media_root.exists() else []
    manifest = {
        "format": FORMAT_VERSION,
        "created_at": datetime.now(UTC).isoformat(),
        "rows": len(rows),
        "media_files": len(media),
    }
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", json.dumps(manifest, indent=2))
        archive.writestr("data.json", data.getvalue())
        for file in media:
            archive.write(file, f"media/{file.relative_to(media_root)}")
    return {"rows": len(rows), "media_files": len(media)}


def _read(path: Path) -> tuple[dict[str, object], str, zipfile.ZipFile]:
    try:
        archive = zipfile.ZipFile(path)
        manifest = json.loads(archive.read("manifest.json"))
        data = archive.read("data.json").decode("utf-8")
    except (OSError, KeyError, zipfile.BadZipFile, ValueError) as error:
        raise BackupError(f"{path}: not a TaiMei Exchange backup ({error})") from error
    if manifest.get("format") != FORMAT_VERSION:
        raise BackupError(f"{path}: backup format {manifest.get('format')} is not supported")
    return manifest, data, archive


def _media_members(archive: zipfile.ZipFile, path: Path) -> dict[str, Path]:
    """Archive member → target path, refusing any name that would escape MEDIA_ROOT."""
    media_root = Path(settings.MEDIA_ROOT).resolve()
    targets = {}
    for name in archive.namelist():
        if name.startswith("media/") and not name.endswith("/"):
            target = (media_root / name.removeprefix("media/")).resolve()
            if not target.is_relative_to(media_root):
                raise BackupError(f"{path}: refusing to write outside MEDIA_ROOT: {name}")
            targets[name] = target
    return targets


def backup_restore(*, path: Path) -> dict[str, int]:
    """Replace the database content and media with the backup's; a bad file changes nothing."""
    manifest, data, archive = _read(path)
    media = _media_members(archive, path)
    call_command("migrate", interactive=False, verbosity=0)
    objects = list(serializers.deserialize("json", data, handle_forward_references=True))
    with transaction.atomic():
        # No post_migrate: apps that seed rows after a migrate (taxonomy, lexicon) would
        # collide with the same rows coming from the backup.
        call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
        for item in objects:
            item.save()
        # Rows that referred to a row further down the file are completed once all exist.
        for item in objects:
            if item.deferred_fields:
                item.save_deferred_fields()
    with archive:
        for name, target in media.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(archive.read(name))
    return {"rows": len(objects), "media_files": int(str(manifest.get("media_files", 0)))}
