from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext

from taimei.operations.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = "Replace all data and media with those of a backup FILE, then rebuild the search index."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")

    def handle(self, *args: Any, file: Path, yes: bool, **options: Any) -> None:
        if not yes and input(gettext("This replaces every record. Type 'yes' to go on: ")) != "yes":
            raise CommandError(gettext("Restore cancelled."))
        try:
            counts = backup_restore(path=file)
        except BackupError as error:
            raise CommandError(str(error)) from error
        if "reindex" in get_commands():
            call_command("reindex", verbosity=0)
        self.stdout.write(
            gettext("Restored %(rows)d rows and %(media)d media files from %(file)s.")
            % {"file": file, "rows": counts["rows"], "media": counts["media_files"]}
        )
