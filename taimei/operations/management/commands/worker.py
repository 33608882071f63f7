from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext

from taimei.config.celery import app


class Command(BaseCommand):
    help = "Run a Celery worker for background tasks (needs REDIS_URL or CELERY_BROKER_URL)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--concurrency", type=int, default=None)
        parser.add_argument("--loglevel", default="info")

    def handle(self, *args: Any, concurrency: int | None, loglevel: str, **options: Any) -> None:
        if app.conf.task_always_eager:
            raise CommandError(
                gettext("No broker: set REDIS_URL (tasks run in-process without one).")
            )
        argv = ["worker", f"--loglevel={loglevel}"]
        if concurrency:
            argv.append(f"--concurrency={concurrency}")
        app.worker_main(argv)
