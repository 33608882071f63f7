"""The search page: results grouped by kind, facets, pagination; htmx gets the partial."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from taimei.search import conf
from taimei.search.selectors import search_run


def search(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "")
    try:
        page_number = int(request.GET.get("page", "1"))
    except ValueError:
        page_number = 1
    page = search_run(
        user=request.user,
        q=q,
        kind=request.GET.get("kind", ""),
        page=page_number,
        per_page=conf.page_size(),
    )
    params = request.GET.copy()
    params.pop("page", None)
    context = {"page": page, "q": q, "query_without_page": params.urlencode()}
    template = (
        "search/partials/_results.html" if getattr(request, "htmx", False) else "search/search.html"
    )
    return render(request, template, context)
