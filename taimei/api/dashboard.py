"""Dashboard endpoints for alliance staff: the figures behind each panel, as JSON.

Thin: check staff, parse the period with the dashboard's own form, call one selector. Labels
follow the request's language (Accept-Language). No `from __future__ import annotations`:
django-ninja must see `Query[...]` as a real type when the module loads.
"""

from datetime import date

from django.http import HttpRequest
from ninja import Query, Router, Schema
from ninja.errors import HttpError

from taimei.api.auth import authenticated
from taimei.dashboard import conf, selectors
from taimei.dashboard.filters import Period, PeriodForm

router = Router(tags=["dashboard"])


class PeriodIn(Schema):
    start: date | None = None
    end: date | None = None
    granularity: str = "week"


class PeriodOut(Schema):
    start: date
    end: date
    granularity: str


class MembersOut(Schema):
    period: PeriodOut
    by_domain: list[selectors.CountRow]
    by_industry: list[selectors.CountRow]
    by_kind: list[selectors.CountRow]


class TopicsOut(Schema):
    period: PeriodOut
    buckets: list[date]
    series: list[selectors.Series]
    totals: list[int]


class MentionsOut(Schema):
    period: PeriodOut
    members: list[selectors.MemberMentions]


class FunnelOut(Schema):
    period: PeriodOut
    kinds: list[selectors.FunnelRow]


class AttendanceOut(Schema):
    period: PeriodOut
    events: list[selectors.AttendanceRow]


class WatchlistsOut(Schema):
    period: PeriodOut
    buckets: list[date]
    watchlists: list[selectors.Watchlist]


def _staff_period(request: HttpRequest, params: PeriodIn) -> Period:
    if not selectors.user_can_view_dashboard(request.user):
        raise HttpError(403, "The dashboard is for alliance staff.")
    form = PeriodForm(
        data={
            "start": params.start.isoformat() if params.start else "",
            "end": params.end.isoformat() if params.end else "",
            "granularity": params.granularity,
        }
    )
    if not form.is_valid():
        raise HttpError(422, " ".join(str(e) for errors in form.errors.values() for e in errors))
    period: Period = form.cleaned_data["period"]
    return period


def _period_out(period: Period) -> PeriodOut:
    return PeriodOut(start=period.start, end=period.end, granularity=period.granularity)


@router.get("/dashboard/members", response=MembersOut, auth=authenticated)
def dashboard_members(request: HttpRequest, params: Query[PeriodIn]) -> MembersOut:
    """Listed members by domain, industry and kind, Taiwan / U.S.; `joined` = in the period."""
    period = _staff_period(request, params)
    data = selectors.member_breakdown(period=period)
    return MembersOut(
        period=_period_out(period),
        by_domain=data.by_domain,
        by_industry=data.by_industry,
        by_kind=data.by_kind,
    )


@router.get("/dashboard/news-topics", response=TopicsOut, auth=authenticated)
def dashboard_news_topics(request: HttpRequest, params: Query[PeriodIn]) -> TopicsOut:
    """Published articles per topic per week or month; `totals` counts each article once."""
    period = _staff_period(request, params)
    data = selectors.news_topic_series(period=period)
    return TopicsOut(
        period=_period_out(period), buckets=data.buckets, series=data.series, totals=data.totals
    )


@router.get("/dashboard/mentions", response=MentionsOut, auth=authenticated)
def dashboard_mentions(request: HttpRequest, params: Query[PeriodIn]) -> MentionsOut:
    """The members named in the most published articles of the period."""
    period = _staff_period(request, params)
    members = selectors.member_mention_ranking(period=period, limit=conf.top_members())
    return MentionsOut(period=_period_out(period), members=members)


@router.get("/dashboard/opportunity-funnel", response=FunnelOut, auth=authenticated)
def dashboard_funnel(request: HttpRequest, params: Query[PeriodIn]) -> FunnelOut:
    """Posts created in the period per kind: answered, interest accepted, meeting agreed."""
    period = _staff_period(request, params)
    return FunnelOut(period=_period_out(period), kinds=selectors.opportunity_funnel(period=period))


@router.get("/dashboard/event-attendance", response=AttendanceOut, auth=authenticated)
def dashboard_attendance(request: HttpRequest, params: Query[PeriodIn]) -> AttendanceOut:
    """Events starting in the period with registrations by status, check-ins, meetings."""
    period = _staff_period(request, params)
    return AttendanceOut(
        period=_period_out(period), events=selectors.event_attendance(period=period)
    )


@router.get("/dashboard/watchlists", response=WatchlistsOut, auth=authenticated)
def dashboard_watchlists(request: HttpRequest, params: Query[PeriodIn]) -> WatchlistsOut:
    """Articles matching each active watch term per week or month, and the latest of them."""
    period = _staff_period(request, params)
    data = selectors.watchlist_timelines(period=period, latest=conf.latest_articles())
    return WatchlistsOut(
        period=_period_out(period), buckets=data.buckets, watchlists=data.watchlists
    )
