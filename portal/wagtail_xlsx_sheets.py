"""Workaround: Wagtail's XLSX exports name their one sheet «Sheet1» and lay it out left to
right, whatever the listing and the reader's language.

Every admin listing with ``list_export`` (snippet and model viewsets) and the reports inherit
``SpreadsheetExportMixin.write_xlsx``, which (Wagtail 8.0) creates the sheet inside the
method as ``create_sheet(title="Sheet1")``, with no hook. :func:`install` (called once from
``PortalConfig.ready``) wraps that one method: the workbook upstream writes is re-opened,
its sheet named after the listing (its page title: «الاحتياجات», «Besoins») and, for a
right-to-left language (Arabic), shown right to left, as the admin is. Upstream's cells,
formats and formula escaping are kept as they are. ``tests/i18n/test_i18n_xlsx_exports.py``
pins the upstream version. Delete this module when Wagtail names the sheet and follows the
reader's direction itself.
"""

import re
from io import BytesIO

from django.utils.translation import get_language, get_language_info
from wagtail.admin.views.mixins import SpreadsheetExportMixin

PATCHED_FOR = "8.0"  # the Wagtail release this wrapper was written against
UPSTREAM_WRITE_XLSX = SpreadsheetExportMixin.write_xlsx
# Characters Excel refuses in a sheet's name, and its length limit.
NOT_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\]")
SHEET_NAME_LENGTH = 31


def sheet_name(title):
    """``title`` as Excel accepts a sheet's name (no ``[]:*?/\\``, 31 characters at most);
    ``None`` when nothing is left."""
    name = NOT_IN_SHEET_NAMES.sub(" ", str(title or "")).strip()[:SHEET_NAME_LENGTH].strip()
    return name or None


def right_to_left(language=None):
    """Whether ``language`` (the active one by default) is written right to left."""
    return bool(get_language_info((language or get_language() or "en").split("-")[0])["bidi"])


class NamedSheetExportMixin:
    """``write_xlsx`` whose sheet bears the listing's title and the reader's direction."""

    def write_xlsx(self, queryset, output):
        from openpyxl import load_workbook

        written = BytesIO()
        UPSTREAM_WRITE_XLSX(self, queryset, written)
        written.seek(0)
        workbook = load_workbook(written)
        workbook.iso_dates = True  # dates kept as upstream writes them
        sheet = workbook.worksheets[0]
        title = self.get_page_title() if hasattr(self, "get_page_title") else None
        sheet.title = sheet_name(title) or sheet.title
        sheet.sheet_view.rightToLeft = right_to_left()
        workbook.save(output)


def install():
    """Name every Wagtail XLSX export's sheet and set its direction (idempotent)."""
    SpreadsheetExportMixin.write_xlsx = NamedSheetExportMixin.write_xlsx
