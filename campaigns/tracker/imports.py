"""CSV imports of needs, contributions and deliveries for one partner organisation.

Every row goes through the same service as the admin and the API, inside one transaction:
all rows are checked (each bad row and field is reported) and, if any row is bad, nothing
is kept. A row whose partner reference was already imported is skipped, so importing the
same file twice creates nothing new.

Cells are read as a spreadsheet writes them. Numbers follow the portal's one rule for typed
numbers (``portal.localization.digits.read_number``); in a ``;``-separated file the comma
is the decimal mark (``12,5``), since Excel separates cells with ``;`` exactly where the
comma is the decimal mark. Dates are ``yyyy-mm-dd`` or day first, ``dd/mm/yyyy`` (also with
``-`` or ``.``, Arabic-Indic digits and a time after it): never month first, and never a
two-digit year, so no date is read two ways.

Headings and values may also be written as the admin's exports write them, in Arabic, French
or English (``import_aliases``): the admin's own export of needs, contributions or deliveries
imports back as it is.
"""

import csv
import datetime
import io
import re
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Locale

from campaigns.models import CampaignPage, PartnerPage
from portal.localization.digits import NumberNotClear, ascii_digits, read_number

from . import services
from .errors import TrackerPermissionDenied, TrackerValidationError
from .import_aliases import Regions, clean_cell, column_label, map_header, read_choices
from .import_xlsx import ZIP_MAGIC, WorkbookRefused, xlsx_text
from .models import Contribution, Delivery, Need, Source

KINDS = ("needs", "contributions", "deliveries")
COLUMNS = {
    "needs": {
        "required": ["category", "region", "title", "quantity"],
        "optional": ["campaign", "description", "unit", "currency", "urgency", "deadline"],
    },
    "contributions": {
        "required": ["kind"],
        "optional": [
            "campaign", "need_id", "amount", "currency", "quantity", "unit", "status",
            "pledged_at", "received_at", "distributed_at", "donor_name", "donor_name_public",
            "reference", "note",
        ],
    },
    "deliveries": {
        "required": ["need_id", "quantity", "delivered_on"],
        "optional": ["households_reached", "region", "reference", "note"],
    },
}  # fmt: skip
TRUE = {"1", "yes", "true", "oui", "نعم", "y"}
NUMBER_COLUMNS = ("quantity", "amount", "households_reached")
DATE_COLUMNS = ("deadline", "delivered_on", "pledged_at", "received_at", "distributed_at")
DAY_FIRST = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T](\d{1,2}:\d{2}(?::\d{2})?))?")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[ T].*)?")


class ImportRefused(Exception):
    """The file cannot be read as this kind of import (missing columns, unknown partner)."""


@dataclass
class Report:
    imported: int = 0
    skipped: int = 0
    errors: list = field(default_factory=list)  # (line, field, message)
    headings: dict = field(default_factory=dict)  # {field: its heading in the file}

    @property
    def ok(self):
        return not self.errors

    @property
    def named_errors(self):
        """``(line, field, heading, message)``: each error with its column as the file
        heads it (``الجهة`` for ``region`` in an Arabic export)."""
        return [(n, f, self.headings.get(f, f), m) for n, f, m in self.errors]


def partner_by_slug(slug):
    partner = PartnerPage.objects.filter(slug=slug, locale=Locale.get_default()).first()
    if partner is None:
        raise ImportRefused(_("No partner organisation with the slug “%(slug)s”.") % {"slug": slug})
    return partner


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
                _("Missing column(s): %(columns)s.") % {"columns": ", ".join(named)}
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


class RowErrors(dict):
    """``{column: [message]}`` gathered over one row, so the report names every bad field
    of a line at once (a person fixes the file once, not once per field)."""

    def lookup(self, find, *args):
        """``find(*args)``, or None with its error kept when it raises
        ``TrackerValidationError``."""
        try:
            return find(*args)
        except TrackerValidationError as error:
            self.merge(error)
            return None

    def merge(self, error):
        """Add the messages of ``error`` for the columns that have none yet (a cell already
        reported as unreadable is not reported again as missing)."""
        for name, messages in error.message_dict.items():
            self.setdefault(name, [str(m) for m in messages])

    def raise_if_any(self):
        if self:
            raise TrackerValidationError(dict(self))


