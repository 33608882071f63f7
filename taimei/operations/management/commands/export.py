from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext

from taimei.operations import registry


class Command(BaseCommand):
    help = (
        "Export members (or another entity) to a CSV file in the DESIGN.md format ('-' for stdout)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("entity", choices=sorted(registry.csv_exporters()))
        parser.add_argument("file", help="path of the CSV file to write, or - for stdout")

    def handle(self, *args: Any, entity: str, file: str, **options: Any) -> None:
        text = registry.resolve(registry.csv_exporters()[entity])()
        if file == "-":
            sys.stdout.write(text)
            return
        Path(file).write_text(text, encoding="utf-8")
        self.stdout.write(gettext("%(entity)s: wrote %(file)s") % {"entity": entity, "file": file})
