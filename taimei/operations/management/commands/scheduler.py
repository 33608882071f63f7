from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext

from taimei.config.celery import app


class Command(BaseCommand):
    help = "Run the Celery beat scheduler for periodic tasks (feed polling, digests, reminders)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--loglevel", default="info")

    def handle(self, *args: Any, loglevel: str, **options: Any) -> None:
        if app.conf.task_always_eager:
            raise CommandError(
                gettext("No broker: set REDIS_URL to run periodic tasks through Celery.")
            )
        from django.conf import settings

        schedule_file = str(settings.VAR_DIR / "celerybeat-schedule")
        app.start(["beat", f"--loglevel={loglevel}", f"--schedule={schedule_file}"])
