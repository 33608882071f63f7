"""`taimei ingest SOURCE...`: store articles from feeds, OPML lists, files and folders."""

from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext

from taimei.news.pipeline.document import Document
from taimei.news.services.ingest import IngestReport, ingest_run
from taimei.news.services.store import StoreResult


class Command(BaseCommand):
    help = (
        "Ingest news: SOURCE is a feed URL, OPML file, file or folder. Stores articles, reports "
        "each failed item and goes on, and prints a summary."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("sources", nargs="+", metavar="SOURCE")
        parser.add_argument(
            "--no-progress", action="store_true", help="no progress bar, even on a terminal"
        )

    def handle(self, *args: Any, sources: list[str], no_progress: bool, **options: Any) -> None:
        show_bar = not no_progress and sys.stderr.isatty()
        if show_bar:
            report = self._with_bar(sources)
        else:
            report = ingest_run(locations=sources, progress=self._report_failure)
        self._summary(report)
        if report.failed and report.read == report.failed:
            raise CommandError(gettext("nothing could be ingested (every item failed)"))

    def _report_failure(self, document: Document, result: StoreResult) -> None:
        if result.outcome == "failed":
            self.stderr.write(f"{document.source}: {result.reason}")

    def _with_bar(self, sources: list[str]) -> IngestReport:
        from rich.console import Console
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        console = Console(stderr=True)
        columns = (
            SpinnerColumn(),
            TextColumn("{task.description}"),
            TextColumn("{task.completed} items"),
            TimeElapsedColumn(),
        )
        with Progress(*columns, console=console, transient=True) as bar:
            task = bar.add_task("ingesting", total=None)

            def progress(document: Document, result: StoreResult) -> None:
                if result.outcome == "failed":
                    console.print(f"[red]{document.source}[/red]: {result.reason}", markup=True)
                bar.update(task, advance=1, description=f"{result.outcome:>9}")

            return ingest_run(locations=sources, progress=progress)

    def _summary(self, report: IngestReport) -> None:
        self.stdout.write(
            f"items read: {report.read}\n"
            f"new: {report.new}\n"
            f"duplicates: {report.duplicates}\n"
            f"unchanged: {report.unchanged}\n"
            f"updated: {report.updated}\n"
            f"failed: {report.failed}"
        )
        for reason, count in report.failures.most_common():
            self.stdout.write(f"  {count} × {reason}")
