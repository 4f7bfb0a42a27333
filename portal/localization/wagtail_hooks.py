"""The admin in the user's language and direction (hooks Wagtail loads from every app)."""

import copy

from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.navigation import get_site_for_user
from wagtail.admin.site_summary import SummaryItem
from wagtail.utils.version import get_main_version

from portal.localization.site_names import reader_site_name


@hooks.register("insert_global_admin_css")
def admin_direction_css():
    """Addresses, e-mails and phone numbers left to right in the right-to-left admin."""
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))


@hooks.register("insert_global_admin_js")
def admin_digits_js():
    """Arabic-Indic digits typed in a date or number field read as 0-9 by the date pickers."""
    return format_html('<script src="{}" defer></script>', static("js/admin-digits.js"))


@hooks.register("insert_global_admin_js")
def admin_picker_labels_js():
    """The date pickers' "Save Selected" button in the admin's language."""
    return format_html(
        '<script src="{}" data-save-selected="{}" defer></script>',
        static("js/admin-picker-labels.js"),
        _("Save selected"),
    )


@hooks.register("insert_editor_js")
def translation_editor_heading_js():
    """wagtail-localize's editor heading ("Arabic to French translation") and its segments'
    "More actions" in the admin's language: its bundle writes them in English; the phrases
    come from the catalogues (the locale names from WAGTAIL_CONTENT_LANGUAGES)."""
    phrase = _("%(source)s to %(target)s translation") % {
        "source": "{source}",
        "target": "{target}",
    }
    return format_html(
        '<script src="{}" data-heading="{}" data-more-actions="{}" defer></script>',
        static("js/admin-translation-heading.js"),
        phrase,
        _("More actions"),
    )


def _relabel(items, matches, label):
    """Replace, in this request's menu only, each item ``matches`` accepts by a copy labelled
    ``label`` (third-party labels translated once, at startup, stay in that language)."""
    for index, item in enumerate(items):
        if matches(item):
            item = copy.copy(item)
            item.label = label
            items[index] = item


@hooks.register("construct_reports_menu")
def translated_reports_menu(request, items):
    """wagtail-localize's "Translations" report, in the user's language."""
    url = reverse("wagtail_localize:translations_report")
    _relabel(items, lambda item: item.url == url, gettext("Translations"))


@hooks.register("construct_help_menu")
def translated_help_menu(request, items):
    """Wagtail's "What's new in Wagtail 8.0", in the user's language."""
    version = get_main_version(include_patch=False)
    _relabel(
        items,
        lambda item: item.name.startswith("whats-new-in-wagtail-"),
        gettext("What's new in Wagtail %(version)s") % {"version": version},
    )


@hooks.register("after_copy_page")
def name_the_copy_in_the_readers_language(request, page, new_page):
    from .copied_pages import name_the_copy

    name_the_copy(request, page, new_page)


class ReaderSiteNameMixin:
    """A dashboard summary item («N pages/images/documents created in <site>») naming the
    site in the reader's language."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        if "site_name" in context:
            root = get_site_for_user(self.request.user)["root_page"]
            context["site_name"] = reader_site_name(root, context["site_name"])
        return context


def reader_named(item_class):
    """``item_class`` (a SummaryItem) with ReaderSiteNameMixin, made once per class."""
    if item_class not in _READER_NAMED:
        _READER_NAMED[item_class] = type(
            f"ReaderNamed{item_class.__name__}", (ReaderSiteNameMixin, item_class), {}
        )
    return _READER_NAMED[item_class]


_READER_NAMED = {}


@hooks.register("construct_homepage_summary_items", order=100)  # after every app's own
def name_the_site_in_the_readers_language(request, items):
    """The dashboard summary names the site by its home page's title in the reader's language
    (portal/localization/site_names.py), not by its one-language ``site_name``: pages,
    images, documents and media alike."""
    for index, item in enumerate(items):
        if isinstance(item, SummaryItem) and not isinstance(item, ReaderSiteNameMixin):
            items[index] = reader_named(type(item))(request)
