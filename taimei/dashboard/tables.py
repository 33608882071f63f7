"""The dashboard's figures as tables: shown under each chart and downloaded as CSV, identically.

A table is built once from a selector's rows; the HTML table (the accessible form of its chart)
and the CSV file are two renderings of the same cells.
"""

from __future__ import annotations

import csv
import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from taimei.dashboard.filters import Period
from taimei.dashboard.selectors import (
    AttendanceRow,
    CountRow,
    FunnelRow,
    MemberBreakdown,
    MemberMentions,
    TimeSeries,
    WatchlistTimelines,
    country_label,
)

if TYPE_CHECKING:
    from _typeshed import SupportsWrite


@dataclass(frozen=True, slots=True)
class Cell:
    """One value as shown; `url` makes it a link, `numeric` right-aligns it and skips escaping."""

    text: str
    url: str = ""
    numeric: bool = False


@dataclass(frozen=True, slots=True)
class Link:
    """A value shown as a link."""

    text: str
    url: str


Value = str | int | datetime.date | Link | None


@dataclass(frozen=True, slots=True)
class Table:
    """A captioned table; the first cell of each row heads it, `footer` holds the totals."""

    key: str
    caption: str
    columns: list[str]
    rows: list[list[Cell]]
    footer: list[Cell] | None = None


def _cell(value: Value) -> Cell:
    if isinstance(value, Link):
        return Cell(value.text, value.url)
    if isinstance(value, bool) or value is None:
        return Cell("")
    if isinstance(value, int):
        return Cell(str(value), numeric=True)
    if isinstance(value, datetime.datetime):
        return Cell(timezone.localtime(value).date().isoformat())
    if isinstance(value, datetime.date):
        return Cell(value.isoformat())
    return Cell(str(value))


def _row(values: Iterable[Value]) -> list[Cell]:
    return [_cell(value) for value in values]


def _percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "–"


# CSV cells starting like a formula run as one in spreadsheets; titles come from the web.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def write_csv(table: Table, stream: SupportsWrite[str]) -> None:
    """The table as CSV: a header row, the rows, then the totals row when there is one."""
    writer = csv.writer(stream)
    writer.writerow(table.columns)
    rows: Sequence[list[Cell]] = [*table.rows, *([table.footer] if table.footer else [])]
    for row in rows:
        writer.writerow(
            cell.text
            if cell.numeric or not cell.text.startswith(_FORMULA_STARTS)
            else f"'{cell.text}"
            for cell in row
        )


# Members ---------------------------------------------------------------------------------


def _country_table(
    key: str, caption: str, first: str, rows: list[CountRow], *, with_totals: bool = False
) -> Table:
    footer = None
    if with_totals:
        sums = [sum(getattr(row, name) for row in rows) for name in _COUNTS]
        footer = _row([_("All members"), *sums])
    return Table(
        key=key,
        caption=caption,
        columns=[
            first,
            country_label("TW"),
            country_label("US"),
            _("Total"),
            _("Joined in the period"),
        ],
        rows=[_row([row.label, *(getattr(row, name) for name in _COUNTS)]) for row in rows],
        footer=footer,
    )


_COUNTS = ("taiwan", "united_states", "total", "joined")


def member_tables(data: MemberBreakdown) -> list[Table]:
    """Listed members by domain, by industry, and by kind and country (with the totals)."""
    return [
        _country_table("members-domains", _("Members by domain"), _("Domain"), data.by_domain),
        _country_table(
            "members-industries", _("Members by industry"), _("Industry"), data.by_industry
        ),
        _country_table(
            "members-countries",
            _("Members by country and kind"),
            _("Kind"),
            data.by_kind,
            with_totals=True,
        ),
    ]


# News ------------------------------------------------------------------------------------


def _bucket_heading(period: Period) -> str:
    if period.granularity == "month":
        return pgettext("time series step", "Month")
    return pgettext("time series step", "Week of")


