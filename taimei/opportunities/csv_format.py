"""The opportunities CSV format of DESIGN.md, with per-row validation.

Columns: `slug,kind,title,body,country,industries,posted_by,closes_on`. `title` and `body` go
to the Chinese or the English field by their script. Optional extra columns fill what the
design format leaves out: `title_en`, `body_en` (the English side of a bilingual post),
`visibility`, `status`, `amount`, `currency`.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from taimei.core.taxonomy import COUNTRIES, INDUSTRIES
from taimei.members.csv_format import SLUG_PATTERN, split_list
from taimei.opportunities.kinds import CURRENCIES, OPPORTUNITY_KINDS
from taimei.opportunities.models import Opportunity
from taimei.opportunities.models.opportunity import has_cjk

OPPORTUNITY_COLUMNS = (
    "slug",
    "kind",
    "title",
    "body",
    "country",
    "industries",
    "posted_by",
    "closes_on",
)
OPTIONAL_COLUMNS = ("title_en", "body_en", "visibility", "status", "amount", "currency")


def _one_of(value: str, allowed: tuple[str, ...], column: str) -> str:
    if value not in allowed:
        raise ValidationError(
            _("%(column)s '%(value)s' is not one of: %(allowed)s")
            % {"column": column, "value": value, "allowed": ", ".join(allowed)}
        )
    return value


class OpportunityRow(forms.Form):
    """One data row of an opportunities CSV; errors name the column and the offending value."""

    slug = forms.CharField(max_length=100)
    kind = forms.CharField()
    title = forms.CharField(max_length=200)
    body = forms.CharField(required=False, max_length=20000)
    country = forms.CharField()
    industries = forms.CharField(required=False)
    posted_by = forms.CharField(max_length=80)
    closes_on = forms.DateField(required=False, input_formats=["%Y-%m-%d"])
    title_en = forms.CharField(required=False, max_length=200)
    body_en = forms.CharField(required=False, max_length=20000)
    visibility = forms.CharField(required=False)
    status = forms.CharField(required=False)
    amount = forms.CharField(required=False)
    currency = forms.CharField(required=False)

    def clean_slug(self) -> str:
        slug: str = self.cleaned_data["slug"]
        if not SLUG_PATTERN.match(slug):
            raise ValidationError(
                _("slug '%(slug)s' must be lowercase letters, digits and single hyphens")
                % {"slug": slug}
            )
        return slug

    def clean_kind(self) -> str:
        return _one_of(self.cleaned_data["kind"], OPPORTUNITY_KINDS.slugs, "kind")

    def clean_country(self) -> str:
        return _one_of(self.cleaned_data["country"], COUNTRIES.slugs, "country")

    def clean_industries(self) -> list[str]:
        slugs = split_list(self.cleaned_data["industries"])
        unknown = [slug for slug in slugs if slug not in INDUSTRIES]
        if unknown:
            raise ValidationError(
                _("industries: unknown industries %(values)s (allowed: %(allowed)s)")
                % {
                    "values": ", ".join(f"'{slug}'" for slug in unknown),
                    "allowed": ", ".join(INDUSTRIES.slugs),
                }
            )
        return INDUSTRIES.order(slugs)

    def clean_visibility(self) -> str:
        value = self.cleaned_data["visibility"] or Opportunity.Visibility.PUBLIC
        return _one_of(value, tuple(Opportunity.Visibility.values), "visibility")

    def clean_status(self) -> str:
        value = self.cleaned_data["status"] or Opportunity.Status.OPEN
        return _one_of(value, tuple(Opportunity.Status.values), "status")

    def clean_currency(self) -> str:
        value = self.cleaned_data["currency"]
        return _one_of(value, CURRENCIES.slugs, "currency") if value else ""

    def clean_amount(self) -> Decimal | None:
        value = self.cleaned_data["amount"].replace(",", "")
        if not value:
            return None
        try:
            amount = Decimal(value)
        except InvalidOperation as error:
            raise ValidationError(
                _("amount '%(value)s' is not a number") % {"value": value}
            ) from error
        if amount < 0 or amount != amount.to_integral_value() or amount >= Decimal(10) ** 16:
            raise ValidationError(
                _("amount '%(value)s' must be a whole number from 0 to 10^16") % {"value": value}
            )
        return amount

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("amount") is not None and not data.get("currency"):
            raise ValidationError(_("an amount needs a currency (TWD or USD)"))
        return data

    def model_fields(self) -> dict[str, Any]:
        """The row as Opportunity field values (title/body placed by script)."""
        data = self.cleaned_data
        title, body = data["title"], data["body"]
        fields: dict[str, Any] = {
            "kind": data["kind"],
            "country": data["country"],
            "closes_on": data["closes_on"],
            "visibility": data["visibility"],
            "status": data["status"],
            "amount": data["amount"],
            "currency": data["currency"],
            "title_zh": "",
            "title_en": "",
            "body_zh": "",
            "body_en": "",
        }
        if has_cjk(title) or data["title_en"]:
            fields["title_zh"], fields["body_zh"] = title, body
            fields["title_en"], fields["body_en"] = data["title_en"], data["body_en"]
        else:
            fields["title_en"], fields["body_en"] = title, body
        return fields

    def messages(self) -> list[str]:
        """Errors as 'column: message' strings, in column order."""
        out = []
        for column, errors in self.errors.items():
            for message in map(str, errors):
                prefix = "" if column == "__all__" or message.startswith(column) else f"{column}: "
                out.append(prefix + message)
        return out
