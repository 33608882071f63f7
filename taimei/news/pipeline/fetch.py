"""Safe HTTP(S) fetching for feeds and pages (used by `sources`, and by feed polling).

Reads `Options.allow_private_urls`, `max_bytes` and `fetch_timeout`; no document fields.

A URL a user or an OPML file gives us must not reach the machine's own network: every
address the host resolves to is checked (private, loopback, link-local, multicast, reserved,
unspecified and shared addresses are refused) and the connection goes to the checked address,
so a DNS answer that changes between the check and the connect (rebinding) cannot bypass it.
Redirects are followed by hand, at most five, and each hop is checked the same way. Size and
time are capped while reading; ETag / Last-Modified make polling cheap.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from urllib.parse import urljoin

import urllib3
from urllib3.util import Url, parse_url

from taimei.news.pipeline.document import Options

MAX_REDIRECTS = 5
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_CHUNK = 64 * 1024
_USER_AGENT = "TaiMeiExchange/1.0 (news ingest; +https://taimei.example/about)"
_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, "
    "text/html;q=0.8, */*;q=0.5"
)
_NAT64 = ipaddress.ip_network("64:ff9b::/96")

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class FetchError(Exception):
    """A URL was refused or could not be fetched; the message says why in plain words."""


@dataclass(frozen=True, slots=True)
class FetchResult:
    """What one GET returned after redirects (an empty body when `not_modified`)."""

    url: str
    status: int
    body: bytes
    content_type: str | None
    etag: str | None
    last_modified: str | None
    not_modified: bool


def fetch_url(
    url: str, options: Options, *, etag: str | None = None, last_modified: str | None = None
) -> FetchResult:
    """GET `url` with the safety checks above; raises FetchError on refusal or failure."""
    deadline = time.monotonic() + options.fetch_timeout
    headers = {"User-Agent": _USER_AGENT, "Accept": _ACCEPT, "Accept-Encoding": "gzip, deflate"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    current = url
    for _hop in range(MAX_REDIRECTS + 1):
        response = _open(current, options, headers, deadline)
        try:
            if response.status in _REDIRECTS:
                location = response.headers.get("Location")
                if not location:
                    raise FetchError(f"{current} redirected without saying where to")
                current = urljoin(current, location)
                continue
            return _result(current, response, options, deadline)
        finally:
            response.close()
    raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects, gave up")


def _open(
    url: str, options: Options, headers: dict[str, str], deadline: float
) -> urllib3.BaseHTTPResponse:
    parts = _parsed(url)
    host = parts.host or ""
    port = parts.port or (443 if parts.scheme == "https" else 80)
    address = checked_address(host, port, options)
    remaining = _remaining(deadline, url)
    timeout = urllib3.Timeout(connect=remaining, read=remaining)
    pool: urllib3.HTTPConnectionPool
    if parts.scheme == "https":
        pool = urllib3.HTTPSConnectionPool(
            str(address),
            port,
            timeout=timeout,
            retries=False,
            maxsize=1,
            server_hostname=host,
            assert_hostname=host,
            cert_reqs="CERT_REQUIRED",
        )
    else:
        pool = urllib3.HTTPConnectionPool(str(address), port, timeout=timeout, retries=False)
    default_port = port == (443 if parts.scheme == "https" else 80)
    host_header = host if default_port else f"{host}:{port}"
    try:
        return pool.urlopen(
            "GET",
            parts.request_uri,
            headers={**headers, "Host": host_header},
            redirect=False,
            retries=False,
            preload_content=False,
            assert_same_host=False,
        )
    except urllib3.exceptions.HTTPError as exc:
        raise FetchError(f"{url}: {_reason(exc)}") from exc


def _parsed(url: str) -> Url:
    try:
        parts = parse_url(url.strip())
    except urllib3.exceptions.LocationParseError as exc:
        raise FetchError(f"not a valid URL: {url}") from exc
    if parts.scheme not in ("http", "https"):
        raise FetchError(f"only http and https URLs are fetched, not {url}")
    if not parts.host:
        raise FetchError(f"the URL has no host: {url}")
    if parts.auth:
        raise FetchError(f"URLs with credentials are not fetched: {parts.host}")
    return parts


def checked_address(host: str, port: int, options: Options) -> IPAddress:
    """The address to connect to, after checking every address the host resolves to."""
    try:
        addresses = resolve(host.strip("[]"), port)
    except OSError as exc:
        raise FetchError(f"cannot resolve host {host}: {exc}") from exc
    if not addresses:
        raise FetchError(f"host {host} has no addresses")
    if not options.allow_private_urls:
        for address in addresses:
            if not is_public(address):
                raise FetchError(
                    f"refused: {host} resolves to {address}, a private, loopback, link-local, "
                    "multicast or reserved address"
                )
    return addresses[0]


def resolve(host: str, port: int) -> list[IPAddress]:
    """Every address of `host`, in the resolver's order, without duplicates."""
    found: list[IPAddress] = []
    for *_, sockaddr in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM):
        address = ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0])
        if address not in found:
            found.append(address)
    return found


def is_public(address: IPAddress) -> bool:
    """True only for globally routable unicast addresses (IPv4 inside IPv6 checked too)."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or (address.sixtofour if address.sixtofour else None)
        if address in _NAT64:
            embedded = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
        if embedded is not None:
            return is_public(embedded)
    return (
        address.is_global
        and not address.is_multicast
        and not address.is_reserved
        and not address.is_loopback
        and not address.is_link_local
        and not address.is_unspecified
    )


def _result(
    url: str, response: urllib3.BaseHTTPResponse, options: Options, deadline: float
) -> FetchResult:
    headers = response.headers
    if response.status == 304:
        body = b""
    elif 200 <= response.status < 300:
        body = _read_capped(url, response, options, deadline)
    else:
        raise FetchError(f"{url}: the server answered HTTP {response.status}")
    return FetchResult(
        url=url,
        status=response.status,
        body=body,
        content_type=headers.get("Content-Type"),
        etag=headers.get("ETag"),
        last_modified=headers.get("Last-Modified"),
        not_modified=response.status == 304,
    )


def _read_capped(
    url: str, response: urllib3.BaseHTTPResponse, options: Options, deadline: float
) -> bytes:
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > options.max_bytes:
        raise FetchError(_too_large(url, int(declared), options))
    chunks: list[bytes] = []
    total = 0
    try:
        while True:
            chunk = response.read1(_CHUNK)
            if not chunk:
                break
            total += len(chunk)
            if total > options.max_bytes:
                raise FetchError(_too_large(url, total, options))
            _remaining(deadline, url)
            chunks.append(chunk)
    except urllib3.exceptions.HTTPError as exc:
        raise FetchError(f"{url}: {_reason(exc)}") from exc
    return b"".join(chunks)


def _too_large(url: str, size: int, options: Options) -> str:
    return f"{url}: response larger than the limit ({size} > {options.max_bytes} bytes)"


def _remaining(deadline: float, url: str) -> float:
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise FetchError(f"{url}: took longer than the time limit")
    return remaining


def _reason(exc: urllib3.exceptions.HTTPError) -> str:
    """A short human reason for a transport failure."""
    if isinstance(exc, urllib3.exceptions.TimeoutError):
        return "timed out"
    if isinstance(exc, urllib3.exceptions.SSLError):
        return f"TLS failed ({exc})"
    if isinstance(exc, urllib3.exceptions.NewConnectionError):
        return "could not connect"
    return str(exc) or type(exc).__name__
