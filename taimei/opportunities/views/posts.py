"""Posts: list with facets, detail with answers and suggestions, post/edit/close, "for you"."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from taimei.core.http import AuthenticatedHttpRequest, HtmxHttpRequest
from taimei.members.models import Organization
from taimei.members.selectors import user_is_approved_member
from taimei.opportunities import selectors, services
from taimei.opportunities.conf import match_limit, page_size
from taimei.opportunities.forms import (
    CloseForm,
    InterestForm,
    OpportunityForm,
    StartConversationForm,
)
from taimei.opportunities.matching import engine
from taimei.opportunities.models import Opportunity, TalentProfile


def _query_without(request: HttpRequest, name: str) -> str:
    params = request.GET.copy()
    params.pop(name, None)
    return params.urlencode()


def opportunity_list(request: HtmxHttpRequest) -> HttpResponse:
    """Posts the visitor may see, with facets and pagination; htmx gets the partial."""
    filters = selectors.OpportunityFilters.from_params(request.GET.dict())
    paginator = Paginator(selectors.opportunity_list(filters, request.user), per_page=page_size())
    context = {
        "filters": filters,
        "page": paginator.get_page(request.GET.get("page")),
        "facets": selectors.opportunity_facets(filters, request.user),
        "query_without_page": _query_without(request, "page"),
        "can_post": selectors.user_organizations_for_acting(request.user).exists()
        and user_is_approved_member(request.user),
    }
    template = "opportunities/partials/_results.html" if request.htmx else "opportunities/list.html"
    return render(request, template, context)


def _suggestions(opportunity: Opportunity) -> list[tuple[Organization, object]]:
    matches = engine.matches_for_opportunity(opportunity, limit=match_limit())
    organizations = Organization.objects.in_bulk([m.member.id for m in matches])
    return [(organizations[m.member.id], m) for m in matches if m.member.id in organizations]


def _people(opportunity: Opportunity) -> list[tuple[TalentProfile, object]]:
    matches = engine.people_for_opportunity(opportunity, limit=match_limit())
    profiles = TalentProfile.objects.select_related("user").in_bulk([m.member.id for m in matches])
    return [(profiles[m.member.id], m) for m in matches if m.member.id in profiles]


def opportunity_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """A post; its poster and staff also see the answers and the suggested counterparties."""
    opportunity = selectors.access_opportunity(request.user, slug)
    can_manage = selectors.user_can_manage_opportunity(request.user, opportunity)
    answer_for = selectors.interest_organizations(request.user, opportunity).exclude(
        interests__opportunity=opportunity
    )
    context = {
        "opportunity": opportunity,
        "can_manage": can_manage,
        "interests": selectors.opportunity_interests(opportunity, viewer=request.user),
        "interest_form": (
            InterestForm(organizations=answer_for)
            if opportunity.is_open and answer_for.exists()
            else None
        ),
        "suggestions": _suggestions(opportunity) if can_manage else [],
        "people": _people(opportunity) if can_manage else [],
        "show_breakdown": request.user.is_staff,
        "can_contact": selectors.user_is_in_organization(request.user, opportunity.posted_by_id),
        "close_form": CloseForm() if can_manage and opportunity.is_open else None,
        "following": opportunity.is_public_notice
        and request.user.is_authenticated
        and opportunity.followers.filter(user=request.user).exists(),
        "can_follow": opportunity.is_public_notice and user_is_approved_member(request.user),
    }
    return render(request, "opportunities/detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def opportunity_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Post an opportunity for one of the user's organisations (approved members only)."""
    organizations = selectors.user_organizations_for_acting(request.user)
    if not user_is_approved_member(request.user) or not organizations.exists():
        raise PermissionDenied
    form = OpportunityForm(
        request.POST if request.method == "POST" else None, organizations=organizations
    )
    if request.method == "POST" and form.is_valid():
        opportunity = services.opportunity_create(
            user=request.user,
            organization=form.cleaned_data["posted_by"],
            data=form.cleaned_data,
            industries=form.cleaned_data["industries"],
        )
        messages.success(request, _("Your opportunity is published."))
        return redirect(opportunity)
    return render(request, "opportunities/form.html", {"form": form, "opportunity": None})