def news_topic_table(data: TimeSeries, period: Period) -> Table:
    """Articles per week or month and topic; an article with two topics counts under both."""
    return Table(
        key="news-topics",
        caption=_("Published articles by topic"),
        columns=[_bucket_heading(period), *(s.label for s in data.series), _("All articles")],
        rows=[
            _row([period.bucket_label(bucket), *(s.counts[i] for s in data.series), total])
            for i, (bucket, total) in enumerate(zip(data.buckets, data.totals, strict=True))
        ],
        footer=_row([_("Total"), *(s.total for s in data.series), data.total]),
    )


def mention_table(rows: list[MemberMentions]) -> Table:
    """The most-mentioned members, linked to their profiles."""
    return Table(
        key="news-mentions",
        caption=_("Members named most often in the news"),
        columns=[
            _("Member"),
            _("Country"),
            _("Articles"),
            _("Mentions"),
            _("Last mentioned"),
        ],
        rows=[
            _row(
                [
                    Link(row.name, row.url),
                    country_label(row.country),
                    row.articles,
                    row.mentions,
                    row.last_mentioned,
                ]
            )
            for row in rows
        ],
    )


# Opportunities and events ----------------------------------------------------------------


_FUNNEL_COUNTS = ("posted", "answered", "interests", "accepted", "meetings")


def funnel_table(rows: list[FunnelRow]) -> Table:
    """Per kind: posts, how many got answers, accepted answers and meetings; the conversion."""

    def line(label: str, counts: list[int]) -> list[Cell]:
        posted, meetings = counts[0], counts[-1]
        return _row([label, *counts, _percent(meetings, posted)])

    sums = [sum(getattr(row, name) for row in rows) for name in _FUNNEL_COUNTS]
    return Table(
        key="opportunity-funnel",
        caption=_("Opportunity funnel by kind"),
        columns=[
            _("Kind"),
            _("Posted"),
            _("Answered"),
            _("Expressions of interest"),
            _("Interest accepted"),
            _("Meeting agreed"),
            _("Posted → meeting"),
        ],
        rows=[line(row.label, [getattr(row, name) for name in _FUNNEL_COUNTS]) for row in rows],
        footer=line(_("All kinds"), sums) if rows else None,
    )


def attendance_table(rows: list[AttendanceRow]) -> Table:
    """Each event's registrations by status, check-ins and meetings placed."""
    return Table(
        key="event-attendance",
        caption=_("Event attendance"),
        columns=[
            _("Event"),
            _("Starts"),
            _("Status"),
            _("Capacity"),
            _("Confirmed"),
            _("Seats taken"),
            _("Waitlisted"),
            _("Awaiting approval"),
            pgettext("registration status", "Cancelled"),
            _("Declined"),
            _("Checked in"),
            _("Meetings placed"),
        ],
        rows=[
            _row(
                [
                    Link(row.title, row.url),
                    row.starts_at,
                    row.status,
                    row.capacity,
                    row.confirmed,
                    row.seats,
                    row.waitlisted,
                    row.applied,
                    row.cancelled,
                    row.declined,
                    row.checked_in,
                    row.meetings_placed,
                ]
            )
            for row in rows
        ],
    )


# Watchlists ------------------------------------------------------------------------------


def watchlist_tables(data: WatchlistTimelines, period: Period) -> list[Table]:
    """Matches per week or month for every watch term, and the latest matching articles."""
    watchlists = data.watchlists
    timeline = Table(
        key="watchlist-timelines",
        caption=_("Articles matching each watch term"),
        columns=[_bucket_heading(period), *(w.label for w in watchlists)],
        rows=[
            _row([period.bucket_label(bucket), *(w.counts[i] for w in watchlists)])
            for i, bucket in enumerate(data.buckets)
        ],
        footer=_row([_("Total"), *(w.total for w in watchlists)]),
    )
    latest = Table(
        key="watchlist-articles",
        caption=_("Latest matching articles"),
        columns=[_("Watch term"), _("Published"), _("Article")],
        rows=[
            _row([w.label, article.published_at, Link(article.title, article.url)])
            for w in watchlists
            for article in w.latest
        ],
    )
    return [timeline, latest]
