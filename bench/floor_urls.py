"""One trivial view: the framework floor (see bench/floor_settings.py)."""

from django.http import HttpResponse
from django.urls import path


def floor(request):
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path("healthz/ping", floor)]
