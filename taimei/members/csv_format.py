"""The members CSV format of DESIGN.md: columns, list syntax and per-row validation."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from taimei.core.taxonomy import COUNTRIES, DOMAINS, INDUSTRIES, MEMBER_KINDS, Vocabulary

MEMBER_COLUMNS = (
    "slug",
    "name_zh",
    "name_en",
    "aliases",
    "country",
    "kind",
    "industries",
    "domains",
    "website",
    "description_zh",
    "description_en",
)
LIST_SEPARATOR = ";"
SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def split_list(value: str) -> list[str]:
    """`a; b;;c` → ['a', 'b', 'c']: blanks dropped, order and first occurrence kept."""
    return list(dict.fromkeys(part.strip() for part in value.split(LIST_SEPARATOR) if part.strip()))


def join_list(values: list[str]) -> str:
    return LIST_SEPARATOR.join(values)


def _vocabulary_value(value: str, vocabulary: Vocabulary, column: str) -> str:
    if value not in vocabulary:
        raise ValidationError(
            _("%(column)s '%(value)s' is not one of: %(allowed)s")
            % {"column": column, "value": value, "allowed": ", ".join(vocabulary.slugs)}
        )
    return value


def _vocabulary_list(value: str, vocabulary: Vocabulary, column: str) -> list[str]:
    slugs = split_list(value)
    unknown = [slug for slug in slugs if slug not in vocabulary]
    if unknown:
        raise ValidationError(
            _("%(column)s: unknown %(what)s %(values)s (allowed: %(allowed)s)")
            % {
                "column": column,
                "what": vocabulary.name,
                "values": ", ".join(f"'{slug}'" for slug in unknown),
                "allowed": ", ".join(vocabulary.slugs),
            }
        )
    return vocabulary.order(slugs)


class MemberRow(forms.Form):
    """One data row of a members CSV; errors name the column and the offending value."""

    slug = forms.CharField(max_length=80)
    name_zh = forms.CharField(max_length=200, required=False)
    name_en = forms.CharField(max_length=200, required=False)
    aliases = forms.CharField(required=False)
    country = forms.CharField()
    kind = forms.CharField()
    industries = forms.CharField(required=False)
    domains = forms.CharField(required=False)
    website = forms.URLField(required=False, max_length=200, assume_scheme="https")
    description_zh = forms.CharField(required=False)
    description_en = forms.CharField(required=False)

    def clean_slug(self) -> str:
        slug: str = self.cleaned_data["slug"]
        if not SLUG_PATTERN.match(slug):
            raise ValidationError(
                _("slug '%(slug)s' must be lowercase letters, digits and single hyphens")
                % {"slug": slug}
            )
        return slug

    def clean_aliases(self) -> list[str]:
        return split_list(self.cleaned_data["aliases"])

    def clean_country(self) -> str:
        return _vocabulary_value(self.cleaned_data["country"], COUNTRIES, "country")

    def clean_kind(self) -> str:
        return _vocabulary_value(self.cleaned_data["kind"], MEMBER_KINDS, "kind")

    def clean_industries(self) -> list[str]:
        return _vocabulary_list(self.cleaned_data["industries"], INDUSTRIES, "industries")

    def clean_domains(self) -> list[str]:
        return _vocabulary_list(self.cleaned_data["domains"], DOMAINS, "domains")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("name_zh") and not data.get("name_en") and not self.errors.get("name_zh"):
            raise ValidationError(_("a row needs name_zh or name_en"))
        return data

    def messages(self) -> list[str]:
        """Errors as 'column: message' strings, in column order."""
        out = []
        for column, errors in self.errors.items():
            for message in map(str, errors):
                prefix = "" if column == "__all__" or message.startswith(column) else f"{column}: "
                out.append(prefix + message)
        return out
