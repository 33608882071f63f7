from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext

from taimei.core.csv_io import CsvFileError
from taimei.operations import registry


class Command(BaseCommand):
    help = "Import members or opportunities from a CSV file (DESIGN.md format), updating by slug."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("entity", choices=sorted(registry.csv_importers()))
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--skip-invalid",
            action="store_true",
            help="import the valid rows of a file that has bad rows (default: import nothing)",
        )
        parser.add_argument("--dry-run", action="store_true", help="validate only, write nothing")

    def handle(
        self, *args: Any, entity: str, file: Path, skip_invalid: bool, dry_run: bool, **options: Any
    ) -> None:
        try:
            data = file.read_bytes()
        except OSError as error:
            raise CommandError(f"{file}: {error.strerror}") from error
        importer = registry.resolve(registry.csv_importers()[entity])
        try:
            report = importer(data=data, skip_invalid=skip_invalid, dry_run=dry_run)
        except CsvFileError as error:
            raise CommandError(f"{file}: {error}") from error
        for row_error in report.errors:
            self.stderr.write(f"{file}: {row_error}")
        if report.errors and not report.applied and not dry_run:
            raise CommandError(
                f"{file}: "
                + gettext(
                    "%(count)d bad rows; nothing was imported "
                    "(fix them, or use --skip-invalid to import the valid rows)"
                )
                % {"count": len(report.errors)}
            )
        prefix = gettext("dry run: ") if dry_run else ""
        self.stdout.write(f"{prefix}{entity}: {report.summary()}")
