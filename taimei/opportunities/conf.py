"""Settings of the opportunities app, with defaults; override any `TAIMEI_…` name in settings."""

from __future__ import annotations

from typing import Any

from django.conf import settings

DEFAULT_MATCH_WEIGHTS: dict[str, float] = {
    # A counterparty of the kind the post asks for (a supplier for a sourcing request, …).
    "kind": 0.30,
    # Share of the post's industries the member works in.
    "industry": 0.30,
    # Taiwan ↔ U.S.: the alliance exists to introduce across the Pacific.
    "cross_border": 0.15,
    # Glossary concepts shared by post and member, across languages and scripts.
    "text": 0.35,
    # The post names the member (any name or alias).
    "alias": 0.20,
    # Subtracted, times the similarity to something marked "not relevant".
    "feedback": 0.40,
}


def match_weights() -> dict[str, float]:
    """The matching weights: defaults updated with `TAIMEI_MATCH_WEIGHTS` from settings."""
    overrides: dict[str, Any] = getattr(settings, "TAIMEI_MATCH_WEIGHTS", {})
    return {**DEFAULT_MATCH_WEIGHTS, **{k: float(v) for k, v in overrides.items()}}


def match_limit() -> int:
    """How many suggestions a page shows."""
    return int(getattr(settings, "TAIMEI_MATCH_LIMIT", 10))


def page_size() -> int:
    return int(getattr(settings, "TAIMEI_OPPORTUNITIES_PAGE_SIZE", 20))


def meeting_max_slots() -> int:
    """How many times a meeting request may propose."""
    return int(getattr(settings, "TAIMEI_MEETING_MAX_SLOTS", 3))


def procurement_publisher() -> str:
    """The member organisation in whose name public procurement notices are posted."""
    return str(getattr(settings, "TAIMEI_PROCUREMENT_PUBLISHER", "taitra"))
