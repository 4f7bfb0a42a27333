"""An .xlsx workbook read as the CSV text the import reads (its first sheet).

The admin's listings export XLSX as well as CSV (Wagtail's ``SpreadsheetExportMixin``), and
Excel saves .xlsx by default: such a file imports as its CSV would. Each cell is written as a
person reads it: a whole number without ``.0``, a date as ``yyyy-mm-dd`` (with its time when
it has one), a yes/no cell as ``yes``/``no``. A workbook openpyxl cannot read (.ods, .xls, a
broken file) is refused with the message asking for a CSV.
"""

import csv
import datetime
import io
import zipfile
from decimal import Decimal

from django.utils.translation import gettext as _

ZIP_MAGIC = b"PK\x03\x04"  # .xlsx (and .ods): a ZIP archive


class WorkbookRefused(Exception):
    pass


def cell_text(value):
    """One cell's value as the text a CSV of it would hold."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time(0):
            return value.date().isoformat()
        return value.replace(microsecond=0, tzinfo=None).isoformat(sep=" ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def xlsx_text(raw):
    """The first sheet of the workbook ``raw`` (bytes) as CSV text, ``,``-separated.

    :raises WorkbookRefused: not a workbook openpyxl reads.
    """
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as error:
        raise WorkbookRefused(
            _("This is a workbook, not a CSV file: save it as CSV first.")
        ) from error
    out = io.StringIO()
    writer = csv.writer(out)
    try:
        for row in book.worksheets[0].iter_rows(values_only=True):
            writer.writerow([cell_text(value) for value in row])
    finally:
        book.close()
    return out.getvalue()
