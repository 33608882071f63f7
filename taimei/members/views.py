"""Directory, profile and profile-edit pages (thin: parse, call a selector/service, render)."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from taimei.core.http import AuthenticatedHttpRequest, HtmxHttpRequest
from taimei.members import selectors
from taimei.members.forms import OrganizationForm
from taimei.members.profile_sections import profile_sections
from taimei.members.services import organization_update


def directory(request: HtmxHttpRequest) -> HttpResponse:
    """The member directory: search box, facets with counts, pagination; htmx gets the partial."""
    filters = selectors.DirectoryFilters.from_params(request.GET.dict())
    paginator = Paginator(selectors.organization_list(filters), per_page=_page_size(request))
    page = paginator.get_page(request.GET.get("page"))
    context = {
        "filters": filters,
        "page": page,
        "facets": selectors.organization_facets(filters),
        "query_without_page": _query_without(request, "page"),
    }
    template = "members/partials/_results.html" if request.htmx else "members/directory.html"
    return render(request, template, context)


def _page_size(request: HttpRequest) -> int:
    try:
        wanted = int(request.GET.get("per_page", settings.TAIMEI_DIRECTORY_PAGE_SIZE))
    except ValueError:
        wanted = settings.TAIMEI_DIRECTORY_PAGE_SIZE
    return min(max(wanted, 1), 100)


def _query_without(request: HttpRequest, name: str) -> str:
    params = request.GET.copy()
    params.pop(name, None)
    return params.urlencode()


def detail(request: HttpRequest, slug: str) -> HttpResponse:
    """An organisation's profile; contacts only for approved members and staff."""
    organization = selectors.access_organization(request.user, slug)
    context = {
        "organization": organization,
        "people": selectors.organization_people(organization, viewer=request.user),
        "can_edit": selectors.user_can_edit_organization(request.user, organization),
        "viewer_is_member": selectors.user_is_approved_member(request.user),
        "sections": profile_sections(organization, request.user),
    }
    return render(request, "members/detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """Edit a profile: only the organisation's administrators and staff get here."""
    organization = selectors.access_organization_for_edit(request.user, slug)
    form = OrganizationForm(request.POST or None, request.FILES or None, instance=organization)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form.Meta.fields}
        data["aliases"] = form.cleaned_data["aliases_text"]
        organization_update(
            organization=organization,
            data=data,
            industries=form.cleaned_data["industries"],
            domains=form.cleaned_data["domains"],
        )
        messages.success(request, _("The profile was saved."))
        return redirect(organization)
    return render(request, "members/edit.html", {"organization": organization, "form": form})
