"""Contributions (what donors give) and deliveries (aid handed out)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.localization.numbers import format_day
from portal.localization.page_titles import named, remember_reader_titles
from portal.localization.typed_codes import WesternDigitsCharField

from .choices import ContributionKind, ContributionStatus, Source, Unit
from .display import format_amount
from .need import MONEY, QUANTITY


def remember_names(entries, language=None):
    """Name a listing's contributions or deliveries in the reader's language at a fixed cost:
    the titles of the needs (or, for a gift toward no need, the campaigns) their names show,
    in ``language`` (default: the active one), in two queries for the whole list, kept on
    the related objects (``page_titles.remember_reader_titles``). The entries should come
    with their ``need`` and ``campaign`` (``select_related``)."""
    entries = list(entries)
    remember_reader_titles([entry.need for entry in entries if entry.need_id], language)
    remember_reader_titles(
        [entry.campaign for entry in entries if not entry.need_id and entry.campaign_id],
        language,
    )


class Contribution(models.Model):
    """A gift toward a campaign (and optionally one need), received by one partner.

    Cash has an ``amount`` in ``currency``; aid in kind has a ``quantity`` of ``unit``.
    The donor's name is public only when ``donor_name_public`` is set; contact details are
    never public. ``reference`` is the partner's own identifier (unique per partner).
    """

    # Wagtail's reference index is updated in the entry's own save, not by a queued task
    # (campaigns/background/reference_index_gone_rows.py).
    index_references_on_save = True

    campaign = models.ForeignKey(
        "campaigns.CampaignPage",
        verbose_name=_("campaign"),
        on_delete=models.PROTECT,
        related_name="contributions",
    )
    need = models.ForeignKey(
        "tracker.Need",
        verbose_name=_("need"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="contributions",
    )
    partner = models.ForeignKey(
        "campaigns.PartnerPage",
        verbose_name=_("receiving partner"),
        on_delete=models.PROTECT,
        related_name="contributions",
    )
    kind = models.CharField(_("kind"), max_length=10, choices=ContributionKind.choices)
    amount = models.DecimalField(_("amount"), null=True, blank=True, **MONEY)
    currency = models.CharField(_("currency"), max_length=3, blank=True, default="")
    quantity = models.DecimalField(_("quantity"), null=True, blank=True, **QUANTITY)
    unit = models.CharField(_("unit"), max_length=10, choices=Unit.choices, blank=True)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=ContributionStatus.choices,
        default=ContributionStatus.PLEDGED,
    )
    pledged_at = models.DateTimeField(_("pledged on"), null=True, blank=True)
    received_at = models.DateTimeField(_("received on"), null=True, blank=True)
    distributed_at = models.DateTimeField(_("distributed on"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled on"), null=True, blank=True)
    donor_name = models.CharField(_("donor's name"), max_length=200, blank=True)
    donor_name_public = models.BooleanField(
        _("donor agreed to show their name"),
        default=False,
        help_text=_("Only then is the name shown on the donors' wall; otherwise 'Anonymous'."),
    )
    donor_contact = models.TextField(
        _("donor's contact details (private)"),
        blank=True,
        help_text=_("Never shown in public, in the API or in feeds."),
    )
    source = models.CharField(
        _("source"), max_length=10, choices=Source.choices, default=Source.ADMIN
    )
    reference = WesternDigitsCharField(
        _("partner's reference"),
        max_length=100,
        blank=True,
        help_text=_("Your organisation's own identifier for this gift (unique for you)."),
    )
    note = models.TextField(_("internal note"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True, db_index=True)

    class Meta:
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["partner", "reference"],
                condition=~Q(reference=""),
                name="tracker_contribution_reference_unique",
            ),
            models.CheckConstraint(
                condition=(
                    Q(kind="cash", amount__gt=0, quantity__isnull=True)
                    | Q(kind="in_kind", quantity__gt=0, amount__isnull=True)
                ),
                name="tracker_contribution_cash_or_kind",
            ),
        ]
        indexes = [
            models.Index(fields=["campaign", "status", "currency"]),
            models.Index(fields=["need", "status"]),
        ]

    def __str__(self):
        # As a partner names a gift: what and how much, toward which need (or campaign), and
        # the day it was pledged in the reader's words («مال – 250 د.ت. – طرود غذائية (15 ماي
        # 2020)»); never its id. The date is isolated (FSI … PDI) as in a delivery's name.
        toward = self.need if self.need_id else (self.campaign if self.campaign_id else "")
        parts = [named(part) for part in (self.get_kind_display(), self.value_display(), toward)]
        text = " – ".join(part for part in parts if part)
        when = self.pledged_at or self.received_at or self.created_at
        if when is None:
            return text
        return f"{text} (\u2068{format_day(timezone.localtime(when))}\u2069)"

    @property
    def public_donor_name(self):
        """The name the public may see: the donor's own, only with their consent."""
        return self.donor_name if self.donor_name_public and self.donor_name else ""

    @property
    def value(self):
        """The amount (cash) or the quantity (in kind)."""
        return self.amount if self.kind == ContributionKind.CASH else self.quantity

    def value_display(self):
        return format_amount(self.value, self.currency, self.unit)

    value_display.short_description = _("amount or quantity")

    def export_currency(self, field_name):
        """The currency of ``field_name`` when it is money (the amount), else ``""``."""
        return self.currency if field_name == "amount" else ""


