"""Background work of the opportunities app (run in-process when there is no broker)."""

from __future__ import annotations

import logging

from celery import shared_task
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

from taimei.core.links import site_url
from taimei.opportunities.models import Notification

logger = logging.getLogger(__name__)


@shared_task
def send_notification_email(notification_id: int) -> None:
    """E-mail one notification to its recipient, in the recipient's preferred language."""
    notification = (
        Notification.objects.select_related("recipient").filter(pk=notification_id).first()
    )
    if notification is None or not notification.recipient.email:
        return
    user = notification.recipient
    with translation.override(user.preferred_language):
        text = notification.text
        body = render_to_string(
            "opportunities/email/notification.txt",
            {"user": user, "text": text, "link": site_url() + notification.url},
        )
        subject = translation.gettext("TaiMei Exchange: %(text)s") % {"text": text}
    send_mail(subject[:200], body, None, [user.email])


@shared_task
def send_weekly_digests() -> int:
    """The weekly digest for every subscribed member; one user's failure stops no one else."""
    from taimei.accounts.models import User
    from taimei.opportunities.services.digest import digest_recipients, digest_send

    sent = 0
    for pk in digest_recipients():
        user = User.objects.filter(pk=pk).first()
        if user is None:
            continue
        try:
            sent += digest_send(user=user)
        except Exception:  # logged; the next user still gets theirs
            logger.exception("weekly digest for user %s failed", pk)
    return sent
