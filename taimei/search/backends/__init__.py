"""Search backends behind one protocol; `get_backend()` picks the configured one."""

from __future__ import annotations

from functools import cache

from taimei.search import conf
from taimei.search.backends.base import OPENED, SearchBackend


@cache
def _backend(name: str, location: str) -> SearchBackend:
    if name == "postgres":
        from taimei.search.backends.postgres import PostgresBackend

        return PostgresBackend()
    if name == "tantivy":
        from pathlib import Path

        from taimei.search.backends.embedded import TantivyBackend

        return TantivyBackend(Path(location))
    raise ValueError(f"unknown search backend {name!r} (TAIMEI_SEARCH_BACKEND)")


def get_backend() -> SearchBackend:
    """The backend for the current settings (one instance per setting, per process)."""
    return _backend(conf.backend_name(), str(conf.index_dir()))


def reset_backends() -> None:
    """Close and forget backend instances (tests switch index directories)."""
    for backend in list(OPENED):
        backend.close()
    _backend.cache_clear()