@login_required
@require_http_methods(["GET", "POST"])
def opportunity_edit(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """Edit a post: the poster's people and staff only."""
    opportunity = selectors.access_opportunity_for_edit(request.user, slug)
    form = OpportunityForm(
        request.POST if request.method == "POST" else None,
        instance=opportunity,
        organizations=Organization.objects.none(),
    )
    if request.method == "POST" and form.is_valid():
        services.opportunity_update(
            opportunity=opportunity,
            data=form.cleaned_data,
            industries=form.cleaned_data["industries"],
        )
        messages.success(request, _("The opportunity was saved."))
        return redirect(opportunity)
    return render(request, "opportunities/form.html", {"form": form, "opportunity": opportunity})


@login_required
@require_POST
def opportunity_close(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    opportunity = selectors.access_opportunity_for_edit(request.user, slug)
    form = CloseForm(request.POST)
    if form.is_valid():
        try:
            services.opportunity_close(
                opportunity=opportunity, status=form.cleaned_data["status"], user=request.user
            )
            messages.success(request, _("The opportunity is closed."))
        except services.OpportunityError as error:
            messages.error(request, str(error))
    return redirect(opportunity)


@login_required
@require_POST
def interest_submit(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """Answer a post for one of the user's organisations."""
    opportunity = selectors.access_opportunity(request.user, slug)
    organizations = selectors.interest_organizations(request.user, opportunity)
    if not organizations.exists():
        raise PermissionDenied
    form = InterestForm(request.POST, organizations=organizations)
    if form.is_valid():
        try:
            services.interest_submit(
                user=request.user,
                opportunity=opportunity,
                organization=form.cleaned_data["organization"],
                message=form.cleaned_data["message"],
            )
            messages.success(request, _("Your interest was sent to the poster."))
        except services.ExchangeError as error:
            messages.error(request, str(error))
    else:
        messages.error(
            request, "; ".join(str(e) for errors in form.errors.values() for e in errors)
        )
    return redirect(opportunity)


@login_required
@require_POST
def interest_decide(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Accept or decline an answer; accepting opens the conversation."""
    interest = selectors.access_interest_for_decision(request.user, pk)
    accept = request.POST.get("decision") == "accept"
    try:
        conversation = services.interest_decide(user=request.user, interest=interest, accept=accept)
    except services.ExchangeError as error:
        messages.error(request, str(error))
        return redirect(interest.opportunity)
    if conversation is not None:
        messages.success(request, _("Accepted: you can now write and arrange a meeting."))
        return redirect(conversation)
    messages.success(request, _("The answer was declined."))
    return redirect(interest.opportunity)


@login_required
@require_POST
def suggestion_dismiss(
    request: AuthenticatedHttpRequest, slug: str, organization: str
) -> HttpResponse:
    """The poster marks a suggested organisation "not relevant"."""
    opportunity = selectors.access_opportunity_for_edit(request.user, slug)
    suggested = get_object_or_404(Organization, slug=organization)
    services.match_dismiss(
        user=request.user,
        opportunity=opportunity,
        organization=suggested,
        by_organization=opportunity.posted_by,
    )
    if request.htmx:
        return HttpResponse("")
    messages.success(request, _("Noted: we will not suggest it again."))
    return redirect(opportunity)


@login_required
@require_POST
def suggestion_contact(
    request: AuthenticatedHttpRequest, slug: str, organization: str
) -> HttpResponse:
    """The poster writes to a suggested organisation, which opens a conversation."""
    opportunity = selectors.access_opportunity(request.user, slug)
    if not selectors.user_is_in_organization(request.user, opportunity.posted_by_id):
        raise PermissionDenied
    counterpart = get_object_or_404(Organization, slug=organization, is_listed=True)
    form = StartConversationForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write a first message."))
        return redirect(opportunity)
    try:
        conversation = services.conversation_start(
            user=request.user,
            organization=opportunity.posted_by,
            counterpart=counterpart,
            opportunity=opportunity,
            message=form.cleaned_data["body"],
        )
    except services.ExchangeError as error:
        messages.error(request, str(error))
        return redirect(opportunity)
    return redirect(conversation)


def _acting_organization(request: HttpRequest) -> tuple[list[Organization], Organization]:
    organizations = list(selectors.user_organizations_for_acting(request.user))
    if not organizations or not user_is_approved_member(request.user):
        raise PermissionDenied
    wanted = request.GET.get("organization") or request.POST.get("organization")
    chosen = next((o for o in organizations if o.slug == wanted), organizations[0])
    return organizations, chosen


@login_required
def for_you(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Open posts ranked for one of the user's organisations, each with its reasons."""
    organizations, organization = _acting_organization(request)
    matches = engine.opportunities_for_member(
        organization, limit=match_limit() * 2, members_only_visible=True
    )
    posts = Opportunity.objects.select_related("posted_by").in_bulk(
        [m.opportunity.id for m in matches]
    )
    context = {
        "organizations": organizations,
        "organization": organization,
        "suggestions": [(posts[m.opportunity.id], m) for m in matches if m.opportunity.id in posts],
        "show_breakdown": request.user.is_staff,
    }
    return render(request, "opportunities/for_you.html", context)


@login_required
@require_POST
def for_you_dismiss(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """A member marks a suggested post "not relevant" for their organisation."""
    _organizations, organization = _acting_organization(request)
    opportunity = selectors.access_opportunity(request.user, slug)
    services.match_dismiss(
        user=request.user,
        opportunity=opportunity,
        organization=organization,
        by_organization=organization,
    )
    if request.htmx:
        return HttpResponse("")
    messages.success(request, _("Noted: we will show fewer posts like this."))
    return redirect(f"{reverse('opportunities:for-you')}?organization={organization.slug}")
