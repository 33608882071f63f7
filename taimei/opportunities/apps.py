from django.apps import AppConfig


class OpportunitiesConfig(AppConfig):
    name = "taimei.opportunities"
    label = "opportunities"
