from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "taimei.events"
    label = "events"
    verbose_name = _("Events")
    demo_loaders = ["taimei.events.demo.demo_load"]
    search_indexes = ["taimei.events.search_index.EventIndex"]
    member_profile_sections = ["taimei.events.profile.events_of_organization"]
    digest_sections = ["taimei.events.digest.upcoming_events"]
    csv_exporters = {"registrations": "taimei.events.services.registrations_export_all"}
    periodic_tasks = {
        "events-send-reminders": {"task": "taimei.events.tasks.send_reminders", "every": 600},
    }
