"""Plotly figures for the dashboard, rendered as HTML fragments without plotly.js itself.

The page loads plotly.js once from our own server (see `views.plotly_js`); each fragment is a
div and the call that draws into it. An empty data set gives no chart: the template says so.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from taimei.dashboard.filters import Period
from taimei.dashboard.selectors import (
    AttendanceRow,
    CountRow,
    FunnelRow,
    MemberMentions,
    TimeSeries,
    WatchlistTimelines,
    country_label,
)

TAIWAN_COLOUR = "#0b5cab"
US_COLOUR = "#c8102e"
_FONT = '"Noto Sans TC", "PingFang TC", "Microsoft JhengHei", system-ui, sans-serif'
_CONFIG = {"displaylogo": False, "responsive": True, "modeBarButtonsToRemove": ["select2d"]}


def _figure(traces: list[Any], *, height: int = 360, **layout: Any) -> Any:
    import plotly.graph_objects as go  # imported here: plotly is heavy and only charts need it

    figure = go.Figure(data=traces)
    figure.update_layout(
        template="none",
        height=height,
        font={"family": _FONT, "size": 13, "color": "#1d2733"},
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
        legend={"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0},
        paper_bgcolor="#fff",
        plot_bgcolor="#fff",
        **layout,
    )
    figure.update_xaxes(automargin=True, gridcolor="#dde3ea", zerolinecolor="#dde3ea")
    figure.update_yaxes(automargin=True, gridcolor="#dde3ea", zerolinecolor="#dde3ea")
    return figure


def _html(figure: Any, key: str) -> str:
    return str(
        figure.to_html(
            full_html=False, include_plotlyjs=False, div_id=f"chart-{key}", config=_CONFIG
        )
    )


def _short(text: str, length: int = 28) -> str:
    return text if len(text) <= length else f"{text[: length - 1]}…"


def country_chart(key: str, rows: list[CountRow]) -> str:
    """Horizontal bars, Taiwan and U.S. members stacked, largest on top."""
    import plotly.graph_objects as go

    if not any(row.total for row in rows):
        return ""
    ordered = list(reversed(rows))
    labels = [row.label for row in ordered]
    traces = [
        go.Bar(
            name=country_label(code),
            y=labels,
            x=[getattr(row, field) for row in ordered],
            orientation="h",
            marker_color=colour,
        )
        for code, field, colour in (
            ("TW", "taiwan", TAIWAN_COLOUR),
            ("US", "united_states", US_COLOUR),
        )
    ]
    return _html(_figure(traces, height=max(260, 28 * len(rows) + 90), barmode="stack"), key)


def _lines(key: str, period: Period, series: list[tuple[str, list[int]]]) -> str:
    import plotly.graph_objects as go

    if not any(any(counts) for _label, counts in series):
        return ""
    x = [period.bucket_label(bucket) for bucket in period.buckets()]
    traces = [
        go.Scatter(name=label, x=x, y=counts, mode="lines+markers" if len(x) < 40 else "lines")
        for label, counts in series
    ]
    return _html(_figure(traces, hovermode="x unified", xaxis={"type": "category"}), key)


def news_topic_chart(data: TimeSeries, period: Period) -> str:
    """One line per topic over the weeks or months of the period."""
    return _lines("news-topics", period, [(s.label, s.counts) for s in data.series])


def watchlist_chart(data: WatchlistTimelines, period: Period) -> str:
    """One line per watch term: how many articles matched it each week or month."""
    return _lines("watchlist-timelines", period, [(w.label, w.counts) for w in data.watchlists])


def mention_chart(rows: list[MemberMentions]) -> str:
    """The most-mentioned members as bars, coloured by side of the Pacific."""
    import plotly.graph_objects as go

    if not rows:
        return ""
    ordered = list(reversed(rows))
    trace = go.Bar(
        y=[_short(row.name) for row in ordered],
        x=[row.articles for row in ordered],
        orientation="h",
        marker_color=[TAIWAN_COLOUR if row.country == "TW" else US_COLOUR for row in ordered],
        customdata=[[row.mentions] for row in ordered],
        hovertemplate=_("%{x} articles, %{customdata[0]} mentions") + "<extra></extra>",
    )
    return _html(
        _figure([trace], height=max(260, 26 * len(rows) + 80), xaxis={"title": _("Articles")}),
        "news-mentions",
    )


def funnel_chart(rows: list[FunnelRow]) -> str:
    """A funnel per kind, stacked: posted, answered, interest accepted, meeting agreed."""
    import plotly.graph_objects as go

    if not rows:
        return ""
    stages = [_("Posted"), _("Answered"), _("Interest accepted"), _("Meeting agreed")]
    traces = [
        go.Funnel(
            name=row.label,
            y=stages,
            x=[row.posted, row.answered, row.accepted, row.meetings],
            textinfo="value",
        )
        for row in rows
    ]
    return _html(_figure(traces, height=380), "opportunity-funnel")


def attendance_chart(rows: list[AttendanceRow]) -> str:
    """Per event: confirmed, waitlisted and cancelled registrations, check-ins, meetings."""
    import plotly.graph_objects as go

    if not rows:
        return ""
    x = [f"{_short(row.title, 24)} ({timezone.localtime(row.starts_at):%m-%d})" for row in rows]
    measures = [
        (_("Confirmed"), "confirmed", TAIWAN_COLOUR),
        (_("Waitlisted"), "waitlisted", "#9a6700"),
        (pgettext("registration status", "Cancelled"), "cancelled", "#8c959f"),
        (_("Checked in"), "checked_in", "#1a7f37"),
        (_("Meetings placed"), "meetings_placed", US_COLOUR),
    ]
    traces = [
        go.Bar(name=name, x=x, y=[getattr(row, field) for row in rows], marker_color=colour)
        for name, field, colour in measures
    ]
    return _html(_figure(traces, barmode="group", xaxis={"type": "category"}), "event-attendance")
