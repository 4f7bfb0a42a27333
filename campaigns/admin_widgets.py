"""Admin widgets for campaign pages."""

from django import forms
from django.templatetags.static import static
from wagtail.admin.widgets import AdminPageChooser
from wagtail.models import Locale


class PartnerPageChooser(AdminPageChooser):
    """A partner chooser that opens at the partners index (in the source language), not at the
    root of the page tree where the three languages' trees sit side by side."""

    js_constructor = "PartnerPageChooser"  # static/js/admin-partner-chooser.js

    def __init__(self, **kwargs):
        kwargs.setdefault("target_models", ["campaigns.PartnerPage"])
        super().__init__(**kwargs)

    def get_js_init_options(self, id_, name, value_data):
        opts = super().get_js_init_options(id_, name, value_data)
        if "parentId" not in opts:
            from campaigns.models import PartnerIndexPage

            index = (
                PartnerIndexPage.objects.filter(locale=Locale.get_default())
                .values_list("pk", flat=True)
                .first()
            )
            if index is not None:
                opts["parentId"] = index
        return opts

    @property
    def media(self):
        return super().media + forms.Media(js=[static("js/admin-partner-chooser.js")])
