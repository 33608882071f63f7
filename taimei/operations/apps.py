from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    """Project-wide commands (demo, serve, import, export, worker) that orchestrate the apps."""

    name = "taimei.operations"
    label = "operations"
    verbose_name = _("Operations")
