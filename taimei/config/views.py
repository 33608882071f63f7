"""Site-wide pages that sit above every app."""

from __future__ import annotations

from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from taimei.core.taxonomy import TOPICS
from taimei.members.models import Organization


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
