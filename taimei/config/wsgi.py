"""WSGI entry point for `taimei serve` and gunicorn."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "taimei.config.settings")
application = get_wsgi_application()
