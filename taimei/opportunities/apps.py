from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpportunitiesConfig(AppConfig):
    name = "taimei.opportunities"
    label = "opportunities"
    verbose_name = _("Opportunities")
    csv_importers = {
        "opportunities": "taimei.opportunities.services.opportunity_import",
        "procurement-us": "taimei.opportunities.services.procurement.procurement_import_us",
        "procurement-tw": "taimei.opportunities.services.procurement.procurement_import_tw",
    }
    demo_loaders = ["taimei.opportunities.demo.demo_load"]
    periodic_tasks = {
        "opportunities-weekly-digest": {
            "task": "taimei.opportunities.tasks.send_weekly_digests",
            "every": 7 * 24 * 3600,
        },
    }
    search_indexes = ["taimei.opportunities.search_index.OpportunityIndex"]
