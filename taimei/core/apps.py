from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _sync_taxonomy(sender: AppConfig, **kwargs: object) -> None:
    from taimei.core.services import taxonomy_sync

    taxonomy_sync()


class CoreConfig(AppConfig):
    name = "taimei.core"
    label = "core"
    verbose_name = _("Taxonomy")

    def ready(self) -> None:
        # A vocabulary gained a slug: the table follows after the next `migrate`.
        post_migrate.connect(_sync_taxonomy, sender=self)
