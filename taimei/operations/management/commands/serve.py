from __future__ import annotations

import errno
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext

from taimei.config.celery import app as celery_app
from taimei.operations.ticker import PeriodicTicker


class Command(BaseCommand):
    help = "Serve the site with waitress on HOST:PORT; without a broker, also run periodic tasks."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--threads", type=int, default=8)
        parser.add_argument(
            "--no-periodic",
            action="store_true",
            help="do not run periodic tasks in this process (when a Celery beat runs them)",
        )

    def handle(
        self, *args: Any, host: str, port: int, threads: int, no_periodic: bool, **options: Any
    ) -> None:
        from waitress.server import create_server

        from taimei.config.wsgi import application

        # Bound before anything starts, so a taken port is one clear line, not a traceback.
        try:
            server = create_server(
                application, host=host, port=port, threads=threads, ident="taimei"
            )
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                raise CommandError(
                    gettext(
                        "Port %(port)s on %(host)s is in use: stop the other server or "
                        "choose another with --port."
                    )
                    % {"port": port, "host": host}
                ) from error
            raise CommandError(
                gettext("Cannot listen on %(host)s:%(port)s: %(error)s")
                % {"host": host, "port": port, "error": error.strerror or error}
            ) from error
        shown = f"[{host}]" if ":" in host else host
        self.stdout.write(
            self.style.SUCCESS(
                gettext("TaiMei Exchange on %(url)s") % {"url": f"http://{shown}:{port}/"}
            )
        )
        if settings.DEBUG:
            self.stdout.write(
                self.style.WARNING(gettext("DEBUG is on: do not expose this server."))
            )
        if celery_app.conf.task_always_eager and not no_periodic:
            ticker = PeriodicTicker()
            ticker.start()
            names = ", ".join(ticker.schedule) or "-"
            self.stdout.write(
                gettext("Periodic tasks run in this process: %(names)s") % {"names": names}
            )
        server.run()
