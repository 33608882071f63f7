"""Helpers shared by the dashboard's selectors: labels, buckets, the published filter."""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied
from django.db.models import DateField, Q
from django.db.models.functions import Trunc
from django.utils import timezone
from django.utils.translation import get_language

from taimei.core.taxonomy import Vocabulary
from taimei.dashboard.filters import Period


def user_can_view_dashboard(user: object) -> bool:
    """The dashboard is for alliance staff: it shows every member's activity."""
    return bool(getattr(user, "is_authenticated", False) and getattr(user, "is_staff", False))


def access_dashboard(user: object) -> None:
    """Raise PermissionDenied unless `user` is alliance staff."""
    if not user_can_view_dashboard(user):
        raise PermissionDenied


def term_label(vocabulary: Vocabulary, slug: str) -> str:
    """A slug's label in the active language, as a plain string (rows outlive the request)."""
    return vocabulary[slug].label_for(get_language()) if slug in vocabulary else slug


def bucket_of(period: Period, path: str) -> Trunc:
    """The week or month of a timestamp in the site's time zone, as a date."""
    return Trunc(
        path,
        period.granularity,
        output_field=DateField(),
        tzinfo=timezone.get_current_timezone(),
    )


def published_in(period: Period, prefix: str = "") -> Q:
    """Articles on the site published in `period` (`prefix` reaches them through a relation)."""
    return Q(
        **{
            f"{prefix}is_published": True,
            f"{prefix}published_at__gte": period.start_at,
            f"{prefix}published_at__lt": period.end_before,
        }
    )


def spread(period: Period, counts: dict[datetime.date, int]) -> list[int]:
    """Counts keyed by bucket laid out over every bucket of `period`, zero where none."""
    return [counts.get(bucket, 0) for bucket in period.buckets()]
