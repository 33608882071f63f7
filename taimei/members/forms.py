"""Forms for organisation profiles and membership applications."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from taimei.core.models import Domain, Industry
from taimei.members.csv_format import join_list, split_list
from taimei.members.models import MembershipApplication, Organization


class TermMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.label)


class OrganizationForm(forms.ModelForm):
    """Profile fields an organisation's administrators may change (not slug, country, kind)."""

    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    aliases_text = forms.CharField(
        label=_("Aliases"),
        required=False,
        help_text=_("Separate names with semicolons, e.g. 台積電;TSMC;台积电"),
    )
    industries = TermMultipleChoiceField(
        queryset=Industry.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Industries"),
    )
    domains = TermMultipleChoiceField(
        queryset=Domain.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Domains"),
    )

    class Meta:
        model = Organization
        fields = ["name_zh", "name_en", "website", "description_zh", "description_en", "logo"]
        widgets = {
            "description_zh": forms.Textarea(attrs={"rows": 4}),
            "description_en": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["aliases_text"].initial = join_list(self.instance.aliases)
            self.fields["industries"].initial = list(self.instance.industries.all())
            self.fields["domains"].initial = list(self.instance.domains.all())

    def clean_aliases_text(self) -> list[str]:
        return split_list(self.cleaned_data["aliases_text"])


class ApplicationForm(forms.ModelForm):
    """What a prospective member tells the alliance when applying."""

    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    class Meta:
        model = MembershipApplication
        fields = [
            "organization_name_zh",
            "organization_name_en",
            "country",
            "kind",
            "website",
            "job_title",
            "message",
        ]
        widgets = {"message": forms.Textarea(attrs={"rows": 4})}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("organization_name_zh") and not data.get("organization_name_en"):
            raise forms.ValidationError(_("Give your organisation's Chinese or English name."))
        return data
