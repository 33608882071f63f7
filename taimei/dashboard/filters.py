"""The dashboard's date range: parsed and validated once, shared by pages, CSV and the API."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlencode

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from taimei.dashboard import conf

Granularity = Literal["week", "month"]
GRANULARITY_CHOICES = [
    ("week", pgettext_lazy("time series step", "Weekly")),
    ("month", pgettext_lazy("time series step", "Monthly")),
]


@dataclass(frozen=True, slots=True)
class Period:
    """Calendar days `start`..`end` (both included, local time) and the step of time series."""

    start: datetime.date
    end: datetime.date
    granularity: Granularity = "week"

    @classmethod
    def default(cls, today: datetime.date | None = None) -> Period:
        end = today or timezone.localdate()
        return cls(start=end - datetime.timedelta(days=conf.default_days() - 1), end=end)

    @property
    def start_at(self) -> datetime.datetime:
        """The first moment of the range (local midnight, aware)."""
        return _local_midnight(self.start)

    @property
    def end_before(self) -> datetime.datetime:
        """The first moment after the range (exclusive bound)."""
        return _local_midnight(self.end + datetime.timedelta(days=1))

    def bucket(self, day: datetime.date) -> datetime.date:
        """The first day of the week (Monday, as the database truncates) or month of `day`."""
        if self.granularity == "month":
            return day.replace(day=1)
        return day - datetime.timedelta(days=day.weekday())

    def buckets(self) -> list[datetime.date]:
        """Every bucket the range touches, in order, so series have no gaps."""
        buckets = []
        current = self.bucket(self.start)
        while current <= self.end:
            buckets.append(current)
            if self.granularity == "month":
                current = (current + datetime.timedelta(days=32)).replace(day=1)
            else:
                current += datetime.timedelta(days=7)
        return buckets

    def bucket_label(self, bucket: datetime.date) -> str:
        return bucket.strftime("%Y-%m") if self.granularity == "month" else bucket.isoformat()

    def as_params(self) -> dict[str, str]:
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "granularity": self.granularity,
        }

    @property
    def querystring(self) -> str:
        return urlencode(self.as_params())


def _local_midnight(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


class PeriodForm(forms.Form):
    """The date-range filter; empty fields fall back to the default range."""

    start = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    granularity = forms.ChoiceField(label=_("Series"), choices=GRANULARITY_CHOICES, required=False)

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        default = Period.default()
        end = data.get("end") or default.end
        start = data.get("start") or (end - datetime.timedelta(days=conf.default_days() - 1))
        if start > end:
            raise forms.ValidationError(_("The start date must not be after the end date."))
        if (end - start).days >= conf.max_days():
            raise forms.ValidationError(
                _("Choose a range of at most %(days)d days.") % {"days": conf.max_days()}
            )
        if start.year < 1900 or end.year > 2999:
            raise forms.ValidationError(_("Choose dates between 1900 and 2999."))
        data["period"] = Period(start=start, end=end, granularity=data.get("granularity") or "week")
        return data


def period_from(params: Mapping[str, str]) -> tuple[Period, PeriodForm]:
    """The period asked for, or the default one when the input is invalid (the form says why)."""
    form = PeriodForm(data={key: params.get(key, "") for key in ("start", "end", "granularity")})
    if form.is_valid():
        return form.cleaned_data["period"], form
    return Period.default(), form


@dataclass(frozen=True, slots=True)
class Preset:
    """A one-click range such as the last 30 days."""

    label: str
    period: Period


def presets(granularity: Granularity, today: datetime.date | None = None) -> list[Preset]:
    """Common ranges ending today, keeping the chosen series step."""
    today = today or timezone.localdate()

    def since(start: datetime.date) -> Period:
        return Period(start=start, end=today, granularity=granularity)

    def back(days: int) -> Period:
        return since(today - datetime.timedelta(days=days - 1))

    return [
        Preset(str(_("Last 30 days")), back(30)),
        Preset(str(_("Last 90 days")), back(90)),
        Preset(str(_("Last 12 months")), back(365)),
        Preset(str(_("This year")), since(today.replace(month=1, day=1))),
    ]
