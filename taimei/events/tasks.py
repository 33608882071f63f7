"""Celery tasks: thin wrappers that receive primary keys and call one service."""

from __future__ import annotations

from celery import shared_task


@shared_task
def send_registration_email(registration_id: int, kind: str) -> None:
    from taimei.events.notifications import registration_mail_send

    registration_mail_send(registration_id=registration_id, kind=kind)


@shared_task
def send_meeting_email(meeting_id: int, kind: str) -> None:
    from taimei.events.notifications import meeting_mail_send

    meeting_mail_send(meeting_id=meeting_id, kind=kind)


@shared_task
def replan_meetings(event_id: int) -> None:
    """Stable re-plan after a change; agendas already sent keep their meetings."""
    from taimei.events.models import Event
    from taimei.events.services.scheduling import meetings_schedule

    event = Event.objects.filter(pk=event_id).first()
    if event is not None and event.slots.exists() and event.tables.exists():
        meetings_schedule(event=event, stable=True)


@shared_task
def send_reminders() -> None:
    from taimei.events.services.reminders import reminders_send

    reminders_send()
