"""Sign-up and sign-in forms (e-mail is the login)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import BaseUserCreationForm
from django.utils.translation import gettext_lazy as _

from taimei.accounts.models import User


class SignUpForm(BaseUserCreationForm):
    """The account part of an application to join; the organisation part is separate."""

    class Meta:
        model = User
        fields = ["email", "full_name", "preferred_language"]

    def clean_email(self) -> str:
        email: str = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("An account with this e-mail address already exists."))
        return email


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("Token name"), max_length=80, help_text=_("For example: CRM sync script")
    )

    def clean_name(self) -> Any:
        return self.cleaned_data["name"].strip()
