"""Absolute links for places with no request to build them from: e-mail, calendar files."""

from __future__ import annotations

from django.conf import settings


def site_url() -> str:
    """Where the site is served (settings.TAIMEI_SITE_URL, from SITE_URL), no trailing slash."""
    return str(settings.TAIMEI_SITE_URL).rstrip("/")


def absolute_url(path: str) -> str:
    """`path` (as `reverse()` or `get_absolute_url()` give it) on the public site."""
    return site_url() + path
