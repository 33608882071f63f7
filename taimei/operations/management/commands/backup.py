from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext

from taimei.operations.backup import backup_write


class Command(BaseCommand):
    help = "Write a portable backup (all data and uploaded media) to FILE (a zip)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args: Any, file: Path, **options: Any) -> None:
        counts = backup_write(path=file)
        self.stdout.write(
            gettext("Backup written to %(file)s: %(rows)d rows, %(media)d media files.")
            % {"file": file, "rows": counts["rows"], "media": counts["media_files"]}
        )
