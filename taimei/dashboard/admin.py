"""Staff edit the policy watchlist in the admin; the dashboard only reads it."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from taimei.dashboard.models import WatchTerm


class TermLinesField(forms.CharField):
    """A list of terms edited as a textarea, one term per line."""

    widget = forms.Textarea(attrs={"rows": 6})

    def prepare_value(self, value: object) -> object:
        if isinstance(value, list):
            return "\n".join(str(term) for term in value)
        return value

    def to_python(self, value: object) -> list[str]:  # type: ignore[override]
        text = super().to_python(value) or ""
        return [line.strip() for line in text.splitlines() if line.strip()]


class WatchTermForm(forms.ModelForm):
    terms = TermLinesField(
        label=_("terms"),
        help_text=_(
            "One per line: the Traditional and Simplified Chinese forms and the English wording."
        ),
    )

    class Meta:
        model = WatchTerm
        fields = ["label_zh", "label_en", "terms", "is_active", "position"]


@admin.register(WatchTerm)
class WatchTermAdmin(admin.ModelAdmin):
    form = WatchTermForm
    list_display = ["label_zh", "label_en", "term_list", "is_active", "position"]
    list_editable = ["is_active", "position"]
    search_fields = ["label_zh", "label_en"]

    @admin.display(description=_("terms"))
    def term_list(self, obj: WatchTerm) -> str:
        return " · ".join(obj.terms)
