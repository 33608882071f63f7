"""Celery application: a real broker (Redis) in production, eager in-process tasks otherwise."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "taimei.config.settings")

app = Celery("taimei")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
