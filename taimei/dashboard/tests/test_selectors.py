"""The figures each panel reads, checked against data built for the purpose."""

import datetime
import zoneinfo

import pytest
from django.utils import timezone

from taimei.dashboard import selectors
from taimei.dashboard.filters import Period
from taimei.events.models import MeetingSlot, Registration
from taimei.events.tests.factories import EventFactory, MeetingRequestFactory, RegistrationFactory
from taimei.members.tests.factories import OrganizationFactory
from taimei.news.tests.factories import MentionFactory, TopicLabelFactory
from taimei.opportunities.models import Conversation, Interest, Meeting
from taimei.opportunities.tests.factories import InterestFactory, OpportunityFactory

from .factories import WatchTermFactory, article

pytestmark = pytest.mark.django_db
TAIPEI = zoneinfo.ZoneInfo("Asia/Taipei")


def at(year, month, day, hour=12):
    return datetime.datetime(year, month, day, hour, tzinfo=TAIPEI)


def test_members_by_domain_industry_and_kind_split_by_country(around_today):
    OrganizationFactory(country="TW", domains=["trade", "startups"], industries=["drones"])
    OrganizationFactory(country="US", domains=["trade"], industries=["drones", "ai"])
    OrganizationFactory(country="US", kind="association", domains=["trade"])
    OrganizationFactory(country="TW", domains=["trade"], is_listed=False)

    data = selectors.member_breakdown(period=around_today)

    domains = {row.slug: row for row in data.by_domain}
    assert (domains["trade"].taiwan, domains["trade"].united_states) == (1, 2)
    assert domains["trade"].total == 3 and domains["trade"].joined == 3
    assert domains["startups"].total == 1 and domains["investment"].total == 0
    assert [row.slug for row in data.by_industry[:2]] == ["drones", "ai"]
    kinds = {row.slug: row for row in data.by_kind}
    assert (kinds["company"].taiwan, kinds["company"].united_states) == (1, 1)
    assert kinds["association"].united_states == 1
    assert data.total == 3


def test_joined_counts_only_members_created_in_the_period():
    OrganizationFactory(country="TW", domains=["trade"])
    last_year = Period(start=datetime.date(2001, 1, 1), end=datetime.date(2001, 12, 31))
    data = selectors.member_breakdown(period=last_year)
    assert data.total == 1 and data.joined == 0


def test_news_topic_series_buckets_weeks_in_taipei_time_and_fills_gaps():
    # Sunday 23:30 in Taipei is still the week of Monday 3 March, though UTC says so too;
    # Monday 00:30 Taipei is Sunday in UTC but belongs to the next week here.
    late_sunday = article(when=at(2025, 3, 9, 23))
    early_monday = article(when=at(2025, 3, 10, 0))
    TopicLabelFactory(article=late_sunday, topic_id="trade")
    TopicLabelFactory(article=early_monday, topic_id="trade")
    TopicLabelFactory(article=early_monday, topic_id="investment")
    article(when=at(2025, 3, 20))  # unlabelled: in the totals only
    hidden = article(when=at(2025, 3, 20), is_published=False)
    TopicLabelFactory(article=hidden, topic_id="trade")
    period = Period(start=datetime.date(2025, 3, 3), end=datetime.date(2025, 3, 30))

    data = selectors.news_topic_series(period=period)

    assert data.buckets == [datetime.date(2025, 3, d) for d in (3, 10, 17, 24)]
    series = {s.slug: s.counts for s in data.series}
    assert series["trade"] == [1, 1, 0, 0]
    assert series["investment"] == [0, 1, 0, 0]
    assert data.totals == [1, 1, 1, 0]


def test_news_topic_series_by_month():
    TopicLabelFactory(article=article(when=at(2025, 1, 31)), topic_id="talent")
    TopicLabelFactory(article=article(when=at(2025, 3, 1)), topic_id="talent")
    period = Period(
        start=datetime.date(2025, 1, 15), end=datetime.date(2025, 3, 15), granularity="month"
    )
    data = selectors.news_topic_series(period=period)
    assert data.buckets == [datetime.date(2025, m, 1) for m in (1, 2, 3)]
    assert {s.slug: s.counts for s in data.series}["talent"] == [1, 0, 1]


def test_mention_ranking_counts_articles_then_mentions_and_links_profiles(around_today):
    tsmc = OrganizationFactory(slug="tsmc", name_zh="台積電", name_en="TSMC")
    acer = OrganizationFactory(slug="acer", name_en="Acer")
    first, second = article(), article()
    MentionFactory(article=first, organization=tsmc)
    MentionFactory(article=first, organization=tsmc)
    MentionFactory(article=second, organization=tsmc)
    MentionFactory(article=first, organization=acer)
    MentionFactory(article=first, organization=None, name="Unknown Co")
    MentionFactory(article=article(is_published=False), organization=acer)

    ranking = selectors.member_mention_ranking(period=around_today, limit=10)

    assert [(r.slug, r.articles, r.mentions) for r in ranking] == [("tsmc", 2, 3), ("acer", 1, 1)]
    assert ranking[0].name == "TSMC"
    assert ranking[0].url == "/members/tsmc/"
    assert selectors.member_mention_ranking(period=around_today, limit=1)[0].slug == "tsmc"


