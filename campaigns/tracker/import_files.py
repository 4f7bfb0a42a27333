"""Reading an import file: its bytes into rows of cells, as a spreadsheet writes them.

The CSV's encoding (UTF-8, UTF-16, cp1256 or Latin-1) and delimiter (``, ; TAB |``) are
detected; an ``.xlsx`` workbook is read as the CSV of its first sheet (``import_xlsx``);
headings may be written as the admin's exports write them in any language
(``import_aliases``). Numbers follow the portal's one rule for typed numbers
(``portal.localization.digits.read_number``); in a ``;``-separated file the comma is the
decimal mark. Dates are ``yyyy-mm-dd`` or day first, ``dd/mm/yyyy``: never month first, and
never a two-digit year, so no date is read two ways. Recording the rows is ``imports``'s job.
"""

import csv
import datetime
import io
import re

from django.utils.translation import gettext as _

from portal.localization.digits import NumberNotClear, ascii_digits, read_number
from portal.localization.lists import join_values

from .import_aliases import clean_cell, column_label, map_header
from .import_columns import COLUMNS
from .import_xlsx import ZIP_MAGIC, WorkbookRefused, xlsx_text

NUMBER_COLUMNS = ("quantity", "amount", "households_reached")
DATE_COLUMNS = ("deadline", "delivered_on", "pledged_at", "received_at", "distributed_at")
DAY_FIRST = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T](\d{1,2}:\d{2}(?::\d{2})?))?")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[ T].*)?")


class ImportRefused(Exception):
    """The file cannot be read as this kind of import (missing columns, unknown partner)."""


DELIMITERS = ",;\t|"
ARABIC_LETTERS = range(0x0621, 0x064B)


def decode(raw):
    """The text of a CSV file's bytes, whatever encoding a spreadsheet saved it in.

    UTF-8 with or without a byte-order mark (LibreOffice, Excel's "CSV UTF-8"), UTF-16 with
    its mark (Excel's "Unicode text"), else Windows Arabic (cp1256, Excel's "CSV" on an Arabic
    Windows) when that reads as Arabic, else Latin-1 (a French Windows). Returns ``str``.
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    arabic = raw.decode("cp1256")
    try:
        latin = raw.decode("cp1252")
    except UnicodeDecodeError:
        latin = raw.decode("latin-1")
    # Bytes 0xC0-0xFF are Arabic letters in cp1256 and accented letters in Latin-1: an
    # Arabic file has many more Arabic letters than a French file has capitals like "É".
    arabic_letters = sum(ord(c) in ARABIC_LETTERS for c in arabic)
    latin_capitals = sum("\u00c0" <= c <= "\u00de" for c in latin)
    return arabic if arabic_letters > latin_capitals else latin


def sniff_delimiter(header_line):
    """The delimiter of a CSV file from its header line: the one of ``, ; TAB |`` it holds
    most (Excel writes ``;`` with French or Arabic regional settings); ``,`` by default."""
    counts = {d: header_line.count(d) for d in DELIMITERS}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def read_table(path, kind):
    """``(rows, delimiter, headings)``: the rows of the file at ``path`` (or of an open
    binary file, an upload) as dicts, whatever its encoding and delimiter, and ``{column:
    its heading in the file}``; refuses missing columns."""
    if hasattr(path, "read"):
        raw = path.read()
    else:
        with open(path, "rb") as handle:
            raw = handle.read()
    try:  # an .xlsx workbook (the admin's XLSX export) as the CSV of its first sheet
        text = xlsx_text(raw) if raw.startswith(ZIP_MAGIC) else decode(raw)
    except WorkbookRefused as refused:
        raise ImportRefused(str(refused)) from refused
    if "\x00" in text:  # no text file holds NUL: an .xls workbook, not its CSV
        raise ImportRefused(_("This is a workbook, not a CSV file: save it as CSV first."))
    delimiter = sniff_delimiter(text.split("\n", 1)[0])
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        # Headings as the import names them, or as the admin's export writes them in any
        # language (``import_aliases``).
        written = [name.strip() for name in reader.fieldnames or []]
        header = map_header(kind, written)
        reader.fieldnames = header
        missing = [c for c in COLUMNS[kind]["required"] if c not in header]
        if missing:
            named = [f"{c} ({column_label(kind, c)})" for c in missing]
            raise ImportRefused(
                _("Missing column(s): %(columns)s.") % {"columns": join_values(named)}
            )
        rows = [
            {(k or "").strip(): clean_cell((v or "").strip()) for k, v in row.items()}
            for row in reader
        ]
    except csv.Error as error:  # a field beyond csv's limit: binary, not text
        raise ImportRefused(
            _("This is a workbook, not a CSV file: save it as CSV first.")
        ) from error
    return rows, delimiter, dict(zip(header, written, strict=True))


def read_rows(path, kind):
    """The file's rows as dicts (see ``read_table``)."""
    return read_table(path, kind)[0]


def read_date(text):
    """A date cell as ISO text (``2020-05-21``, with ``T10:30`` if it has a time).

    :raises ValueError: neither ``yyyy-mm-dd`` nor a real day-first ``dd/mm/yyyy`` date.
    """
    text = ascii_digits(text).strip()
    if ISO_DATE.fullmatch(text):
        return text
    match = DAY_FIRST.fullmatch(text)
    if match is None:
        raise ValueError(text)
    day, month, year, time = match.groups()
    iso = datetime.date(int(year), int(month), int(day)).isoformat()  # ValueError: 31/02
    return f"{iso}T{time}" if time else iso


def read_cells(row, decimal_comma):
    """``(clean, errors)``: the row with its number and date cells as the services read
    them, and ``{column: [message]}`` for each unreadable cell (left empty in ``clean``, so
    the services do not report it a second time)."""
    clean, errors = dict(row), {}
    for name in NUMBER_COLUMNS:
        if not row.get(name):
            continue
        try:
            clean[name] = read_number(row[name], decimal_comma=decimal_comma)
        except NumberNotClear as error:
            errors[name] = [str(error.message)]
            clean[name] = ""
    for name in DATE_COLUMNS:
        if row.get(name):
            try:
                clean[name] = read_date(row[name])
            except ValueError:
                errors[name] = [
                    _("Write the date as dd/mm/yyyy (day first) or yyyy-mm-dd: “%(value)s”.")
                    % {"value": row[name]}
                ]
                clean[name] = ""
    return clean, errors
