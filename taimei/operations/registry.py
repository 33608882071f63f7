"""What each app contributes to the project-wide commands, declared on its AppConfig.

An app lists, as dotted paths so nothing heavy is imported before it is needed:
- `csv_importers = {"members": "taimei.members.services.member_import"}`: functions taking
  `data=bytes, skip_invalid=bool, dry_run=bool` and returning an ImportReport;
- `csv_exporters = {"members": "taimei.members.services.member_export"}`: functions
  returning CSV text;
- `demo_loaders = ["taimei.members.demo.demo_load"]`: functions taking `stdout` (a writer)
  that load the app's demo data idempotently, run in app order.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.apps import apps
from django.utils.module_loading import import_string


def _collect(attribute: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for config in apps.get_app_configs():
        found.update(getattr(config, attribute, {}))
    return found


def csv_importers() -> dict[str, str]:
    return _collect("csv_importers")


def csv_exporters() -> dict[str, str]:
    return _collect("csv_exporters")


def demo_loaders() -> list[Callable[..., Any]]:
    loaders: list[Callable[..., Any]] = []
    for config in apps.get_app_configs():
        loaders.extend(import_string(path) for path in getattr(config, "demo_loaders", []))
    return loaders


def resolve(path: str) -> Callable[..., Any]:
    resolved: Callable[..., Any] = import_string(path)
    return resolved
