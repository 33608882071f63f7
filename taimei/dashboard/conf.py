"""Settings of the dashboard, with defaults; override with TAIMEI_DASHBOARD_* in settings."""

from __future__ import annotations

from django.conf import settings


def default_days() -> int:
    """How many days back the dashboard looks when no date range is given."""
    return int(getattr(settings, "TAIMEI_DASHBOARD_DEFAULT_DAYS", 365))


def max_days() -> int:
    """The longest date range accepted (keeps weekly series to a readable size)."""
    return int(getattr(settings, "TAIMEI_DASHBOARD_MAX_DAYS", 3660))


def top_members() -> int:
    """How many members the most-mentioned ranking lists."""
    return int(getattr(settings, "TAIMEI_DASHBOARD_TOP_MEMBERS", 20))


def latest_articles() -> int:
    """How many of the latest matching articles each watchlist shows."""
    return int(getattr(settings, "TAIMEI_DASHBOARD_LATEST_ARTICLES", 5))
