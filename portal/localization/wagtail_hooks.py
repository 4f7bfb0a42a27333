"""The admin in the user's language and direction (hooks Wagtail loads from every app)."""

from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail import hooks


@hooks.register("insert_global_admin_css")
def admin_direction_css():
    """Addresses, e-mails and phone numbers left to right in the right-to-left admin."""
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))


@hooks.register("insert_global_admin_js")
def admin_digits_js():
    """Arabic-Indic digits typed in a date or number field read as 0-9 by the date pickers."""
    return format_html('<script src="{}" defer></script>', static("js/admin-digits.js"))


@hooks.register("insert_editor_js")
def translation_editor_heading_js():
    """wagtail-localize's editor heading ("Arabic to French translation") in the admin's
    language: its bundle writes it in English; the phrase comes from our catalogue."""
    phrase = _("%(source)s to %(target)s translation") % {
        "source": "{source}",
        "target": "{target}",
    }
    return format_html(
        '<script src="{}" data-heading="{}" defer></script>',
        static("js/admin-translation-heading.js"),
        phrase,
    )
