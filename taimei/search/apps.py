from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "taimei.search"
    label = "search"
