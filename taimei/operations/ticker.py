"""Periodic tasks for the embedded default: with no broker there is no Celery beat, so
`taimei serve` runs the apps' declared `periodic_tasks` on a daemon thread instead."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from django.db import close_old_connections

from taimei.config.celery import app, periodic_tasks

logger = logging.getLogger(__name__)


def _run_task(name: str) -> None:
    """Run one registered task in this process; a failure is logged, never fatal."""
    close_old_connections()
    try:
        app.tasks[name].apply(throw=True)
    except Exception:
        logger.exception("periodic task %s failed", name)
    finally:
        close_old_connections()


class PeriodicTicker(threading.Thread):
    """Calls each task every `every` seconds, the first time `first_delay` seconds after start."""

    def __init__(
        self,
        schedule: dict[str, dict[str, Any]] | None = None,
        *,
        first_delay: float = 30.0,
        run: Callable[[str], None] = _run_task,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(name="taimei-periodic", daemon=True)
        # Tasks are found by name, but `autodiscover_tasks` only imports the apps' tasks
        # modules when a worker starts: a web process must import them itself.
        app.loader.import_default_modules()
        self.schedule = periodic_tasks() if schedule is None else schedule
        self.first_delay = first_delay
        self.stopped = threading.Event()
        self._run = run
        self._clock = clock

    def stop(self) -> None:
        self.stopped.set()

    def run(self) -> None:
        start = self._clock()
        due = dict.fromkeys(self.schedule, start + self.first_delay)
        while not self.stopped.is_set():
            now = self._clock()
            for name, spec in self.schedule.items():
                if now >= due[name]:
                    self._run(spec["task"])
                    due[name] = self._clock() + spec["every"]
            next_due = min(due.values(), default=now + 60)
            self.stopped.wait(max(0.05, min(next_due - self._clock(), 60)))
