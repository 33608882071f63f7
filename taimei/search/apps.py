from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "taimei.search"
    label = "search"
    verbose_name = _("Search")

    def ready(self) -> None:
        from taimei.search import registry

        registry.indexes()
