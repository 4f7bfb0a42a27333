from django.apps import AppConfig
from django.conf import settings


def limit_decoded_pixels():
    """Pillow's own decompression-bomb limit follows the upload limit: it warns above it and
    refuses twice it wherever an image is decoded (renditions, imports, Willow)."""
    from PIL import Image

    if settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS:
        Image.MAX_IMAGE_PIXELS = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS


class PortalConfig(AppConfig):
    """The project package as an app: production plumbing (edge cache purges, media copy)."""

    name = "portal"
    verbose_name = "Portal"

    def ready(self):
        from portal import (
            bidi,
            cache_outage,
            caching,
            library_events,
            page_events,
            wagtail_add_labels,
            wagtail_breadcrumbs,
            wagtail_counts,
            wagtail_csv_formulas,
            wagtail_header_titles,
            wagtail_model_genders,
            wagtail_relative_times,
            wagtail_xlsx_sheets,
        )

        bidi.connect_signals()
        caching.connect_signals()
        page_events.connect_signals()
        library_events.connect()
        cache_outage.install()
        wagtail_csv_formulas.install()
        wagtail_header_titles.install()
        wagtail_model_genders.install()
        wagtail_add_labels.install()
        wagtail_breadcrumbs.install()
        wagtail_counts.install()
        wagtail_relative_times.install()
        wagtail_xlsx_sheets.install()
        limit_decoded_pixels()
