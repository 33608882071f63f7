"""Sign-up (an application staff approve), the account page and API tokens."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from taimei.accounts.forms import ApiTokenForm, SignUpForm
from taimei.accounts.models import ApiToken
from taimei.accounts.services import api_token_issue, api_token_revoke
from taimei.core.http import AuthenticatedHttpRequest
from taimei.members.forms import ApplicationForm
from taimei.members.selectors import user_is_approved_member, user_organizations
from taimei.members.services import application_submit


@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    """Create an account together with a membership application for staff to decide."""
    if request.user.is_authenticated:
        return redirect("accounts:account")
    user_form = SignUpForm(request.POST or None, prefix="user")
    application_form = ApplicationForm(request.POST or None, prefix="org")
    if request.method == "POST" and user_form.is_valid() and application_form.is_valid():
        with transaction.atomic():
            user = user_form.save()
            application_submit(applicant=user, data=application_form.cleaned_data)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(
            request, _("Thank you. Alliance staff will review your application shortly.")
        )
        return redirect("accounts:account")
    return render(
        request,
        "accounts/signup.html",
        {"user_form": user_form, "application_form": application_form},
    )


@login_required
def account(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The signed-in person's page: organisations, application status, API tokens."""
    context = {
        "organizations": user_organizations(request.user),
        "applications": request.user.applications.select_related("organization"),
        "is_member": user_is_approved_member(request.user),
        "tokens": request.user.api_tokens.filter(revoked_at__isnull=True),
        "token_form": ApiTokenForm(),
    }
    return render(request, "accounts/account.html", context)


@login_required
@require_POST
def token_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Issue an API token (approved members and staff only); its value is shown once."""
    if not user_is_approved_member(request.user):
        raise PermissionDenied
    form = ApiTokenForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the token a name."))
        return redirect("accounts:account")
    _token, raw = api_token_issue(user=request.user, name=form.cleaned_data["name"])
    return render(request, "accounts/token_created.html", {"raw_token": raw})


@login_required
@require_POST
def token_revoke(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    api_token_revoke(token=token)
    messages.success(request, _("The token was revoked."))
    return redirect("accounts:account")
