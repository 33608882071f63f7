"""Account writes: API tokens."""

from __future__ import annotations

import secrets

from django.utils import timezone

from taimei.accounts.models import ApiToken, User, hash_token


def api_token_issue(*, user: User, name: str) -> tuple[ApiToken, str]:
    """A new token for `user` and its raw value, which is shown once and never stored."""
    raw = "tm_" + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, name=name.strip() or "API", prefix=raw[:8], key_hash=hash_token(raw)
    )
    return token, raw


def api_token_revoke(*, token: ApiToken) -> None:
    """Revoke `token` from now on (kept for the audit trail)."""
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])


def api_token_touch(*, token: ApiToken) -> None:
    """Record use, at most once a minute so reads do not turn into a write per request."""
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