class Importer:
    def __init__(self, kind, partner, campaign=None, user=None):
        self.kind = kind
        self.partner = partner
        # Without a person, the import has the organisation's rights, no more.
        self.user = user or services.ActingFor(partner)
        self.default_campaign = campaign
        self.campaigns = {}
        self.regions = Regions()
        self.needs = {}

    def campaign(self, row):
        """The campaign of its slug or, as the admin's export writes it, of its title."""
        slug = row.get("campaign") or self.default_campaign
        if not slug:
            raise TrackerValidationError({"campaign": [_("Give the campaign's slug.")]})
        if slug not in self.campaigns:
            default = Locale.get_default()
            page = CampaignPage.objects.filter(slug=slug, locale=default).first()
            titled = CampaignPage.objects.filter(title=slug).order_by("pk").first()
            if page is None and titled is not None:
                page = titled.get_translation_or_none(default) or titled
            self.campaigns[slug] = page
        if self.campaigns[slug] is None:
            raise TrackerValidationError({"campaign": [_("Unknown campaign “%s”.") % slug]})
        return self.campaigns[slug]

    def region(self, value, country=None, field_name="region"):
        """The region of a code or a name in any language, in ``country`` when known."""
        if not value:
            return None
        region = self.regions.find(value, country)
        if region is None:
            raise TrackerValidationError({field_name: [self.regions.unknown(value, country)]})
        return region

    def need(self, value):
        """The need of its id or, as the admin's export writes it, of its title (one of the
        partner's needs, in its source language). Only needs the importing person may see
        are looked up: another organisation's need is as unknown as one that does not exist
        (an import must not tell partner staff which ids exist elsewhere)."""
        if not value:
            return None
        if value not in self.needs:
            if value.isdigit():
                visible = services.scope_queryset(Need.objects.all(), self.user)
                found = list(visible.filter(pk=int(value)))
            else:
                titled = Need.objects.filter(partner=self.partner, title=value)
                found = [
                    n
                    for n in titled.select_related("campaign")
                    if n.locale_id == n.campaign.locale_id
                ]
            self.needs[value] = found[0] if len(found) == 1 else None
        if self.needs[value] is None:
            raise TrackerValidationError({"need_id": [_("Unknown need “%s”.") % value]})
        return self.needs[value]

    def quietly(self, find, *args):
        try:
            return find(*args)
        except TrackerValidationError:
            return None

    def already_imported(self, row):
        reference = row.get("reference")
        if not reference:
            if self.kind == "needs":
                campaign = self.quietly(self.campaign, row)
                country = campaign.country if campaign else None
                return Need.objects.filter(
                    partner=self.partner, title=row.get("title"),
                    region=self.quietly(self.region, row.get("region"), country),
                ).exists()  # fmt: skip
            return False
        model = Contribution if self.kind == "contributions" else Delivery
        return model.objects.filter(partner=self.partner, reference=reference).exists()

    def import_row(self, row, errors):
        """Record one row through the services; every bad field of the row (``errors``:
        the unreadable cells, then unknown campaigns, regions and needs, then what the
        services refuse) is raised at once as one ``TrackerValidationError``."""
        try:
            self._record(row, errors)
        except TrackerValidationError as error:
            errors.merge(error)
        errors.raise_if_any()

    def _record(self, row, errors):
        user, source = self.user, Source.IMPORT
        if self.kind == "needs":
            campaign = errors.lookup(self.campaign, row)
            country = campaign.country if campaign else None
            region = errors.lookup(self.region, row.get("region"), country)
            if campaign is None:
                return None
            return services.create_need(
                user=user, source=source, campaign=campaign, partner=self.partner,
                category=row.get("category"), region=region,
                title=row.get("title"), description=row.get("description", ""),
                quantity=row.get("quantity"), unit=row.get("unit", ""),
                currency=row.get("currency", ""), urgency=row.get("urgency") or "medium",
                deadline=row.get("deadline") or None,
            )  # fmt: skip
        if self.kind == "contributions":
            need = errors.lookup(self.need, row.get("need_id"))
            campaign = need.campaign if need else errors.lookup(self.campaign, row)
            if campaign is None or "need_id" in errors:
                return None
            return services.record_contribution(
                user=user, source=source, campaign=campaign,
                partner=self.partner, need=need, kind=row.get("kind"),
                amount=row.get("amount") or None, currency=row.get("currency") or "",
                quantity=row.get("quantity") or None, unit=row.get("unit", ""),
                status=row.get("status") or "pledged",
                pledged_at=row.get("pledged_at") or None,
                received_at=row.get("received_at") or None,
                distributed_at=row.get("distributed_at") or None,
                donor_name=row.get("donor_name", ""),
                donor_name_public=row.get("donor_name_public", "").lower() in TRUE,
                reference=row.get("reference", ""), note=row.get("note", ""),
            )  # fmt: skip
        need = errors.lookup(self.need, row.get("need_id"))
        country = need.campaign.country if need else None
        region = errors.lookup(self.region, row.get("region"), country)
        if need is None:
            errors.setdefault("need_id", [str(_("Give the need's id."))])
            return None
        return services.record_delivery(
            user=user, source=source, need=need, partner=self.partner,
            region=region, quantity=row.get("quantity"),
            delivered_on=row.get("delivered_on"),
            households_reached=row.get("households_reached") or 0,
            reference=row.get("reference", ""), note=row.get("note", ""),
        )  # fmt: skip


def run_import(path, kind, partner_slug, campaign=None, progress=None, dry_run=False, *, user=None):
    """Import the file; returns a ``Report``. Nothing is kept unless every row is good.

    :param user: the person importing (the admin's import page): the services check their
        rights over the partner, its needs and campaigns, as for the entries they add by
        hand, and keep them as author. ``None`` (the command, the task): the organisation's
        own rights (``services.ActingFor``).
    """
    if kind not in KINDS:
        raise ImportRefused(_("Choose needs, contributions or deliveries."))
    partner = partner_by_slug(partner_slug)
    rows, delimiter, headings = read_table(path, kind)
    importer = Importer(kind, partner, campaign, user=user)
    decimal_comma = True if delimiter == ";" else None  # else: by the language's rule
    report = Report(headings=headings)
    progress = progress or (lambda iterable: iterable)
    with transaction.atomic():
        for line, row in progress(list(enumerate(rows, start=2))):  # line 1 is the header
            if importer.already_imported(row):
                report.skipped += 1
                continue
            clean, unreadable = read_cells(row, decimal_comma)
            read_choices(kind, clean, unreadable)
            try:
                with transaction.atomic():
                    importer.import_row(clean, RowErrors(unreadable))
                report.imported += 1
            except TrackerValidationError as error:
                for name, messages in error.message_dict.items():
                    report.errors.extend((line, name, str(m)) for m in messages)
            except TrackerPermissionDenied as error:
                report.errors.append((line, error.field, str(error.message)))
        if report.errors or dry_run:
            transaction.set_rollback(True)
    return report
