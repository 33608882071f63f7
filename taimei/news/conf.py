"""News settings with their defaults; override any of them in Django settings."""

from __future__ import annotations

from django.conf import settings


def page_size() -> int:
    """Articles per page in the news hub."""
    return int(getattr(settings, "TAIMEI_NEWS_PAGE_SIZE", 20))


def poll_every() -> int:
    """Seconds between two fetches of a healthy feed (also the periodic task's tick)."""
    return int(getattr(settings, "TAIMEI_NEWS_POLL_EVERY", 900))


def backoff_max() -> int:
    """The longest wait, in seconds, before a failing feed is tried again."""
    return int(getattr(settings, "TAIMEI_NEWS_BACKOFF_MAX", 24 * 3600))


def allow_private_urls() -> bool:
    """Whether fetching may reach loopback, private and link-local addresses (tests, intranets)."""
    return bool(getattr(settings, "TAIMEI_NEWS_ALLOW_PRIVATE_URLS", False))


def max_bytes() -> int:
    """The largest input read from a file or URL."""
    return int(getattr(settings, "TAIMEI_NEWS_MAX_BYTES", 20 * 1024 * 1024))


def fetch_timeout() -> float:
    """Seconds a fetch may take in all."""
    return float(getattr(settings, "TAIMEI_NEWS_FETCH_TIMEOUT", 15.0))


def max_original_chars() -> int:
    """The longest decoded original kept with an article (the clean text is always whole)."""
    return int(getattr(settings, "TAIMEI_NEWS_MAX_ORIGINAL_CHARS", 1_000_000))


def duplicate_window_days() -> int:
    """How far back stored articles are compared when looking for near-duplicates."""
    return int(getattr(settings, "TAIMEI_NEWS_DUPLICATE_WINDOW_DAYS", 120))
