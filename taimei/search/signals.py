"""Signal handlers: record the changed primary key in the outbox and enqueue a drain on commit.

No document is built here (that is the task's job, with fresh data after the commit).
"""

from __future__ import annotations

import threading
from typing import Any

from django.db import connections, models, router, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from taimei.search.models import IndexUpdate
from taimei.search.registry import SearchIndex, indexes


class _Drain:
    """An on-commit callback that enqueues one outbox drain (and remembers that it ran)."""

    __name__ = "_drain_on_commit"

    def __init__(self) -> None:
        self.ran = False

    def __call__(self) -> None:
        from taimei.search.tasks import index_drain

        self.ran = True
        index_drain.delay()


_pending = threading.local()


def _schedule_drain(using: str) -> None:
    connection = connections[using]
    # One drain per transaction however many records it touched (bulk imports): skip when
    # this transaction already holds a callback that has not run. A rolled-back callback
    # disappears from run_on_commit, so it never suppresses the next one.
    last: _Drain | None = getattr(_pending, using, None)
    if (
        last is not None
        and not last.ran
        and connection.in_atomic_block
        and any(entry[1] is last for entry in connection.run_on_commit)
    ):
        return
    drain = _Drain()
    setattr(_pending, using, drain)
    transaction.on_commit(drain, using=using)


def record_change(kind: str, pks: list[Any], *, using: str = "default") -> None:
    """Queue `pks` of `kind` for re-indexing once the current transaction commits."""
    if not pks:
        return
    IndexUpdate.objects.using(using).bulk_create(
        [IndexUpdate(kind=kind, object_pk=str(pk)) for pk in pks]
    )
    _schedule_drain(using)


def _connect(index: SearchIndex[Any]) -> None:
    model = index.model
    kind = index.kind

    def saved_or_deleted(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
        if kwargs.get("raw"):
            return  # fixture loading: `taimei reindex` afterwards
        using = kwargs.get("using") or router.db_for_write(sender)
        record_change(kind, [instance.pk], using=using)

    def relations_changed(
        sender: type[models.Model],
        instance: models.Model,
        action: str,
        reverse: bool,
        pk_set: set[Any] | None,
        using: str,
        **kwargs: Any,
    ) -> None:
        if not reverse:  # organisation.industries.add(...): the organisation changed
            if action in {"post_add", "post_remove", "post_clear"}:
                record_change(kind, [instance.pk], using=using)
            return
        if action in {"post_add", "post_remove"} and pk_set:
            record_change(kind, list(pk_set), using=using)
        elif action == "pre_clear":  # industry.organizations.clear(): find them before
            ours, theirs = _through_columns(sender, model)
            related = sender._default_manager.using(using).filter(**{theirs: instance.pk})
            record_change(kind, list(related.values_list(ours, flat=True)), using=using)

    uid = f"taimei.search.{kind}"
    post_save.connect(saved_or_deleted, sender=model, weak=False, dispatch_uid=f"{uid}.save")
    post_delete.connect(saved_or_deleted, sender=model, weak=False, dispatch_uid=f"{uid}.delete")
    for field in model._meta.many_to_many:
        through = field.remote_field.through
        m2m_changed.connect(
            relations_changed, sender=through, weak=False, dispatch_uid=f"{uid}.{field.name}"
        )


def _through_columns(through: type[models.Model], model: type[models.Model]) -> tuple[str, str]:
    """(column pointing to `model`, column pointing to the other side) of an m2m table."""
    ours = theirs = ""
    for field in through._meta.fields:
        if field.is_relation and field.related_model is model and not ours:
            ours = field.attname
        elif field.is_relation:
            theirs = field.attname
    return ours, theirs


def connect_all() -> None:
    """Connect the handlers for every registered index (called from SearchConfig.ready)."""
    for index in indexes().values():
        _connect(index)
