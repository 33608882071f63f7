"""Celery application: a real broker (Redis) in production, eager in-process tasks otherwise.

Apps declare periodic work on their AppConfig as
`periodic_tasks = {"news-poll-feeds": {"task": "taimei.news.tasks.poll_feeds", "every": 900}}`
(seconds); the beat schedule (production) and the in-process ticker (`taimei serve` with no
broker) both read that one declaration.
"""

from __future__ import annotations

import os
from datetime import timedelta
from typing import Any

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "taimei.config.settings")

app = Celery("taimei")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


def periodic_tasks() -> dict[str, dict[str, Any]]:
    """Every app's declared periodic tasks, by name."""
    from django.apps import apps

    found: dict[str, dict[str, Any]] = {}
    for config in apps.get_app_configs():
        found.update(getattr(config, "periodic_tasks", {}))
    return found


@app.on_after_finalize.connect
def _install_beat_schedule(sender: Celery, **kwargs: Any) -> None:
    sender.conf.beat_schedule = {
        name: {"task": spec["task"], "schedule": timedelta(seconds=spec["every"])}
        for name, spec in periodic_tasks().items()
    }
