"""Workaround: Wagtail's CSV exports write cells as typed, without a byte-order mark.

Every admin listing with ``list_export`` (snippet and model viewsets), the reports (site
history, page types, locked and ageing pages, workflows) and form submissions inherit
``SpreadsheetExportMixin.stream_csv``. Upstream (Wagtail 8.0) escapes formulas in XLSX only,
so a need titled ``=HYPERLINK(…)`` reaches the CSV as a live formula, and Arabic shows as
mojibake in Excel. :func:`install` (called once from ``PortalConfig.ready``) replaces that one
method with :meth:`SafeCsvExportMixin.stream_csv`, which writes through
``portal.spreadsheets``; ``tests/hardening/test_csv_downloads.py`` pins the upstream version.
Delete this module when Wagtail neutralises CSV formulas and writes a BOM itself.
"""

import csv

from wagtail.admin.views.mixins import SpreadsheetExportMixin

from portal.spreadsheets import BOM, safe_cell

PATCHED_FOR = "8.0"  # the Wagtail release this replacement was written against


class _Line:
    """A file-like object whose ``write`` hands back the encoded line (as upstream's Echo)."""

    def write(self, value):
        return value.encode("utf-8")


class SafeCsvExportMixin:
    """``stream_csv`` with the BOM first and every cell through ``safe_cell``."""

    def stream_csv(self, queryset):
        writer = csv.writer(_Line())
        headings = [self.get_heading(queryset, field) for field in self.list_export]
        yield BOM.encode("utf-8") + writer.writerow([safe_cell(h) for h in headings])
        for item in queryset:
            row = self.to_row_dict(item)
            yield writer.writerow(
                [
                    safe_cell(self.preprocess_field_value(field, value, self.FORMAT_CSV))
                    for field, value in row.items()
                ]
            )


def install():
    """Make every Wagtail CSV export safe (idempotent)."""
    SpreadsheetExportMixin.stream_csv = SafeCsvExportMixin.stream_csv
