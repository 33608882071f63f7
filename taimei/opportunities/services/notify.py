"""Notifications: in the site (stored in both languages) and by e-mail (the reader's language)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from django.db import transaction
from django.utils import timezone, translation

from taimei.accounts.models import User
from taimei.members.models import Organization
from taimei.opportunities.models import Notification

LANGUAGES = ("zh-hant", "en")


def _render(text: Callable[[], str]) -> dict[str, str]:
    rendered = {}
    for language in LANGUAGES:
        with translation.override(language):
            rendered[language] = str(text())[:300]
    return rendered


def notify_users(
    *, users: list[User], kind: str, url: str, text: Callable[[], str]
) -> list[Notification]:
    """Tell `users` something: `text` is called once per language to render the message.

    The e-mails go out after the surrounding transaction commits.
    """
    if not users:
        return []
    rendered = _render(text)
    notifications = Notification.objects.bulk_create(
        Notification(
            recipient=user,
            kind=kind,
            text_zh=rendered["zh-hant"],
            text_en=rendered["en"],
            url=url,
        )
        for user in users
    )
    from taimei.opportunities.tasks import send_notification_email

    ids = [n.pk for n in notifications if n.pk is not None]
    if not ids:  # backends that do not return keys from bulk inserts
        ids = list(
            Notification.objects.filter(recipient__in=users, kind=kind, url=url)
            .order_by("-pk")
            .values_list("pk", flat=True)[: len(users)]
        )
    for pk in ids:
        transaction.on_commit(partial(send_notification_email.delay, pk))
    return notifications


def notify_organization(
    *,
    organization: Organization,
    kind: str,
    url: str,
    text: Callable[[], str],
    exclude: User | None = None,
) -> list[Notification]:
    """Tell every signed-in person of `organization` (except `exclude`, who did the thing)."""
    people = User.objects.filter(people__organization=organization, is_active=True)
    if exclude is not None:
        people = people.exclude(pk=exclude.pk)
    return notify_users(users=list(people.distinct()), kind=kind, url=url, text=text)


def notifications_mark_read(*, user: User) -> int:
    """Mark every unread notification of `user` read; returns how many."""
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