class Delivery(models.Model):
    """Aid handed out for a need: how much, where, when and how many households it reached.

    Recorded by one person and confirmed by another; only confirmed deliveries count in
    public figures. No beneficiary's name or personal detail is ever stored: only a count.
    ``quantity`` is in the need's unit (or currency for a cash need).
    """

    # Wagtail's reference index is updated in the entry's own save, not by a queued task
    # (campaigns/background/reference_index_gone_rows.py).
    index_references_on_save = True

    campaign = models.ForeignKey(
        "campaigns.CampaignPage",
        verbose_name=_("campaign"),
        on_delete=models.PROTECT,
        related_name="deliveries",
    )
    need = models.ForeignKey(
        "tracker.Need",
        verbose_name=_("need"),
        on_delete=models.PROTECT,
        related_name="deliveries",
    )
    partner = models.ForeignKey(
        "campaigns.PartnerPage",
        verbose_name=_("distributing partner"),
        on_delete=models.PROTECT,
        related_name="deliveries",
    )
    region = models.ForeignKey(
        "tracker.Region",
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        related_name="deliveries",
    )
    quantity = models.DecimalField(_("quantity"), **QUANTITY)
    delivered_on = models.DateField(_("delivered on"))
    households_reached = models.PositiveIntegerField(_("households reached"), default=0)
    over_received = models.BooleanField(
        _("more than received (override)"),
        default=False,
        help_text=_("Set when this delivery was allowed beyond what was received."),
    )
    override_reason = models.TextField(_("reason for the override"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("confirmed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    confirmed_at = models.DateTimeField(_("confirmed on"), null=True, blank=True)
    source = models.CharField(
        _("source"), max_length=10, choices=Source.choices, default=Source.ADMIN
    )
    reference = WesternDigitsCharField(_("partner's reference"), max_length=100, blank=True)
    note = models.TextField(_("internal note"), blank=True)
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True, db_index=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        ordering = ["-delivered_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["partner", "reference"],
                condition=~Q(reference=""),
                name="tracker_delivery_reference_unique",
            ),
            models.CheckConstraint(
                condition=Q(quantity__gt=0), name="tracker_delivery_quantity_positive"
            ),
        ]
        indexes = [
            models.Index(fields=["campaign", "delivered_on"]),
            models.Index(fields=["need", "confirmed_at"]),
        ]

    def __str__(self):
        # "25", not "25.000": three decimals read as thousands in Arabic and French. The date
        # in the reader's words and digits («21 mai 2020», «٢١ ماي ٢٠٢٠»), isolated (FSI …
        # PDI) so that its direction never jumbles the title around it.
        day = format_day(self.delivered_on)
        return f"{named(self.need)} – {self.quantity_display()} (\u2068{day}\u2069)"

    def export_currency(self, field_name):
        """The currency of ``field_name`` when it is money (a cash need's), else ``""``."""
        return self.need.currency if field_name == "quantity" and self.need_id else ""

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None

    def quantity_display(self):
        need = self.need
        return format_amount(self.quantity, need.currency, need.unit)

    quantity_display.short_description = _("quantity")

    def confirmed_display(self):
        return _("Confirmed") if self.is_confirmed else _("Awaiting confirmation")

    confirmed_display.short_description = _("confirmation")
