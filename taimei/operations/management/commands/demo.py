from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext

from taimei.operations import registry


class Command(BaseCommand):
    help = "Migrate, load the bundled demo data and sample news, then serve the site."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--no-serve", action="store_true", help="load the data and stop")

    def handle(self, *args: Any, host: str, port: int, no_serve: bool, **options: Any) -> None:
        call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write(gettext("Database migrated."))
        for loader in registry.demo_loaders():
            loader(stdout=self.stdout)
        if "reindex" in get_commands():
            # Rebuilt rather than trusted: an index left by an older version may be stale.
            call_command("reindex", verbosity=0)
        self.stdout.write(
            self.style.SUCCESS(
                gettext("Demo staff login: %(login)s")
                % {
                    "login": f"{settings.TAIMEI_DEMO_STAFF_EMAIL} / "
                    f"{settings.TAIMEI_DEMO_STAFF_PASSWORD}"
                }
            )
        )
        if not no_serve:
            call_command("serve", host=host, port=port)
