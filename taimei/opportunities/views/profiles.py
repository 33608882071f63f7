"""Talent and startup profiles: edited by their owners, used by the matching engine."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from taimei.core.http import AuthenticatedHttpRequest
from taimei.members.selectors import access_organization_for_edit, user_is_approved_member
from taimei.opportunities.forms import StartupProfileForm, TalentProfileForm
from taimei.opportunities.models import StartupProfile, TalentProfile
from taimei.opportunities.services import profiles


@login_required
@require_http_methods(["GET", "POST"])
def talent_profile(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The signed-in member's own talent profile."""
    if not user_is_approved_member(request.user):
        raise PermissionDenied
    instance = TalentProfile.objects.filter(user=request.user).first()
    form = TalentProfileForm(request.POST if request.method == "POST" else None, instance=instance)
    if request.method == "POST" and form.is_valid():
        profiles.talent_profile_save(user=request.user, form=form)
        messages.success(request, _("Your talent profile was saved."))
        return redirect("opportunities:talent-profile")
    return render(request, "opportunities/profile_form.html", {"form": form, "startup": None})


@login_required
@require_http_methods(["GET", "POST"])
def startup_profile(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """An organisation's startup profile: its administrators and staff only."""
    organization = access_organization_for_edit(request.user, slug)
    instance = StartupProfile.objects.filter(organization=organization).first()
    form = StartupProfileForm(request.POST if request.method == "POST" else None, instance=instance)
    if request.method == "POST" and form.is_valid():
        profiles.startup_profile_save(organization=organization, form=form)
        messages.success(request, _("The startup profile was saved."))
        return redirect(organization)
    return render(
        request, "opportunities/profile_form.html", {"form": form, "startup": organization}
    )
