"""TaiMei Exchange (台美數位交流平台): the Taiwan–U.S. Business Alliance's exchange platform."""

from taimei.config.celery import app as celery_app

__all__ = ["celery_app"]
