"""Public URLs of this app, mounted under the language prefix (/<lang>/...)."""

from django.urls import path

import portal.converters  # noqa: F401  (registers <page_slug:>)

from . import views

app_name = "people"

urlpatterns = [
    path("invitation/<str:token>/", views.accept_invitation, name="accept_invitation"),
    path("<page_slug:slug>/offer-help/", views.offer_help, name="offer_help"),
    path("<page_slug:slug>/offer-help/thanks/", views.offer_thanks, name="offer_thanks"),
]
