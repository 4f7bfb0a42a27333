"""CSV imports of needs, contributions and deliveries for one partner organisation.

Every row goes through the same service as the admin and the API, inside one transaction:
all rows are checked (each bad row and field is reported) and, if any row is bad, nothing
is kept. A row whose partner reference was already imported, or whose id (the admin export's «Id»
column) is an entry the importing person can see, is skipped, so importing the same file
twice, or an export back, creates nothing new.

Cells are read as a spreadsheet writes them (``import_files``: encoding, delimiter, numbers,
dates, ``.xlsx``). Headings and values may also be written as the admin's exports write them,
in Arabic, French or English (``import_aliases``): the admin's own export of needs,
contributions or deliveries imports back as it is.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Locale

from campaigns.models import CampaignPage, PartnerPage
from portal.localization.digits import ascii_digits

from . import services
from .errors import TrackerPermissionDenied, TrackerValidationError
from .import_aliases import Regions, column_label, read_choices
from .import_columns import COLUMNS, KINDS
from .import_files import ImportRefused, read_cells, read_table
from .import_values import value_columns, with_values
from .models import Contribution, Delivery, Need, Source

TRUE = {"1", "yes", "true", "oui", "نعم", "y"}


@dataclass
class Report:
    imported: int = 0
    skipped: int = 0
    errors: list = field(default_factory=list)  # (line, field, message)
    headings: dict = field(default_factory=dict)  # {field: its heading in the file}
    kind: str = ""  # needs, contributions or deliveries

    @property
    def ok(self):
        return not self.errors

    @property
    def named_errors(self):
        """``(line, field, heading, message)``: each error with its column as the file
        heads it (``الجهة`` for ``region`` in an Arabic export) or, for a column the file
        lacks, as the admin's export heads it in the active language (``الوحدة``)."""
        return [(n, f, self.heading(f), m) for n, f, m in self.errors]

    def heading(self, column):
        """``column`` as the file heads it, else its label in the active language."""
        if column in self.headings:
            return self.headings[column]
        if self.kind and column in COLUMNS[self.kind]["required"] + COLUMNS[self.kind]["optional"]:
            return column_label(self.kind, column)
        return column


def partner_by_slug(slug):
    partner = PartnerPage.objects.filter(slug=slug, locale=Locale.get_default()).first()
    if partner is None:
        raise ImportRefused(_("No partner organisation with the slug “%(slug)s”.") % {"slug": slug})
    return partner


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
            message = _("Choose the campaign: write its title or its slug.")
            raise TrackerValidationError({"campaign": [self.values(message, "campaign")]})
        if slug not in self.campaigns:
            default = Locale.get_default()
            page = CampaignPage.objects.filter(slug=slug, locale=default).first()
            titled = CampaignPage.objects.filter(title=slug).order_by("pk").first()
            if page is None and titled is not None:
                page = titled.get_translation_or_none(default) or titled
            self.campaigns[slug] = page
        if self.campaigns[slug] is None:
            message = _("Unknown campaign “%s”.") % slug
            raise TrackerValidationError({"campaign": [self.values(message, "campaign")]})
        return self.campaigns[slug]

    def region(self, value, country=None, field_name="region"):
        """The region of a code or a name in any language, in ``country`` when known."""
        if not value:
            return None
        region = self.regions.find(value, country)
        if region is None:
            message = _("Unknown region “%(value)s”: write its code or its name.") % {
                "value": value
            }
            raise TrackerValidationError({field_name: [self.values(message, "region", country)]})
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

    def values(self, message, column, country=None):
        """``message`` followed by the values ``column`` accepts, in the active language."""
        return with_values(message, self.kind, column, self.user, country)

    def quietly(self, find, *args):
        try:
            return find(*args)
        except TrackerValidationError:
            return None

    def known_entry(self, row):
        """Whether the row's ``id`` (the export's «Id» column) is a contribution or delivery
        the importing person can see: the row was exported from the admin and is already
        here. An id of no entry, or of another organisation's, is as if none were given (the
        row is imported as new, and nothing tells which ids exist elsewhere)."""
        value = ascii_digits(row.get("id") or "").strip()
        if self.kind == "needs" or not value.isdigit():
            return False
        model = Contribution if self.kind == "contributions" else Delivery
        return services.scope_queryset(model.objects.filter(pk=int(value)), self.user).exists()

    def already_imported(self, row):
        if self.known_entry(row):
            return True
        reference = services.clean_reference(row.get("reference"))
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
            # What the services refuse in a choice column, with the values it accepts.
            listed = value_columns(self.kind)
            errors.merge(
                TrackerValidationError(
                    {
                        name: [self.values(m, name) if name in listed else m for m in messages]
                        for name, messages in error.message_dict.items()
                    }
                )
            )
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
    report = Report(headings=headings, kind=kind)
    progress = progress or (lambda iterable: iterable)
    with transaction.atomic():
        for line, row in progress(list(enumerate(rows, start=2))):  # line 1 is the header
            if importer.already_imported(row):
                report.skipped += 1
                continue
            clean, unreadable = read_cells(row, decimal_comma)
            read_choices(kind, clean, unreadable, headings)
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
