from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "taimei.events"
    label = "events"
