from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "taimei.members"
    label = "members"
    verbose_name = _("Members")
    csv_importers = {"members": "taimei.members.services.member_import"}
    csv_exporters = {"members": "taimei.members.services.member_export"}
    demo_loaders = ["taimei.members.demo.demo_load"]
