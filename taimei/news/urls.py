"""News URLs: the hub keeps the site-wide name `news` (the navigation uses it); the rest are
namespaced `news:`."""

from django.urls import include, path

from taimei.news import views

namespaced = (
    [
        path("", views.hub, name="hub"),
        path("<int:pk>/", views.article, name="article"),
        path("sources/", views.sources, name="sources"),
        path("reclassify/", views.reclassify, name="reclassify"),
    ],
    "news",
)

urlpatterns = [
    path("", views.hub, name="news"),
    path("", include(namespaced)),
]
