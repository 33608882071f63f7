"""Search settings with defaults, read from Django settings (`TAIMEI_SEARCH_*`)."""

from __future__ import annotations

import os
from pathlib import Path

from django.conf import settings
from django.db import connection


def backend_name() -> str:
    """`tantivy` (embedded) or `postgres`; by default PostgreSQL when the database is."""
    configured = getattr(settings, "TAIMEI_SEARCH_BACKEND", "")
    if configured:
        return str(configured)
    return "postgres" if connection.vendor == "postgresql" else "tantivy"


def index_dir() -> Path:
    """Where the embedded index lives."""
    return Path(getattr(settings, "TAIMEI_SEARCH_INDEX_DIR", settings.VAR_DIR / "search"))


def writer_timeout() -> float:
    """Seconds to wait for the embedded index's single writer lock before leaving work queued."""
    return float(getattr(settings, "TAIMEI_SEARCH_WRITER_TIMEOUT", 10.0))


def writer_heap() -> int:
    return int(getattr(settings, "TAIMEI_SEARCH_WRITER_HEAP", 128_000_000))


def bulk_heap() -> int:
    """Writer memory for a rebuild: larger segments, fewer merges."""
    return int(getattr(settings, "TAIMEI_SEARCH_BULK_HEAP", 1_000_000_000))


def bulk_threads() -> int:
    """Indexing threads for a rebuild (tantivy splits the heap between them)."""
    return int(getattr(settings, "TAIMEI_SEARCH_BULK_THREADS", min(4, os.cpu_count() or 1)))


def exact_facets_up_to() -> int:
    """Facet counts are exact up to this many matches and estimated from a sample beyond
    (embedded index; 0 counts every match whatever the cost)."""
    return int(getattr(settings, "TAIMEI_SEARCH_EXACT_FACETS_UP_TO", 20_000))


def single_pass_up_to() -> int:
    """Results that cannot exceed this many matches are collected whole by the ranking pass and
    their facets counted from its hits (embedded index; 0 always runs a separate count)."""
    return int(getattr(settings, "TAIMEI_SEARCH_SINGLE_PASS_UP_TO", 20_000))


def alias_ttl() -> float:
    return float(getattr(settings, "TAIMEI_SEARCH_ALIAS_TTL", 300.0))


def page_size() -> int:
    return int(getattr(settings, "TAIMEI_SEARCH_PAGE_SIZE", 20))
