"""The portal's URLs plus a trivial Django view: the framework floor the API is compared to."""

from django.http import HttpResponse
from django.urls import path

from portal.urls import urlpatterns as portal_urlpatterns


def floor(request):
    return HttpResponse(b'{"ok": true}', content_type="application/json")


urlpatterns = [path("bench/floor/", floor), *portal_urlpatterns]
