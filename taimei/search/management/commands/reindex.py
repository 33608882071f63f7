"""`taimei reindex`: rebuild the search index from the database, with a progress bar."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from taimei.search import services
from taimei.search.backends.embedded import IndexBusy


class Command(BaseCommand):
    help = "Rebuild the search index from the database (articles, members, opportunities, events)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--pending",
            action="store_true",
            help="Only apply queued updates (what a crash or a busy index left behind).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            if options["pending"]:
                synced = services.index_drain()
                self.stdout.write(f"Applied {synced} pending updates.")
                return
            with Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                disable=not self.stdout.isatty(),
            ) as progress:
                tasks: dict[str, Any] = {}

                def report(kind: str, done: int, total: int) -> None:
                    if kind not in tasks:
                        tasks[kind] = progress.add_task(kind, total=total)
                    progress.update(tasks[kind], completed=done)

                written = services.index_rebuild(progress=report)
        except IndexBusy as busy:
            raise CommandError(
                f"The search index is busy (another writer holds it): {busy}"
            ) from busy
        self.stdout.write(f"Indexed {written} documents.")
