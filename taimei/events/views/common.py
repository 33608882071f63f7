"""Helpers the events views share."""

from __future__ import annotations

from django.http import HttpRequest

from taimei.events.zones import viewer_zone


def page_context(request: HttpRequest, **context: object) -> dict[str, object]:
    """Every events page knows the viewer's zone."""
    return {"viewer_zone": viewer_zone(request), **context}


def client_language(request: HttpRequest) -> str:
    """The language mail to this registrant should be in."""
    user = request.user
    if user.is_authenticated:
        return str(user.preferred_language)
    return "en" if (getattr(request, "LANGUAGE_CODE", "") or "").startswith("en") else "zh-hant"
