"""Forms for posting, answering, writing and arranging meetings."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from taimei.core.models import Industry
from taimei.members.forms import TermMultipleChoiceField
from taimei.members.models import Organization
from taimei.opportunities.conf import meeting_max_slots
from taimei.opportunities.models import Meeting, Opportunity, StartupProfile, TalentProfile
from taimei.opportunities.models.profiles import SPOKEN_LANGUAGES


class OrganizationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.display_name)


class OpportunityForm(forms.ModelForm):
    """A post in one or both languages; who posts it is chosen among the user's organisations."""

    posted_by = OrganizationChoiceField(
        queryset=Organization.objects.none(), label=_("Post for"), empty_label=None
    )
    industries = TermMultipleChoiceField(
        queryset=Industry.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Industries"),
    )

    class Meta:
        model = Opportunity
        fields = [
            "posted_by",
            "kind",
            "title_zh",
            "title_en",
            "body_zh",
            "body_en",
            "industries",
            "country",
            "amount",
            "currency",
            "closes_on",
            "visibility",
        ]
        widgets = {
            "body_zh": forms.Textarea(attrs={"rows": 5}),
            "body_en": forms.Textarea(attrs={"rows": 5}),
            "closes_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args: Any, organizations: QuerySet[Organization], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["posted_by"]
            self.fields["industries"].initial = list(self.instance.industries.all())
        else:
            posted_by = self.fields["posted_by"]
            assert isinstance(posted_by, OrganizationChoiceField)
            posted_by.queryset = organizations
            first = organizations.first()
            if first is not None:
                self.fields["country"].initial = first.country

    def clean_closes_on(self) -> datetime.date | None:
        closes_on: datetime.date | None = self.cleaned_data["closes_on"]
        unchanged = self.instance.pk and closes_on == self.instance.closes_on
        if closes_on is not None and closes_on < timezone.localdate() and not unchanged:
            raise forms.ValidationError(_("The closing date cannot be in the past."))
        return closes_on

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("title_zh") and not data.get("title_en"):
            self.add_error("title_zh", _("Give the post a Chinese or an English title."))
        if data.get("amount") is not None and not data.get("currency"):
            self.add_error("currency", _("Say which currency the amount is in."))
        return data

    def _post_clean(self) -> None:
        # The model's own clean() repeats the checks above; errors are already on the fields.
        # django-stubs leaves out this private hook of ModelForm, hence the ignore.
        if not self.errors:
            super()._post_clean()  # type: ignore[misc]


class CloseForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Close as"),
        choices=[
            (Opportunity.Status.FILLED, _("Filled: we found a counterparty")),
            (Opportunity.Status.CLOSED, _("Closed")),
        ],
    )


class InterestForm(forms.Form):
    """A short message to the poster, sent for one of the user's organisations."""

    organization = OrganizationChoiceField(
        queryset=Organization.objects.none(), label=_("Answer for"), empty_label=None
    )
    message = forms.CharField(
        label=_("Message to the poster"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Who you are and what you can offer, in a few lines."),
    )

    def __init__(self, *args: Any, organizations: QuerySet[Organization], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        organization = self.fields["organization"]
        assert isinstance(organization, OrganizationChoiceField)
        organization.queryset = organizations


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Message"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )


class StartConversationForm(MessageForm):
    """A first message to a suggested organisation."""


def _time_field(label: str, *, required: bool) -> forms.DateTimeField:
    return forms.DateTimeField(
        label=label,
        required=required,
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )


class TimesForm(forms.Form):
    """Up to `meeting_max_slots()` proposed start times (Taiwan time unless the site says else)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for n in range(1, meeting_max_slots() + 1):
            self.fields[f"time_{n}"] = _time_field(
                str(_("Proposed time %(n)d") % {"n": n}), required=False
            )

    def times(self) -> list[datetime.datetime]:
        return [
            value
            for name, value in self.cleaned_data.items()
            if name.startswith("time_") and value is not None
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.errors and not self.times():
            raise forms.ValidationError(_("Propose at least one time."))
        now = timezone.now()
        for name, value in list(data.items()):
            if name.startswith("time_") and value is not None and value <= now:
                self.add_error(name, _("This time is in the past."))
        return data


class MeetingRequestForm(TimesForm):
    mode = forms.ChoiceField(label=_("Format"), choices=Meeting.Mode.choices)
    location = forms.CharField(
        label=_("Place or link"),
        required=False,
        max_length=300,
        help_text=_("An address for a meeting in person, a video link for one online."),
    )
    duration_minutes = forms.IntegerField(
        label=_("Duration (minutes)"), min_value=15, max_value=480, initial=60
    )
    note = forms.CharField(
        label=_("Note"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class MeetingAnswerForm(forms.Form):
    """Accept one of the current times, decline, or propose others."""

    action = forms.ChoiceField(
        choices=[("accept", _("Accept")), ("decline", _("Decline")), ("propose", _("Propose"))]
    )
    slot = forms.IntegerField(required=False)


class TalentProfileForm(forms.ModelForm):
    """A person's talent profile (what they offer and look for)."""

    languages = forms.MultipleChoiceField(
        choices=SPOKEN_LANGUAGES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Languages"),
    )
    industries = TermMultipleChoiceField(
        queryset=Industry.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Industries"),
    )

    class Meta:
        model = TalentProfile
        fields = [
            "headline_zh",
            "headline_en",
            "skills",
            "languages",
            "looking_for",
            "country",
            "industries",
            "is_visible",
        ]
        widgets = {"skills": forms.Textarea(attrs={"rows": 3})}


class StartupProfileForm(forms.ModelForm):
    """An organisation's startup profile: stage, round, pitch."""

    class Meta:
        model = StartupProfile
        fields = ["stage", "raising", "round_size", "currency", "pitch_zh", "pitch_en"]
        widgets = {
            "pitch_zh": forms.Textarea(attrs={"rows": 4}),
            "pitch_en": forms.Textarea(attrs={"rows": 4}),
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("round_size") is not None and not data.get("currency"):
            self.add_error("currency", _("Say which currency the amount is in."))
        return data
