"""Headings and buttons in the Arabic and French admin (issue 19): the date pickers'
"Save Selected" and the headings' colon («Exploration: Racine»)."""

import html
import re
from pathlib import Path

import pytest
import wagtail

from portal import wagtail_header_titles

from .admin_pages import page_of

pytestmark = pytest.mark.django_db

FSI, PDI, NBSP = "\u2068", "\u2069", "\u00a0"
PICKER = (
    Path(wagtail.__file__).parent
    / "admin/static/wagtailadmin/js/vendor"
    / "jquery.datetimepicker.js"
)


# 7. Date pickers and headings


@pytest.mark.parametrize(
    ("language", "label"), [("ar", "حفظ المحدد"), ("fr", "Enregistrer la sélection")]
)
def test_date_pickers_apply_button_in_the_users_language(admin_speaking, demo, language, label):
    page = page_of(admin_speaking(language).get(f"/admin/pages/{demo['campaign'].id}/edit/"))
    script = re.search(r'<script [^>]*data-save-selected="([^"]*)"', page)
    assert html.unescape(script.group(1)) == label


def test_the_vendored_picker_still_writes_save_selected_in_english():
    """Pins the upstream gap static/js/admin-picker-labels.js works around."""
    assert ">Save Selected</button>" in PICKER.read_text()


@pytest.mark.parametrize(
    ("language", "heading"),
    [("fr", f"Exploration{NBSP}: Racine"), ("ar", f"استكشاف: {FSI}الجذر{PDI}")],
)
def test_explorer_heading_reads_in_the_users_language(admin_speaking, language, heading):
    page = html.unescape(page_of(admin_speaking(language).get("/admin/pages/")))
    assert f"<title>{heading} - Wagtail</title>" in page
    assert "Exploration: " not in page


def test_the_heading_workaround_is_pinned_to_the_wagtail_it_was_written_for():
    from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

    assert wagtail.__version__.startswith(wagtail_header_titles.PATCHED_FOR + ".")
    assert (
        WagtailAdminTemplateMixin.get_header_title
        is wagtail_header_titles.TranslatedHeaderTitleMixin.get_header_title
    )
