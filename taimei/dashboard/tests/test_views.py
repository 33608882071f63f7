"""The dashboard page, its htmx partial, the date filter, CSV downloads and plotly.js."""

import csv
import datetime
import gzip
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from taimei.dashboard.views import PLOTLY_VERSION
from taimei.members.tests.factories import OrganizationFactory
from taimei.news.tests.factories import MentionFactory

from .factories import article, populate

pytestmark = pytest.mark.django_db
PANEL_IDS = ["members", "news", "mentions", "opportunities", "events", "watchlists"]


def _range(days_back=60, days_ahead=60):
    today = timezone.localdate()
    return {
        "start": (today - datetime.timedelta(days=days_back)).isoformat(),
        "end": (today + datetime.timedelta(days=days_ahead)).isoformat(),
    }


def test_page_shows_every_panel_with_charts_tables_and_plotly_from_our_server(staff_client):
    populate(2)
    response = staff_client.get(reverse("dashboard"), _range())
    assert response.status_code == 200
    html = response.content.decode()
    for panel in PANEL_IDS:
        assert f'id="panel-{panel}"' in html
    assert html.count('class="plotly-graph-div"') == 8  # all charts but the article list
    assert reverse("dashboard:plotly") in html
    assert "cdn.plot.ly" not in html and "https://cdn" not in html
    assert '<th scope="col">' in html and "<caption>" in html
    assert reverse("dashboard:csv", kwargs={"key": "news-mentions"}) in html


def test_navigation_url_name_is_the_dashboard():
    assert reverse("dashboard") == reverse("dashboard:index") == "/dashboard/"


def test_htmx_request_gets_the_partial_for_the_new_range(staff_client):
    response = staff_client.get(
        reverse("dashboard"), {"start": "2025-01-01", "end": "2025-01-31"}, HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html and 'id="panel-watchlists"' in html
    assert "From 2025-01-01 to 2025-01-31" in html
    assert 'value="2025-01-01"' in html  # the form keeps what was asked


@pytest.mark.parametrize(
    "params",
    [
        {"start": "2025-02-01", "end": "2025-01-01"},
        {"start": "not a date"},
        {"start": "1000-01-01", "end": "2025-01-01"},
        {"start": "0001-01-01", "end": "9999-12-31"},
        {"granularity": "decade"},
        {"end": "9999-12-31"},
    ],
)
def test_bad_filter_input_says_why_and_falls_back_to_the_default_range(staff_client, params):
    response = staff_client.get(reverse("dashboard"), params)
    assert response.status_code == 200
    assert "Showing the default range instead." in response.content.decode()
    assert response.context["period"].end == timezone.localdate()


def test_monthly_series_label_buckets_by_month(staff_client):
    article(when=timezone.now())
    response = staff_client.get(reverse("dashboard"), {**_range(40, 0), "granularity": "month"})
    html = response.content.decode()
    assert timezone.localdate().strftime("%Y-%m") in html
    assert "Month" in html


def test_query_count_does_not_grow_with_the_data(staff_client):
    """Every panel aggregates in the database: ten times the data, the same queries."""
    populate(1)
    with CaptureQueriesContext(connection) as small:
        assert staff_client.get(reverse("dashboard"), _range()).status_code == 200
    populate(10)
    with CaptureQueriesContext(connection) as large:
        response = staff_client.get(reverse("dashboard"), _range())
    assert response.status_code == 200
    assert "Policy watchlists" in response.content.decode()
    assert len(large) == len(small)
    assert len(large) <= 20  # session, user, then a handful per panel


def _csv(response):
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def test_csv_of_a_table_has_the_same_cells_as_the_page(staff_client):
    tsmc = OrganizationFactory(slug="tsmc", name_en="TSMC", country="TW")
    MentionFactory(article=article(), organization=tsmc)
    response = staff_client.get(reverse("dashboard:csv", kwargs={"key": "news-mentions"}), _range())
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment;" in response["Content-Disposition"]
    rows = _csv(response)
    assert rows[0] == ["Member", "Country", "Articles", "Mentions", "Last mentioned"]
    assert rows[1][:4] == ["TSMC", "Taiwan", "1", "1"]


@pytest.mark.parametrize(
    "key",
    [
        "members-domains",
        "members-industries",
        "members-countries",
        "news-topics",
        "news-mentions",
        "opportunity-funnel",
        "event-attendance",
        "watchlist-timelines",
        "watchlist-articles",
    ],
)
def test_every_table_downloads(staff_client, key):
    populate(1)
    response = staff_client.get(reverse("dashboard:csv", kwargs={"key": key}), _range())
    assert response.status_code == 200
    rows = _csv(response)
    assert len(rows) >= 2 and all(len(row) == len(rows[0]) for row in rows)


def test_csv_cells_cannot_run_as_spreadsheet_formulas(staff_client):
    story = article('=HYPERLINK("http://evil.example","232條款")')
    assert story.pk
    response = staff_client.get(
        reverse("dashboard:csv", kwargs={"key": "watchlist-articles"}), _range()
    )
    titles = [row[2] for row in _csv(response)[1:]]
    assert titles == ['\'=HYPERLINK("http://evil.example","232條款")']


def test_csv_of_an_unknown_table_is_not_found_and_a_bad_range_is_a_clear_error(staff_client):
    assert staff_client.get(reverse("dashboard:csv", kwargs={"key": "nope"})).status_code == 404
    response = staff_client.get(
        reverse("dashboard:csv", kwargs={"key": "news-topics"}),
        {"start": "2025-02-01", "end": "2025-01-01"},
    )
    assert response.status_code == 400
    assert "start date must not be after the end date" in response.content.decode()


def test_plotly_js_is_served_from_the_installed_package_compressed_and_cached(client):
    url = reverse("dashboard:plotly")
    assert PLOTLY_VERSION in url
    response = client.get(url, HTTP_ACCEPT_ENCODING="gzip, br")
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert "immutable" in response["Cache-Control"]
    body = gzip.decompress(response.content)
    assert body.startswith(b"/**") and b"plotly.js v" in body[:200]
    again = client.get(url, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    plain = client.get(url)
    assert "Content-Encoding" not in plain and plain.content == body
