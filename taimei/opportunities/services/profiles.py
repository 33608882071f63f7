"""Writes to talent and startup profiles."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction

from taimei.members.models import Organization
from taimei.opportunities.models import StartupProfile, TalentProfile

if TYPE_CHECKING:
    from taimei.accounts.models import User
    from taimei.opportunities.forms import StartupProfileForm, TalentProfileForm


def talent_profile_save(*, user: User, form: TalentProfileForm) -> TalentProfile:
    """Create or update `user`'s talent profile from a valid form."""
    with transaction.atomic():
        profile: TalentProfile = form.save(commit=False)
        profile.user = user
        profile.languages = list(form.cleaned_data["languages"])
        profile.full_clean()
        profile.save()
        profile.industries.set(form.cleaned_data["industries"])
    return profile


def startup_profile_save(*, organization: Organization, form: StartupProfileForm) -> StartupProfile:
    """Create or update an organisation's startup profile from a valid form."""
    with transaction.atomic():
        profile: StartupProfile = form.save(commit=False)
        profile.organization = organization
        profile.full_clean()
        profile.save()
        # The organisation's features changed: bump it so the match index is rebuilt.
        organization.save(update_fields=["updated_at"])
    return profile
