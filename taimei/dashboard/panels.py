"""The dashboard's panels: which selector feeds each, and the charts and tables it shows.

A panel reads its data once; its charts and tables are drawn from that. The CSV download asks
for tables only, so it skips plotly.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.utils.functional import Promise
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from taimei.dashboard import charts, conf, selectors, tables
from taimei.dashboard.filters import Period
from taimei.dashboard.tables import Table


@dataclass(frozen=True, slots=True)
class Section:
    """A chart (when there is one) and the table that says the same in words and numbers."""

    table: Table
    chart: SafeString | None = None


@dataclass(frozen=True, slots=True)
class Figure:
    """A headline number for the summary strip."""

    label: str
    value: int


@dataclass(frozen=True, slots=True)
class PanelView:
    slug: str
    title: str
    description: str
    sections: list[Section]
    figures: list[Figure] = field(default_factory=list)


Sections = Callable[[Any, Period, bool], list[Section]]


@dataclass(frozen=True, slots=True)
class Panel:
    """A block of the dashboard: its data, its sections and the headline numbers it adds."""

    slug: str
    title: Promise
    description: Promise
    read: Callable[[Period], Any]
    sections: Sections
    table_keys: tuple[str, ...]
    figures: Callable[[Any], list[Figure]] = lambda data: []

    def build(self, period: Period, *, with_charts: bool = True) -> PanelView:
        data = self.read(period)
        return PanelView(
            slug=self.slug,
            title=str(self.title),
            description=str(self.description),
            sections=self.sections(data, period, with_charts),
            figures=self.figures(data),
        )


def _pair(table: Table, draw: Callable[[], str], with_charts: bool) -> Section:
    # Charts are our own plotly output (data JSON-escaped by plotly), hence safe to embed.
    return Section(table=table, chart=mark_safe(draw()) if with_charts else None)


def _members(data: selectors.MemberBreakdown, period: Period, draw: bool) -> list[Section]:
    domains, industries, countries = tables.member_tables(data)
    return [
        _pair(domains, lambda: charts.country_chart("members-domains", data.by_domain), draw),
        _pair(
            industries, lambda: charts.country_chart("members-industries", data.by_industry), draw
        ),
        _pair(countries, lambda: charts.country_chart("members-countries", data.by_kind), draw),
    ]


def _news(data: selectors.TimeSeries, period: Period, draw: bool) -> list[Section]:
    return [
        _pair(
            tables.news_topic_table(data, period),
            lambda: charts.news_topic_chart(data, period),
            draw,
        )
    ]


def _mentions(data: list[selectors.MemberMentions], period: Period, draw: bool) -> list[Section]:
    return [_pair(tables.mention_table(data), lambda: charts.mention_chart(data), draw)]


def _funnel(data: list[selectors.FunnelRow], period: Period, draw: bool) -> list[Section]:
    return [_pair(tables.funnel_table(data), lambda: charts.funnel_chart(data), draw)]


def _events(data: list[selectors.AttendanceRow], period: Period, draw: bool) -> list[Section]:
    return [_pair(tables.attendance_table(data), lambda: charts.attendance_chart(data), draw)]


def _watchlists(data: selectors.WatchlistTimelines, period: Period, draw: bool) -> list[Section]:
    timeline, latest = tables.watchlist_tables(data, period)
    return [
        _pair(timeline, lambda: charts.watchlist_chart(data, period), draw),
        Section(table=latest),
    ]


PANELS: dict[str, Panel] = {
    panel.slug: panel
    for panel in [
        Panel(
            slug="members",
            title=_("Members"),
            description=_(
                "Listed member organisations by domain, industry, kind and side of the Pacific; "
                "“joined” counts those added in the period."
            ),
            read=lambda period: selectors.member_breakdown(period=period),
            sections=_members,
            table_keys=("members-domains", "members-industries", "members-countries"),
            figures=lambda data: [
                Figure(str(_("Listed members")), data.total),
                Figure(str(_("Members joined")), data.joined),
            ],
        ),
        Panel(
            slug="news",
            title=_("News by topic"),
            description=_("Published articles per topic; an article with two topics counts twice."),
            read=lambda period: selectors.news_topic_series(period=period),
            sections=_news,
            table_keys=("news-topics",),
            figures=lambda data: [Figure(str(_("Articles published")), data.total)],
        ),
        Panel(
            slug="mentions",
            title=_("Most-mentioned members"),
            description=_("Members named in the most published articles of the period."),
            read=lambda period: selectors.member_mention_ranking(
                period=period, limit=conf.top_members()
            ),
            sections=_mentions,
            table_keys=("news-mentions",),
        ),
        Panel(
            slug="opportunities",
            title=_("Opportunity funnel"),
            description=_(
                "Posts created in the period and how far they got: answered by at least one "
                "expression of interest, an interest accepted, a meeting agreed."
            ),
            read=lambda period: selectors.opportunity_funnel(period=period),
            sections=_funnel,
            table_keys=("opportunity-funnel",),
            figures=lambda data: [
                Figure(str(_("Opportunities posted")), sum(row.posted for row in data))
            ],
        ),
        Panel(
            slug="events",
            title=_("Event attendance"),
            description=_(
                "Events starting in the period: registrations by status, check-ins and the B2B "
                "meetings placed on the grid."
            ),
            read=lambda period: selectors.event_attendance(period=period),
            sections=_events,
            table_keys=("event-attendance",),
            figures=lambda data: [
                Figure(str(_("Confirmed registrations")), sum(row.confirmed for row in data))
            ],
        ),
        Panel(
            slug="watchlists",
            title=_("Policy watchlists"),
            description=_(
                "Published articles matching each watch term, in either script or in English."
            ),
            read=lambda period: selectors.watchlist_timelines(
                period=period, latest=conf.latest_articles()
            ),
            sections=_watchlists,
            table_keys=("watchlist-timelines", "watchlist-articles"),
        ),
    ]
}


def table_panel(key: str) -> Panel | None:
    """The panel that shows the table `key`, or None for an unknown key."""
    return next((panel for panel in PANELS.values() if key in panel.table_keys), None)
