"""Showing event and meeting times in a chosen zone, labelled so nobody misreads them."""

from __future__ import annotations

from datetime import datetime

from django import template
from django.utils import formats

from taimei.events.zones import ZONES, localize

register = template.Library()


@register.filter
def in_zone(moment: datetime | None, zone: str) -> datetime | None:
    """`{{ dt|in_zone:"America/New_York"|date:"H:i" }}`."""
    return localize(moment, zone) if moment else None


@register.filter
def zone_label(zone: str) -> str:
    return str(ZONES.get(zone, zone))


@register.simple_tag
def time_range(start: datetime, end: datetime, zone: str) -> str:
    """ "2026-05-12 (Tue) 09:30–17:00 Taipei (UTC+8)", spanning days when it must."""
    local_start, local_end = localize(start, zone), localize(end, zone)
    first = formats.date_format(local_start, "Y-m-d (D) H:i")
    if local_start.date() == local_end.date():
        last = formats.date_format(local_end, "H:i")
    else:
        last = formats.date_format(local_end, "Y-m-d (D) H:i")
    return f"{first}–{last} {zone_label(zone)}"
