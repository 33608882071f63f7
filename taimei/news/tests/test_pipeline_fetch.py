"""Safe fetching against a tiny local HTTP server (no network, no database)."""

from __future__ import annotations

import importlib
import ipaddress
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from taimei.news.pipeline.document import Options
from taimei.news.pipeline.fetch import FetchError, fetch_url, is_public

fetch_module = importlib.import_module("taimei.news.pipeline.fetch")

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
BIG = 21 * 1024 * 1024
LOCAL = Options(allow_private_urls=True, fetch_timeout=5.0)


class _Handler(BaseHTTPRequestHandler):
    """Routes for every behaviour the fetcher must handle."""

    seen_hosts: list[str] = []

    def log_message(self, format: str, *args: object) -> None:
        """Keep test output quiet."""

    def do_GET(self) -> None:
        type(self).seen_hosts.append(self.headers.get("Host", ""))
        path = self.path
        if path == "/feed.xml":
            self._feed()
        elif path == "/page.html":
            self._send(200, (FIXTURES / "full_page.html").read_bytes(), "text/html; charset=utf-8")
        elif path.startswith("/redirect/"):
            hops = int(path.rsplit("/", 1)[1])
            if hops == 0:
                self._send(200, b"arrived", "text/plain")
            else:
                self._redirect(f"/redirect/{hops - 1}")
        elif path == "/loop":
            self._redirect("/loop")
        elif path == "/to-private":
            self._redirect("http://169.254.169.254/latest/meta-data/")
        elif path == "/big":
            self._stream_big(declare=False)
        elif path == "/big-declared":
            self._stream_big(declare=True)
        elif path == "/slow":
            time.sleep(2)
            self._send(200, b"late", "text/plain")
        elif path == "/trickle":
            self._trickle()
        elif path == "/opml":
            self._send(200, _opml(self.server.server_address[1]), "text/x-opml")
        else:
            self._send(500 if path == "/error" else 404, b"no", "text/plain")

    def _send(self, status: int, body: bytes, content_type: str, **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in headers.items():
            self.send_header(key.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def _feed(self) -> None:
        if self.headers.get("If-None-Match") == '"v1"':
            self.send_response(304)
            self.end_headers()
            return
        body = (FIXTURES / "feeds" / "rss2.xml").read_bytes()
        self._send(
            200,
            body,
            "application/rss+xml",
            ETag='"v1"',
            Last_Modified="Tue, 27 Jan 2026 02:05:00 GMT",
        )

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _stream_big(self, *, declare: bool) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        if declare:
            self.send_header("Content-Length", str(BIG))
        self.end_headers()
        chunk = b"<p>" + b"x" * 65530 + b"</p>"
        try:
            for _ in range(BIG // len(chunk) + 1):
                self.wfile.write(chunk)
        except (BrokenPipeError, ConnectionResetError):
            return

    def _trickle(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        try:
            for _ in range(100):
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(0.05)
        except (BrokenPipeError, ConnectionResetError):
            return


def _opml(port: int) -> bytes:
    return (
        '<?xml version="1.0"?><opml version="2.0"><head><title>t</title></head><body>'
        f'<outline text="feed" xmlUrl="http://127.0.0.1:{port}/feed.xml"/>'
        f'<outline text="not a feed" xmlUrl="http://127.0.0.1:{port}/page.html"/>'
        "</body></opml>"
    ).encode()


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """A local HTTP server on 127.0.0.1; yields its base URL."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_fetches_a_page_with_its_content_type(server: str) -> None:
    result = fetch_url(f"{server}/page.html", LOCAL)
    assert result.status == 200
    assert result.content_type == "text/html; charset=utf-8"
    assert "綠能業者組團訪美".encode() in result.body
    assert result.url == f"{server}/page.html"
    assert not result.not_modified


def test_conditional_get_returns_not_modified(server: str) -> None:
    first = fetch_url(f"{server}/feed.xml", LOCAL)
    assert first.etag == '"v1"'
    assert first.last_modified == "Tue, 27 Jan 2026 02:05:00 GMT"
    second = fetch_url(f"{server}/feed.xml", LOCAL, etag=first.etag)
    assert second.not_modified
    assert second.status == 304
    assert second.body == b""


def test_follows_redirects_and_reports_the_final_url(server: str) -> None:
    result = fetch_url(f"{server}/redirect/5", LOCAL)
    assert result.body == b"arrived"
    assert result.url == f"{server}/redirect/0"


def test_gives_up_after_five_redirects(server: str) -> None:
    with pytest.raises(FetchError, match="redirects"):
        fetch_url(f"{server}/redirect/6", LOCAL)
    with pytest.raises(FetchError, match="redirects"):
        fetch_url(f"{server}/loop", LOCAL)


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://localhost/",
        "http://10.0.0.1/",
        "http://172.16.5.4/",
        "http://192.168.1.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://0.0.0.0/",
        "http://224.0.0.1/",
        "http://100.64.0.1/",
        "http://[::ffff:127.0.0.1]/",
        "http://[fe80::1]/",
    ],
)
def test_refuses_private_loopback_and_reserved_addresses_by_default(url: str) -> None:
    with pytest.raises(FetchError, match="refused"):
        fetch_url(url, Options())


def test_refuses_the_local_server_unless_allowed(server: str) -> None:
    with pytest.raises(FetchError, match="refused"):
        fetch_url(f"{server}/page.html", Options())


def test_every_resolved_address_is_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    public, private = ipaddress.ip_address("93.184.216.34"), ipaddress.ip_address("10.1.2.3")
    monkeypatch.setattr(fetch_module, "resolve", lambda host, port: [public, private])
    with pytest.raises(FetchError, match=r"10\.1\.2\.3"):
        fetch_url("http://news.example/", Options())


def test_connects_to_the_checked_address_not_a_second_lookup(
    server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    port = int(server.rsplit(":", 1)[1])
    calls: list[str] = []

    def resolve_once(host: str, port: int) -> list[ipaddress.IPv4Address]:
        calls.append(host)
        return [ipaddress.IPv4Address("127.0.0.1")]

    monkeypatch.setattr(fetch_module, "resolve", resolve_once)
    _Handler.seen_hosts.clear()
    result = fetch_url(f"http://news.example:{port}/redirect/0", LOCAL)
    assert result.body == b"arrived"
    assert calls == ["news.example"]
    assert _Handler.seen_hosts == [f"news.example:{port}"]


def test_each_redirect_is_checked_again(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    loopback = ipaddress.ip_address("127.0.0.1")
    monkeypatch.setattr(fetch_module, "is_public", lambda address: address == loopback)
    with pytest.raises(FetchError, match=r"refused: 169\.254\.169\.254"):
        fetch_url(f"{server}/to-private", Options())


@pytest.mark.parametrize("path", ["/big", "/big-declared"])
def test_caps_the_response_size(server: str, path: str) -> None:
    with pytest.raises(FetchError, match="larger than the limit"):
        fetch_url(f"{server}{path}", LOCAL)


def test_caps_the_time_of_a_silent_server(server: str) -> None:
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"timed out|time limit"):
        fetch_url(f"{server}/slow", Options(allow_private_urls=True, fetch_timeout=0.5))
    assert time.monotonic() - started < 1.9


def test_caps_the_total_time_of_a_trickling_server(server: str) -> None:
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"timed out|time limit"):
        fetch_url(f"{server}/trickle", Options(allow_private_urls=True, fetch_timeout=1.0))
    assert time.monotonic() - started < 3


def test_http_errors_are_fetch_errors(server: str) -> None:
    with pytest.raises(FetchError, match="HTTP 500"):
        fetch_url(f"{server}/error", LOCAL)


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("file:///etc/passwd", "only http and https"),
        ("ftp://example.com/feed.xml", "only http and https"),
        ("http://user:secret@example.com/", "credentials"),
        ("http:///nohost", "no host|not a valid URL"),
    ],
)
def test_refuses_other_schemes_and_credentials(url: str, reason: str) -> None:
    with pytest.raises(FetchError, match=reason):
        fetch_url(url, Options())


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("8.8.8.8", True),
        ("2001:4860:4860::8888", True),
        ("127.0.0.1", False),
        ("::ffff:10.0.0.1", False),
        ("64:ff9b::a00:1", False),
        ("2002:7f00:1::", False),
        ("224.0.0.251", False),
        ("192.0.2.1", False),
        ("100.64.0.1", False),
    ],
)
def test_is_public(address: str, public: bool) -> None:
    assert is_public(ipaddress.ip_address(address)) is public
