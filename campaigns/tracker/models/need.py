"""A need: what a campaign's partner asks for, where, how much and by when."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .choices import Category, NeedStatus, Unit, Urgency
from .display import format_amount

QUANTITY = {"max_digits": 14, "decimal_places": 3}
MONEY = {"max_digits": 18, "decimal_places": 4}


class Need(TranslatableMixin, index.Indexed, models.Model):
    """Something a campaign needs in one region: e.g. 500 food parcels in Kasserine.

    The target is ``quantity`` of ``unit`` for aid in kind, or an amount of ``currency``
    (in ``quantity``) for a cash need. Title and description are translated; every number,
    date and link is synchronised, so translations share one set of figures. Tracker entries
    always point at the source need (the one in the source campaign's locale).
    """

    campaign = models.ForeignKey(
        "campaigns.CampaignPage",
        verbose_name=_("campaign"),
        on_delete=models.PROTECT,
        related_name="needs",
    )
    partner = models.ForeignKey(
        "campaigns.PartnerPage",
        verbose_name=_("responsible partner"),
        on_delete=models.PROTECT,
        related_name="needs",
    )
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    region = models.ForeignKey(
        "tracker.Region", verbose_name=_("region"), on_delete=models.PROTECT, related_name="needs"
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("public description"), blank=True)
    quantity = models.DecimalField(
        _("quantity"),
        help_text=_("How many units are needed, or the amount of money for a cash need."),
        **QUANTITY,
    )
    unit = models.CharField(
        _("unit"),
        max_length=10,
        choices=Unit.choices,
        blank=True,
        help_text=_("For aid in kind."),
    )
    currency = models.CharField(
        _("currency"), max_length=3, blank=True, help_text=_("For a cash need: ISO 4217 code.")
    )
    urgency = models.CharField(
        _("urgency"), max_length=10, choices=Urgency.choices, default=Urgency.MEDIUM
    )
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=NeedStatus.choices, default=NeedStatus.OPEN
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True, db_index=True)

    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("description"),
        SynchronizedField("campaign"),
        SynchronizedField("partner"),
        SynchronizedField("category"),
        SynchronizedField("region"),
        SynchronizedField("quantity"),
        SynchronizedField("unit"),
        SynchronizedField("currency"),
        SynchronizedField("urgency"),
        SynchronizedField("deadline"),
        SynchronizedField("status"),
    ]

    search_fields = [
        index.SearchField("title"),
        index.SearchField("description"),
        index.AutocompleteField("title"),
        index.FilterField("campaign"),
        # Partner staff's choosers and listings narrow to their own partner's needs first.
        index.FilterField("partner"),
        index.FilterField("locale"),
        index.FilterField("category"),
        index.FilterField("status"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("need")
        verbose_name_plural = _("needs")
        ordering = ["deadline", "pk"]
        indexes = [
            models.Index(fields=["campaign", "locale"]),
            # The API's default order (source needs by deadline): pages of 20 without a sort.
            models.Index(fields=["locale", "deadline", "id"], name="tracker_need_by_deadline"),
        ]

    def __str__(self):
        return self.title

    @property
    def is_cash(self):
        return bool(self.currency)

    @property
    def unit_label(self):
        """What the quantity counts: the currency code or the unit's name."""
        return self.currency or self.get_unit_display()

    def target_display(self):
        """The target in words and figures: '500 parcels', '10,000.000 TND'."""
        return format_amount(self.quantity, self.currency, self.unit)

    target_display.short_description = _("target")

    def export_currency(self, field_name):
        """The currency of ``field_name`` when it is money (a cash need's quantity), else ``""``."""
        return self.currency if field_name == "quantity" else ""