def test_opportunity_funnel_counts_posts_reaching_each_stage(around_today):
    poster, other, third = OrganizationFactory(), OrganizationFactory(), OrganizationFactory()
    quiet = OpportunityFactory(kind="sourcing-request", posted_by=poster)
    answered = OpportunityFactory(kind="sourcing-request", posted_by=poster)
    InterestFactory(opportunity=answered, organization=other)
    InterestFactory(opportunity=answered, organization=third, status=Interest.Status.DECLINED)
    met = OpportunityFactory(kind="partnership", posted_by=poster)
    InterestFactory(opportunity=met, organization=other, status=Interest.Status.ACCEPTED)
    conversation = Conversation.objects.create(
        opportunity=met, first_organization=other, second_organization=poster
    )
    for status in (Meeting.Status.ACCEPTED, Meeting.Status.DECLINED):
        Meeting.objects.create(
            conversation=conversation,
            requested_by=other,
            awaiting=poster,
            mode=Meeting.Mode.ONLINE,
            status=status,
        )
    assert quiet.pk

    rows = {row.kind: row for row in selectors.opportunity_funnel(period=around_today)}

    sourcing = rows["sourcing-request"]
    assert (sourcing.posted, sourcing.answered, sourcing.interests) == (2, 1, 2)
    assert (sourcing.accepted, sourcing.meetings) == (0, 0)
    partnership = rows["partnership"]
    assert (partnership.posted, partnership.answered, partnership.accepted) == (1, 1, 1)
    assert partnership.meetings == 1
    assert list(rows) == ["sourcing-request", "partnership"]  # vocabulary order


def test_event_attendance_by_status_check_ins_and_meetings_placed(around_today):
    event = EventFactory(capacity=3)
    confirmed = RegistrationFactory(event=event, seats=2, checked_in_at=timezone.now())
    other = RegistrationFactory(event=event)
    RegistrationFactory(event=event, status=Registration.Status.WAITLISTED)
    RegistrationFactory(event=event, status=Registration.Status.CANCELLED)
    RegistrationFactory(event=event, status=Registration.Status.APPLIED)
    slot = MeetingSlot.objects.create(
        event=event,
        starts_at=event.starts_at,
        ends_at=event.starts_at + datetime.timedelta(hours=1),
    )
    MeetingRequestFactory(requester=confirmed, recipient=other, status="accepted", slot=slot)
    MeetingRequestFactory(requester=other, recipient=confirmed, status="accepted")  # not placed
    EventFactory(status="draft")
    EventFactory(starts_at=timezone.now() - datetime.timedelta(days=400))

    (row,) = selectors.event_attendance(period=around_today)

    assert row.slug == event.slug and row.capacity == 3
    assert (row.confirmed, row.seats, row.waitlisted) == (2, 3, 1)
    assert (row.cancelled, row.applied, row.declined) == (1, 1, 0)
    assert row.checked_in == 1
    assert row.meetings_placed == 1


def test_watchlists_match_both_scripts_and_english_and_list_the_latest(around_today):
    # Only the Traditional form is listed: folding finds the Simplified article too.
    subsidies = WatchTermFactory(label_en="Subsidy act", terms=["補貼法案", "Subsidy Act"])
    now = timezone.now()
    traditional = article("補貼法案通過", when=now - datetime.timedelta(days=3))
    simplified = article("美国补贴法案", when=now - datetime.timedelta(days=2))
    english = article("Fabs", "The U.S. subsidy act funds fabs.", when=now)
    article("無關新聞", "與政策無關。", when=now)
    article("補貼法案 hidden", is_published=False)

    data = selectors.watchlist_timelines(period=around_today, latest=2)

    watchlist = next(w for w in data.watchlists if w.pk == subsidies.pk)
    assert watchlist.total == 3
    assert [a.pk for a in watchlist.latest] == [english.pk, simplified.pk]
    assert traditional.pk not in [a.pk for a in watchlist.latest]
    assert watchlist.latest[0].url == f"/news/{english.pk}/"
    assert len(watchlist.counts) == len(data.buckets)


def test_seeded_watchlists_find_the_policies_of_the_seed_news(around_today):
    article("232條款關稅", "美方232条款調查半導體。")
    article("Reciprocal tariffs", "Reciprocal tariffs of 20% on Taiwan.")
    article("台美ADTA", "避免雙重課稅協定有望通過。")
    data = selectors.watchlist_timelines(period=around_today, latest=5)
    totals = {w.label: w.total for w in data.watchlists}
    assert totals == {"Section 232": 1, "Reciprocal tariffs": 1, "ADTA (double-taxation relief)": 1}


def test_inactive_watch_terms_are_left_out(around_today):
    from taimei.dashboard.models import WatchTerm

    WatchTerm.objects.update(is_active=False)
    data = selectors.watchlist_timelines(period=around_today, latest=5)
    assert data.watchlists == []
    assert data.buckets == around_today.buckets()


def test_only_staff_may_view_the_dashboard(staff, member):
    from django.contrib.auth.models import AnonymousUser

    assert selectors.user_can_view_dashboard(staff)
    assert not selectors.user_can_view_dashboard(member)
    assert not selectors.user_can_view_dashboard(AnonymousUser())
