from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "taimei.search"
    label = "search"
    verbose_name = _("Search")
    # Replays outbox entries a crash or a busy index left behind.
    periodic_tasks = {
        "search-drain-outbox": {"task": "taimei.search.tasks.index_drain", "every": 60}
    }

    def ready(self) -> None:
        from taimei.search import signals

        signals.connect_all()
