"""Public URLs of this app, mounted under the language prefix (/<lang>/...)."""

from django.urls import path

import portal.converters  # noqa: F401  (registers <page_slug:>)

from . import views

app_name = "tracker"

urlpatterns = [
    path("<page_slug:campaign_slug>/needs/", views.needs, name="needs"),
    path("<page_slug:campaign_slug>/needs/needs.csv", views.needs_csv, name="needs_csv"),
    path("<page_slug:campaign_slug>/needs/totals.csv", views.totals_csv, name="totals_csv"),
    path("<page_slug:campaign_slug>/needs/data.json", views.data_json, name="data_json"),
]
