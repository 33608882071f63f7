"""Time zones events are held in and viewers read them in: Taiwan and the U.S. zones."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

ZONES: dict[str, object] = {
    "Asia/Taipei": _("Taipei (UTC+8)"),
    "America/New_York": _("U.S. Eastern"),
    "America/Chicago": _("U.S. Central"),
    "America/Denver": _("U.S. Mountain"),
    "America/Phoenix": _("Arizona"),
    "America/Los_Angeles": _("U.S. Pacific"),
    "Pacific/Honolulu": _("Hawaii"),
    "UTC": _("UTC"),
}
DEFAULT_ZONE = "Asia/Taipei"
COOKIE = "taimei_tz"
# Shown side by side on every event page: the two ends of the alliance.
REFERENCE_ZONES = ("Asia/Taipei", "America/New_York", "America/Los_Angeles")


def zone_choices() -> list[tuple[str, object]]:
    return list(ZONES.items())


def viewer_zone(request: HttpRequest) -> str:
    """The zone the viewer chose (cookie), else Taipei; unknown values are ignored."""
    wanted = request.COOKIES.get(COOKIE, "")
    return wanted if wanted in ZONES else DEFAULT_ZONE


def localize(moment: datetime, zone: str) -> datetime:
    """`moment` (aware) as wall-clock time in `zone`."""
    return moment.astimezone(ZoneInfo(zone if zone in ZONES else DEFAULT_ZONE))


def make_aware_in(naive: datetime, zone: str) -> datetime:
    """A wall-clock time entered for an event in `zone` as an aware datetime."""
    return naive.replace(tzinfo=ZoneInfo(zone))
