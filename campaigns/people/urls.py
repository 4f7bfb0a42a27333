"""Public URLs of this app, mounted under the language prefix (/<lang>/...)."""

from django.urls import path

from . import views

app_name = "people"

urlpatterns = [
    path("invitation/<str:token>/", views.accept_invitation, name="accept_invitation"),
    path("<slug:slug>/offer-help/", views.offer_help, name="offer_help"),
    path("<slug:slug>/offer-help/thanks/", views.offer_thanks, name="offer_thanks"),
]
