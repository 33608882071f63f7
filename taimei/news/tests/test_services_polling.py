"""Feed polling against a local HTTP server: conditional GET, back-off, the periodic task."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.utils import timezone

from taimei.news.models import Article, IngestFailure, Source
from taimei.news.services.polling import backoff_delay, source_poll, sources_due
from taimei.news.tasks import poll_feeds
from taimei.news.tests.factories import SourceFactory

pytestmark = pytest.mark.django_db

FEED = (
    '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Alliance wire</title>'
    "<item><title>台美企業聯盟啟動</title><link>https://wire.example/1</link><guid>w1</guid>"
    "<description>&lt;p&gt;外貿協會今天宣布啟動台美企業聯盟，協助雙邊企業在貿易、投資等5大領域"
    "進行交流合作。&lt;/p&gt;</description></item>"
    "<item><title>Taiwan and US hold trade talks</title><link>https://wire.example/2</link>"
    "<guid>w2</guid><description>Officials from Taiwan and the United States held trade talks "
    "in Washington on tariffs and export controls.</description></item>"
    "</channel></rss>"
).encode()


class _Feed(BaseHTTPRequestHandler):
    requests: list[dict[str, str]] = []
    broken = False

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""

    def do_GET(self) -> None:
        type(self).requests.append(dict(self.headers))
        if type(self).broken:
            self.send_response(503)
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.headers.get("If-None-Match") == '"v1"':
            self.send_response(304)
            self.end_headers()
        else:
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("ETag", '"v1"')
            self.send_header("Last-Modified", "Tue, 27 Jan 2026 02:00:00 GMT")
            self.send_header("Content-Length", str(len(FEED)))
            self.end_headers()
            self.wfile.write(FEED)


@pytest.fixture
def feed_url(settings) -> Iterator[str]:
    settings.TAIMEI_NEWS_ALLOW_PRIVATE_URLS = True
    settings.TAIMEI_NEWS_POLL_EVERY = 600
    settings.TAIMEI_NEWS_BACKOFF_MAX = 3600
    _Feed.requests = []
    _Feed.broken = False
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Feed)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/feed.xml"
    server.shutdown()
    server.server_close()


def test_first_poll_stores_entries_and_keeps_the_validators(feed_url):
    source = SourceFactory(location=feed_url)

    report = source_poll(source=source)

    assert report.new == 2
    source.refresh_from_db()
    assert (source.etag, source.last_modified) == ('"v1"', "Tue, 27 Jan 2026 02:00:00 GMT")
    assert (source.last_status, source.items_read, source.items_new) == ("ok", 2, 2)
    assert source.next_fetch_at - source.last_fetched_at == timedelta(seconds=600)
    assert set(Article.objects.values_list("copies__url", flat=True)) == {
        "https://wire.example/1",
        "https://wire.example/2",
    }


def test_second_poll_is_conditional_and_changes_nothing(feed_url):
    source = SourceFactory(location=feed_url)
    source_poll(source=source)

    report = source_poll(source=source)

    assert _Feed.requests[-1].get("If-None-Match") == '"v1"'
    assert _Feed.requests[-1].get("If-Modified-Since") == "Tue, 27 Jan 2026 02:00:00 GMT"
    assert report.read == 0
    source.refresh_from_db()
    assert source.last_status == "not-modified"
    assert Article.objects.count() == 2


def test_errors_back_off_exponentially_and_recovery_resets(feed_url):
    source = SourceFactory(location=feed_url)
    _Feed.broken = True

    source_poll(source=source)
    source_poll(source=source)

    source.refresh_from_db()
    assert (source.last_status, source.consecutive_failures) == ("error", 2)
    assert "503" in source.last_error
    assert source.backing_off
    assert source.next_fetch_at - source.last_fetched_at == timedelta(seconds=2400)
    assert IngestFailure.objects.filter(source=source, stage="fetch").count() == 2
    assert source not in sources_due()

    _Feed.broken = False
    source_poll(source=source)
    source.refresh_from_db()
    assert (source.consecutive_failures, source.last_error, source.backing_off) == (0, "", False)


def test_backoff_is_capped(settings):
    settings.TAIMEI_NEWS_POLL_EVERY = 900
    settings.TAIMEI_NEWS_BACKOFF_MAX = 7200
    assert backoff_delay(0) == timedelta(seconds=900)
    assert backoff_delay(1) == timedelta(seconds=1800)
    assert backoff_delay(50) == timedelta(seconds=7200)


def test_a_private_address_is_refused_unless_allowed(feed_url, settings):
    settings.TAIMEI_NEWS_ALLOW_PRIVATE_URLS = False
    source = SourceFactory(location=feed_url)

    source_poll(source=source)

    source.refresh_from_db()
    assert source.last_status == "error" and "refused" in source.last_error
    assert _Feed.requests == []


def test_only_due_active_remote_feeds_are_polled(feed_url, django_capture_on_commit_callbacks):
    due = SourceFactory(location=feed_url)
    SourceFactory(next_fetch_at=timezone.now() + timedelta(hours=1))
    SourceFactory(is_active=False)
    SourceFactory(location="/srv/news/folder", kind=Source.Kind.FOLDER)

    assert list(sources_due()) == [due]
    with django_capture_on_commit_callbacks(execute=True):
        assert poll_feeds() == 1

    due.refresh_from_db()
    assert due.last_status == "ok"
    assert Article.objects.count() == 2


def test_the_app_declares_the_periodic_poll():
    from taimei.config.celery import periodic_tasks

    assert periodic_tasks()["news-poll-feeds"]["task"] == "taimei.news.tasks.poll_feeds"
