from django.apps import AppConfig


class DashboardConfig(AppConfig):
    name = "taimei.dashboard"
    label = "dashboard"
