"""Dashboard pages (thin: check staff, parse the period, call the panels, render)."""

from __future__ import annotations

import gzip
import importlib.metadata
import importlib.util
from functools import cache
from pathlib import Path

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import condition, require_safe

from taimei.core.http import AuthenticatedHttpRequest
from taimei.dashboard.filters import period_from, presets
from taimei.dashboard.panels import PANELS, table_panel
from taimei.dashboard.selectors import access_dashboard
from taimei.dashboard.tables import write_csv

PLOTLY_VERSION = importlib.metadata.version("plotly")


@require_safe
@login_required
def index(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Every panel for the chosen period; an htmx request (filter, preset) gets the partial."""
    access_dashboard(request.user)
    period, form = period_from(request.GET)
    panels = [panel.build(period) for panel in PANELS.values()]
    context = {
        "period": period,
        "form": form,
        "presets": presets(period.granularity),
        "panels": panels,
        "figures": [figure for panel in panels for figure in panel.figures],
    }
    template = "dashboard/partials/_dashboard.html" if request.htmx else "dashboard/index.html"
    return render(request, template, context)


@require_safe
@login_required
def table_csv(request: AuthenticatedHttpRequest, key: str) -> HttpResponse:
    """One table of the dashboard as a CSV file, for the same period as the page."""
    access_dashboard(request.user)
    panel = table_panel(key)
    if panel is None:
        raise Http404
    period, form = period_from(request.GET)
    if form.errors:
        messages = [str(error) for errors in form.errors.values() for error in errors]
        return HttpResponse(
            "\n".join(messages), status=400, content_type="text/plain; charset=utf-8"
        )
    view = panel.build(period, with_charts=False)
    table = next(section.table for section in view.sections if section.table.key == key)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"taimei-{key}-{period.start:%Y%m%d}-{period.end:%Y%m%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # Excel reads Chinese UTF-8 correctly only with a BOM
    write_csv(table, response)
    return response


def _plotly_path() -> Path:
    spec = importlib.util.find_spec("plotly")
    if spec is None or not spec.submodule_search_locations:
        raise Http404
    return Path(next(iter(spec.submodule_search_locations))) / "package_data" / "plotly.min.js"


@cache
def _plotly_bytes(*, compressed: bool) -> bytes:
    raw = _plotly_path().read_bytes()
    return gzip.compress(raw, compresslevel=6) if compressed else raw


def _accepts_gzip(request: HttpRequest) -> bool:
    return "gzip" in request.headers.get("Accept-Encoding", "")


def _plotly_etag(request: HttpRequest) -> str:
    return f"plotly-{PLOTLY_VERSION}-{'gz' if _accepts_gzip(request) else 'id'}"


@require_safe
@condition(etag_func=_plotly_etag)
def plotly_js(request: HttpRequest) -> HttpResponse:
    """plotly.js from the installed plotly package (never a CDN), gzipped, cached for a year.

    The URL carries the version, so an upgrade changes the address. It is the public library,
    so anyone may fetch it.
    """
    compressed = _accepts_gzip(request)
    response = HttpResponse(
        _plotly_bytes(compressed=compressed), content_type="text/javascript; charset=utf-8"
    )
    if compressed:
        response["Content-Encoding"] = "gzip"
    patch_vary_headers(response, ["Accept-Encoding"])
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response
