"""Site-wide pages that sit above every app: home and sections not built yet."""

from __future__ import annotations

from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from taimei.core.taxonomy import TOPICS
from taimei.members.models import Organization

SECTIONS = {
    "news": _("News intelligence"),
    "opportunities": _("Opportunities and matchmaking"),
    "events": _("Events and B2B meetings"),
    "dashboard": _("Dashboard"),
}


def home(request: HttpRequest) -> HttpResponse:
    """The front page: what the alliance is, live directory figures, the seven topics."""
    by_country = dict(
        Organization.objects.filter(is_listed=True)
        .values_list("country")
        .annotate(n=Count("pk"))
        .values_list("country", "n")
    )
    recent = Organization.objects.filter(is_listed=True).order_by("-created_at", "slug")[:8]
    context = {"by_country": by_country, "recent": recent, "topics": TOPICS}
    return render(request, "pages/home.html", context)


def coming_soon(request: HttpRequest, section: str) -> HttpResponse:
    """An honest placeholder for a section that is not built yet (never a fake page)."""
    return render(request, "pages/coming_soon.html", {"section": SECTIONS[section]}, status=200)
