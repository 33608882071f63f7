from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "taimei.api"
    label = "api"
