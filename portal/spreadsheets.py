"""The one CSV writer for every file people download and open in a spreadsheet.

Two things every such file needs, whatever it holds:

- **No formulas from user text** (OWASP "CSV injection"): a spreadsheet runs a cell that
  starts with ``=``, ``+``, ``-`` or ``@`` as a formula (a tab or carriage return in front is
  skipped by some), so a need titled ``=HYPERLINK(…)`` would become a live link or worse. Such
  text cells are prefixed with ``'``, which spreadsheets show as plain text. Numbers given as
  numbers (``int``, ``Decimal``, ``float``) are written as they are, so a real negative
  figure stays a number; the same digits arriving as *text* are neutralised, since text is
  what a person typed.
- **A UTF-8 byte-order mark**, without which Excel reads the file as the local code page and
  shows Arabic as mojibake.

Generic: imports no app of the portal. Used by the open data, the admin's list exports
(``portal/wagtail_csv_formulas.py``) and the media kit's ``credits.csv``.
"""

import csv
import io
from decimal import Decimal

from django.http import HttpResponse

BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """The text to write for one cell.

    :param value: anything; ``None`` is an empty cell, numbers keep their digits (a ``Decimal``
        never in exponent form), everything else is ``str()``-ed.
    :returns: ``str``; text starting with one of ``FORMULA_STARTS`` gets a leading ``'``.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, int | float):
        return str(value)
    text = str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


class SafeWriter:
    """``csv.writer`` whose rows go through :func:`safe_cell`; writes to any text ``out``."""

    def __init__(self, out, **options):
        self._writer = csv.writer(out, **options)

    def writerow(self, row):
        return self._writer.writerow([safe_cell(value) for value in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def csv_line(row):
    """One row as CSV text (with its ``\\r\\n``), for streamed exports."""
    out = io.StringIO()
    SafeWriter(out).writerow(row)
    return out.getvalue()


def csv_text(rows):
    """The whole document as text: the BOM, then each row (an iterable of cells)."""
    out = io.StringIO()
    out.write(BOM)
    SafeWriter(out).writerows(rows)
    return out.getvalue()


def csv_bytes(rows):
    """:func:`csv_text` encoded as UTF-8 (the BOM becomes ``EF BB BF``), e.g. for a ZIP entry."""
    return csv_text(rows).encode("utf-8")


def csv_response(rows, filename):
    """An attachment response (``text/csv; charset=utf-8``) named ``filename``."""
    response = HttpResponse(csv_bytes(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
