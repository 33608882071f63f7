"""URL map: each capability mounts its own `urls` module."""

from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from taimei.api.urls import api
from taimei.config import views as core_views

admin.site.site_header = _("TaiMei Exchange administration")
admin.site.site_title = _("TaiMei Exchange")

urlpatterns = [
    path("", core_views.home, name="home"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("taimei.accounts.urls")),
    path("members/", include("taimei.members.urls")),
    path("search/", include("taimei.search.urls")),
    path("news/", include("taimei.news.urls")),
    path("opportunities/", include("taimei.opportunities.urls")),
    path("events/", include("taimei.events.urls")),
    path("dashboard/", include("taimei.dashboard.urls")),
    path("admin/", admin.site.urls),
    path("api/", api.urls),
]
if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
