"""`taimei analyze SOURCE... --format jsonl`: the ingest pipeline without storing anything."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import DatabaseError

from taimei.news.pipeline import analyze, to_json
from taimei.news.pipeline.document import Options


class Command(BaseCommand):
    help = (
        "Analyse news without storing it: one JSON object per document (DESIGN.md). SOURCE is "
        "a feed URL, OPML file, file or folder."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("sources", nargs="+", metavar="SOURCE")
        parser.add_argument("--format", choices=["jsonl"], default="jsonl", dest="output_format")

    def handle(self, *args: Any, sources: list[str], **options: Any) -> None:
        for document in analyze(sources, self._options()):
            self.stdout.write(json.dumps(to_json(document), ensure_ascii=False))

    def _options(self) -> Options:
        """The directory and lexicon from the database; the shipped lexicon if there is none."""
        from taimei.news.services.options import options_build

        try:
            options = options_build()
        except DatabaseError as exc:
            self.stderr.write(f"note: no database ({exc}); using the shipped lexicon only")
            return Options()
        return options
