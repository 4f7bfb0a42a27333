from django.urls import path

from home.favicon import favicon
from home.sitemap import sitemap

urlpatterns = [
    path("sitemap.xml", sitemap, name="sitemap"),
    path("favicon.ico", favicon, name="favicon"),
]
