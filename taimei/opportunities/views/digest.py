"""Saved searches, the digest setting, and the unsubscribe link from the e-mail."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from taimei.core.http import AuthenticatedHttpRequest
from taimei.members.selectors import user_is_approved_member
from taimei.opportunities.models import DigestPreference, SavedSearch
from taimei.opportunities.services import digest


@login_required
def saved_searches(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The user's saved searches and whether the weekly digest is on."""
    preference = DigestPreference.objects.filter(user=request.user).first()
    context = {
        "searches": SavedSearch.objects.filter(user=request.user),
        "weekly": preference is None or preference.weekly,
    }
    return render(request, "opportunities/saved_searches.html", context)


@login_required
@require_POST
def saved_search_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    if not user_is_approved_member(request.user):
        raise PermissionDenied
    try:
        search = digest.saved_search_create(
            user=request.user, name=request.POST.get("name", ""), params=request.POST.dict()
        )
    except ValueError as error:
        messages.error(request, str(error))
        return redirect("opportunities:list")
    messages.success(request, _("Search saved: new matches come in your weekly digest."))
    return redirect(search)


@login_required
@require_POST
def saved_search_delete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    get_object_or_404(SavedSearch, pk=pk, user=request.user).delete()
    return redirect("opportunities:saved-searches")


@login_required
@require_POST
def digest_setting(request: AuthenticatedHttpRequest) -> HttpResponse:
    digest.digest_subscribe(user=request.user, weekly=request.POST.get("weekly") == "1")
    messages.success(request, _("Your digest setting was saved."))
    return redirect("opportunities:saved-searches")


# Mail clients post the one-click unsubscribe (RFC 8058) without a session or CSRF token; the
# signed token is the credential, and it can only turn the digest off.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET asks to confirm (link scanners must not unsubscribe anyone); POST unsubscribes."""
    if request.method == "GET":
        return render(request, "opportunities/unsubscribe.html", {"token": token, "done": False})
    user = digest.digest_unsubscribe(token=token)
    if user is None:
        return render(
            request, "opportunities/unsubscribe.html", {"invalid": True, "done": False}, status=400
        )
    return render(request, "opportunities/unsubscribe.html", {"done": True})
