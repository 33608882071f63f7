"""Forms: parse and validate input; the services do the work."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from taimei.core.models import Industry, Topic
from taimei.events.models import Event, Logistics, MeetingPreference, Registration
from taimei.events.zones import localize, make_aware_in, zone_choices

LOCAL_DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
LOCAL_TIME_FIELDS = (
    "starts_at",
    "ends_at",
    "registration_opens_at",
    "registration_closes_at",
    "logistics_deadline",
)
PAIR_CHOICES = [
    ("buyer-seller", _("Buyers meet sellers")),
    ("investor-startup", _("Investors meet startups")),
    ("buyer-buyer", _("Buyers meet buyers")),
    ("seller-seller", _("Sellers meet sellers")),
    ("other-other", _("Other participants meet each other")),
    ("buyer-other", _("Buyers meet other participants")),
    ("other-seller", _("Sellers meet other participants")),
]


class EventForm(forms.ModelForm):
    """Staff edit an event; times are entered as wall-clock times in the event's zone."""

    topics = forms.ModelMultipleChoiceField(
        Topic.objects.all(), required=False, widget=forms.CheckboxSelectMultiple, label=_("Topics")
    )
    industries = forms.ModelMultipleChoiceField(
        Industry.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Industries"),
    )
    online_url = forms.URLField(label=_("online link"), required=False, assume_scheme="https")
    meeting_pairs = forms.MultipleChoiceField(
        choices=PAIR_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Who may meet whom"),
        help_text=_("Tick none to let anyone meet anyone."),
    )

    class Meta:
        model = Event
        fields = [
            "slug",
            "kind",
            "status",
            "title_zh",
            "title_en",
            "description_zh",
            "description_en",
            "organizer",
            "venue_zh",
            "venue_en",
            "city",
            "online_url",
            "timezone",
            *LOCAL_TIME_FIELDS,
            "capacity",
            "audience",
            "meetings_enabled",
            "meeting_request_cap",
            "meeting_pairs",
            "meeting_cross_border_only",
        ]
        widgets = dict.fromkeys(LOCAL_TIME_FIELDS, LOCAL_DATETIME)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in LOCAL_TIME_FIELDS:
            field = self.fields[name]
            assert isinstance(field, forms.DateTimeField)
            field.input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]
        if self.instance.pk:
            zone = self.instance.timezone
            for name in LOCAL_TIME_FIELDS:
                value = getattr(self.instance, name)
                if value:
                    self.initial[name] = localize(value, zone).replace(tzinfo=None)
            self.initial["topics"] = list(self.instance.topics.all())
            self.initial["industries"] = list(self.instance.industries.all())

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        zone = data.get("timezone") or "Asia/Taipei"
        for name in LOCAL_TIME_FIELDS:
            value = data.get(name)
            if isinstance(value, datetime):
                data[name] = make_aware_in(value.replace(tzinfo=None), zone)
        return data

    def event_data(self) -> dict[str, Any]:
        return {
            name: self.cleaned_data[name]
            for name in self.Meta.fields
            if name not in ("topics", "industries")
        }


class RegistrationForm(forms.ModelForm):
    """What an organiser needs to know about an attendee."""

    consent = forms.BooleanField(
        required=True,
        label=_(
            "I agree that the alliance uses these details to run this event and shares my name "
            "and organisation with other attendees."
        ),
    )

    class Meta:
        model = Registration
        fields = [
            "attendee_name",
            "email",
            "organization_name",
            "job_title",
            "country",
            "participant_type",
            "seats",
            "dietary_notes",
            "accessibility_notes",
            "consent",
        ]

    def __init__(self, *args: Any, event: Event, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        seats = self.fields["seats"]
        assert isinstance(seats, forms.IntegerField)
        seats.min_value = 1
        seats.widget.attrs["min"] = 1
        seats.widget.attrs["max"] = 20
        if not event.meetings_enabled:
            del self.fields["participant_type"]

    def clean_seats(self) -> int:
        seats = int(self.cleaned_data["seats"])
        if not 1 <= seats <= 20:
            raise forms.ValidationError(_("Ask for between 1 and 20 seats."))
        return seats


class LogisticsForm(forms.ModelForm):
    class Meta:
        model = Logistics
        fields = [
            "passport_name",
            "arrival_flight",
            "departure_flight",
            "hotel",
            "dietary_needs",
            "notes",
        ]


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("approve", _("Approve")), ("decline", _("Decline"))])
    note = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))


class MeetingGridForm(forms.Form):
    """Organiser lays out the meeting day: first slot (event zone), length, count, tables."""

    first_start = forms.DateTimeField(
        label=_("First slot starts"),
        widget=LOCAL_DATETIME,
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )
    minutes = forms.IntegerField(label=_("Minutes per meeting"), min_value=5, max_value=240)
    gap = forms.IntegerField(label=_("Minutes between meetings"), min_value=0, max_value=120)
    count = forms.IntegerField(label=_("Number of slots"), min_value=1, max_value=48)
    tables = forms.IntegerField(label=_("Number of tables"), min_value=1, max_value=500)


class MeetingRequestForm(forms.Form):
    message = forms.CharField(
        label=_("Message"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


MARK_CHOICES = [("", "—"), *MeetingPreference.Mark.choices]


class MarkForm(forms.Form):
    mark = forms.ChoiceField(choices=MARK_CHOICES, required=False)


class TimezoneForm(forms.Form):
    timezone = forms.ChoiceField(choices=zone_choices)
