"""Request types for views, so the type checker knows what middleware and decorators add."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeAlias

from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from taimei.accounts.models import User

AnyUser: TypeAlias = "User | AnonymousUser"


class HtmxHttpRequest(HttpRequest):
    """Any request: django-htmx's middleware sets `htmx` on every one."""

    htmx: HtmxDetails


class AuthenticatedHttpRequest(HtmxHttpRequest):
    """A request behind `login_required` (or an authenticated API route): `user` is a User."""

    user: User
