from django.urls import path

from home.sitemap import sitemap

urlpatterns = [
    path("sitemap.xml", sitemap, name="sitemap"),
]
