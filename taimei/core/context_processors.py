"""Template context every page needs."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict[str, object]:
    """The site name and the navigation entries."""
    return {"SITE_NAME": settings.SITE_NAME}
