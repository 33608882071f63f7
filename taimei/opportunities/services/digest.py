"""Saved searches and the weekly digest.

The digest is assembled from sections. This app contributes new opportunities (matching the
user's saved searches, and ranked for their organisations); any app may add a section by
declaring `digest_sections = ["dotted.path.to.function"]` on its AppConfig, where the function
takes `user` and `since` and returns a `taimei.core.sections.Section` or None (news: articles
mentioning the member; events: upcoming events). The unsubscribe link is signed and works
without signing in.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.apps import apps
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from taimei.core.links import site_url
from taimei.core.sections import Section, SectionItem
from taimei.members.models import Person
from taimei.opportunities.conf import match_limit
from taimei.opportunities.models import DigestPreference, Opportunity, SavedSearch

if TYPE_CHECKING:
    from taimei.accounts.models import User

UNSUBSCRIBE_SALT = "taimei.opportunities.digest.unsubscribe"
SEARCH_PARAMS = ("q", "kind", "industry", "country")


def saved_search_create(*, user: User, name: str, params: dict[str, str]) -> SavedSearch:
    """Save the list's current filters (only the known parameters are kept)."""
    from django.http import QueryDict

    query = QueryDict(mutable=True)
    for key in SEARCH_PARAMS:
        if params.get(key):
            query[key] = params[key][:200]
    encoded = query.urlencode()
    if not encoded:
        raise ValueError(_("Choose a keyword or a filter before saving the search."))
    try:
        with transaction.atomic():
            return SavedSearch.objects.create(
                user=user, name=(name.strip() or encoded)[:120], query=encoded
            )
    except IntegrityError:
        return SavedSearch.objects.get(user=user, query=encoded)


def unsubscribe_token(user: User) -> str:
    return signing.dumps(user.pk, salt=UNSUBSCRIBE_SALT)


def unsubscribe_url(user: User) -> str:
    path = reverse("opportunities:unsubscribe", kwargs={"token": unsubscribe_token(user)})
    return site_url() + path


def digest_unsubscribe(*, token: str) -> User | None:
    """Turn the weekly digest off for the token's user; None for a forged or broken token."""
    from taimei.accounts.models import User

    try:
        pk = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    user = User.objects.filter(pk=pk).first()
    if user is not None:
        DigestPreference.objects.update_or_create(user=user, defaults={"weekly": False})
    return user


def digest_subscribe(*, user: User, weekly: bool) -> DigestPreference:
    preference, _created = DigestPreference.objects.update_or_create(
        user=user, defaults={"weekly": weekly}
    )
    return preference


def _opportunity_section(user: User, since: datetime.datetime) -> Section | None:
    """New posts matching the user's saved searches, and the best new ones for their members."""
    from taimei.opportunities import selectors
    from taimei.opportunities.matching import engine

    items: dict[int, SectionItem] = {}
    for search in SavedSearch.objects.filter(user=user):
        filters = selectors.OpportunityFilters.from_params(search.params)
        for post in selectors.opportunity_list(filters, user).filter(created_at__gte=since)[:10]:
            items.setdefault(
                post.pk,
                SectionItem(post.title, site_url() + post.get_absolute_url(), search.name),
            )
    organizations = selectors.user_organizations_for_acting(user)
    for organization in organizations.prefetch_related("industries", "domains"):
        matches = engine.opportunities_for_member(
            organization, limit=match_limit(), members_only_visible=True
        )
        fresh = Opportunity.objects.filter(
            pk__in=[m.opportunity.id for m in matches], created_at__gte=since
        ).in_bulk()
        for match in matches:
            matched = fresh.get(match.opportunity.id)
            if matched is not None:
                reasons = match.reasons()
                items.setdefault(
                    matched.pk,
                    SectionItem(matched.title, site_url() + matched.get_absolute_url(), reasons[0]),
                )
    if not items:
        return None
    return Section(_("New opportunities for you"), list(items.values()))


def digest_sections(user: User, since: datetime.datetime) -> list[Section]:
    """Every section with something new for `user` (this app's first, then other apps')."""
    functions = [_opportunity_section]
    for config in apps.get_app_configs():
        functions.extend(import_string(path) for path in getattr(config, "digest_sections", []))
    sections = []
    for function in functions:
        section = function(user, since)
        if section is not None and section.items:
            sections.append(section)
    return sections


def digest_send(*, user: User, now: datetime.datetime | None = None) -> bool:
    """Send one user's weekly digest in their language; False when there is nothing new."""
    now = now or timezone.now()
    preference, _created = DigestPreference.objects.get_or_create(user=user)
    if not preference.weekly or not user.email or not user.is_active:
        return False
    since = preference.last_sent_at or now - datetime.timedelta(days=7)
    with translation.override(user.preferred_language):
        sections = digest_sections(user, since)
        if not sections:
            return False
        link = unsubscribe_url(user)
        context = {"user": user, "sections": sections, "unsubscribe": link}
        subject = _("Your weekly TaiMei Exchange digest")
        body = render_to_string("opportunities/email/digest.txt", context)
    message = EmailMultiAlternatives(subject, body, to=[user.email])
    message.extra_headers = {
        "List-Unsubscribe": f"<{link}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    message.send()
    preference.last_sent_at = now
    preference.save(update_fields=["last_sent_at"])
    return True


def digest_recipients() -> list[int]:
    """Users who may get a digest: active people of member organisations, not unsubscribed."""
    from taimei.accounts.models import User

    people = Person.objects.filter(user__isnull=False).values("user_id")
    return list(
        User.objects.filter(pk__in=people, is_active=True)
        .exclude(digest_preference__weekly=False)
        .values_list("pk", flat=True)
    )
