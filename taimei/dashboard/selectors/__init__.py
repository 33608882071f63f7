"""What the staff dashboard reads: one function per panel, each a fixed number of queries.

Every function aggregates in the database and returns plain, typed rows with labels already in
the active language, so pages, CSV files and the API show the same figures. None of them loops
over data with queries: the query count does not grow with members, articles or events.
"""

from taimei.dashboard.selectors.activity import (
    AttendanceRow,
    FunnelRow,
    event_attendance,
    opportunity_funnel,
)
from taimei.dashboard.selectors.common import access_dashboard, user_can_view_dashboard
from taimei.dashboard.selectors.members import (
    CountRow,
    MemberBreakdown,
    country_label,
    member_breakdown,
)
from taimei.dashboard.selectors.news import (
    MemberMentions,
    Series,
    TimeSeries,
    member_mention_ranking,
    news_topic_series,
)
from taimei.dashboard.selectors.watchlists import (
    WatchArticle,
    Watchlist,
    WatchlistTimelines,
    watchlist_timelines,
)

__all__ = [
    "AttendanceRow",
    "CountRow",
    "FunnelRow",
    "MemberBreakdown",
    "MemberMentions",
    "Series",
    "TimeSeries",
    "WatchArticle",
    "Watchlist",
    "WatchlistTimelines",
    "access_dashboard",
    "country_label",
    "event_attendance",
    "member_breakdown",
    "member_mention_ranking",
    "news_topic_series",
    "opportunity_funnel",
    "user_can_view_dashboard",
    "watchlist_timelines",
]
