from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = "Serve the site with waitress (a production-grade WSGI server) on HOST:PORT."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--threads", type=int, default=8)

    def handle(self, *args: Any, host: str, port: int, threads: int, **options: Any) -> None:
        from waitress import serve

        from taimei.config.wsgi import application

        shown = f"[{host}]" if ":" in host else host
        self.stdout.write(self.style.SUCCESS(f"TaiMei Exchange on http://{shown}:{port}/"))
        if settings.DEBUG:
            self.stdout.write(self.style.WARNING("DEBUG is on: do not expose this server."))
        serve(application, host=host, port=port, threads=threads, ident="taimei")
