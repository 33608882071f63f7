"""Dashboard URLs: the page keeps the site-wide name `dashboard` (the navigation uses it); the
rest are namespaced `dashboard:`."""

from django.urls import include, path

from taimei.dashboard import views

namespaced = (
    [
        path("", views.index, name="index"),
        path("tables/<slug:key>.csv", views.table_csv, name="csv"),
        path(f"assets/plotly-{views.PLOTLY_VERSION}.min.js", views.plotly_js, name="plotly"),
    ],
    "dashboard",
)

urlpatterns = [
    path("", views.index, name="dashboard"),
    path("", include(namespaced)),
]
