"""Procurement alerts and following a notice (approved members and staff)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from taimei.core.http import AuthenticatedHttpRequest
from taimei.core.taxonomy import industry_choices
from taimei.members.selectors import user_is_approved_member
from taimei.opportunities import selectors
from taimei.opportunities.models import ProcurementAlert
from taimei.opportunities.services import procurement


class AlertForm(forms.Form):
    naics_prefix = forms.RegexField(
        regex=r"^\d{2,6}$",
        required=False,
        label=gettext_lazy("NAICS code or prefix"),
        help_text=gettext_lazy("A short code matches every code under it: 3344 finds 334413."),
        error_messages={"invalid": gettext_lazy("A NAICS code is 2 to 6 digits.")},
    )
    keyword = forms.CharField(
        required=False,
        max_length=100,
        label=gettext_lazy("Keyword"),
        help_text=gettext_lazy("Synonyms in both languages count: 晶圓 also finds “wafer”."),
    )
    industry = forms.ChoiceField(required=False, label=gettext_lazy("Industry"))

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        industry = self.fields["industry"]
        assert isinstance(industry, forms.ChoiceField)
        industry.choices = [("", "—"), *industry_choices()]


def _require_member(request: HttpRequest) -> None:
    if not user_is_approved_member(request.user):
        raise PermissionDenied


@login_required
@require_http_methods(["GET", "POST"])
def alerts(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The user's procurement alerts and a form to add one."""
    _require_member(request)
    form = AlertForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            procurement.alert_create(
                user=request.user,
                naics_prefix=form.cleaned_data["naics_prefix"],
                keyword=form.cleaned_data["keyword"],
                industry=form.cleaned_data["industry"] or None,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Alert saved: we will tell you about new notices."))
            return redirect("opportunities:alerts")
    items = ProcurementAlert.objects.filter(user=request.user)
    return render(request, "opportunities/alerts.html", {"form": form, "alerts": items})


@login_required
@require_POST
def alert_delete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    get_object_or_404(ProcurementAlert, pk=pk, user=request.user).delete()
    messages.success(request, _("Alert removed."))
    return redirect("opportunities:alerts")


@login_required
@require_POST
def notice_follow(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """Follow or unfollow a public procurement notice."""
    _require_member(request)
    opportunity = selectors.access_opportunity(request.user, slug)
    if not opportunity.is_public_notice:
        raise PermissionDenied
    following = procurement.notice_follow(
        user=request.user, opportunity=opportunity, follow=request.POST.get("follow") == "1"
    )
    messages.success(
        request,
        _("You follow this notice.") if following else _("You no longer follow this notice."),
    )
    return redirect(opportunity)
