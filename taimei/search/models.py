"""The search outbox: which records changed and still need their index entry rewritten."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class IndexUpdate(models.Model):
    """A record whose search document must be rewritten; written in the changing transaction.

    The row commits or rolls back with the change itself, and is deleted only after the index
    write succeeded, so a crash in between leaves it for the next drain to replay.
    """

    kind = models.CharField(_("kind"), max_length=20)
    object_pk = models.CharField(_("primary key"), max_length=64)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("pending index update")
        verbose_name_plural = _("pending index updates")
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.kind}:{self.object_pk}"
