"""Help offered by a member of the public through a campaign's "offer help" form."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from campaigns.tracker.models import Category, ContributionKind, Unit
from campaigns.tracker.models.display import format_amount
from campaigns.tracker.models.need import MONEY, QUANTITY
from portal.localization.numbers import format_day, format_money
from portal.localization.typed_codes import WesternDigitsCharField


class OfferStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for a partner")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")


# What the visitor fills in, in the form's order: the public form asks for these, the admin
# shows and exports them.
DETAILS = (
    "kind",
    "category",
    "amount",
    "currency",
    "quantity",
    "unit",
    "region",
    "name",
    "name_public",
    "email",
    "phone",
    "message",
)


class Offer(models.Model):
    """An offer of cash or aid in kind toward a campaign, as the visitor typed it.

    It counts nowhere until a partner of the campaign (or staff) accepts it, which records
    a pledged contribution through the tracker's services (``contribution``), or declines
    it with a reason. The name is public only with the person's consent; the e-mail
    address and phone number are private: partners of the campaign and staff see them in
    the admin, nothing public ever does. Nothing about beneficiaries is asked or stored.
    """

    campaign = models.ForeignKey(
        "campaigns.CampaignPage",
        verbose_name=_("campaign"),
        on_delete=models.PROTECT,
        related_name="offers",
    )
    kind = models.CharField(_("kind"), max_length=10, choices=ContributionKind.choices)
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    amount = models.DecimalField(_("amount"), null=True, blank=True, **MONEY)
    currency = models.CharField(_("currency"), max_length=3, blank=True)
    quantity = models.DecimalField(_("quantity"), null=True, blank=True, **QUANTITY)
    unit = models.CharField(_("unit"), max_length=10, choices=Unit.choices, blank=True)
    region = models.ForeignKey(
        "tracker.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="offers",
    )
    name = models.CharField(_("name"), max_length=120, blank=True)
    name_public = models.BooleanField(_("agreed to show the name"), default=False)
    email = models.EmailField(_("e-mail (private)"), max_length=254, blank=True)
    phone = WesternDigitsCharField(_("phone (private)"), max_length=32, blank=True)
    message = models.TextField(_("message"), max_length=1000, blank=True)
    language = models.CharField(
        _("language"), max_length=5, choices=settings.WAGTAIL_CONTENT_LANGUAGES, default="ar"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=OfferStatus.choices, default=OfferStatus.PENDING
    )
    decline_reason = models.TextField(_("reason for declining"), max_length=1000, blank=True)
    contribution = models.OneToOneField(
        "tracker.Contribution",
        verbose_name=_("pledge"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="offer",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided on"), null=True, blank=True)
    created_at = models.DateTimeField(_("offered on"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("offer of help")
        verbose_name_plural = _("offers of help")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(kind="cash", amount__gt=0, quantity__isnull=True)
                    | Q(kind="in_kind", quantity__gt=0, amount__isnull=True)
                ),
                name="people_offer_cash_or_kind",
            ),
        ]
        indexes = [models.Index(fields=["campaign", "status"])]

    def __str__(self):
        # What is offered, where, and the day, as a partner names it; never the offer's id.
        where = self.region if self.region_id else (self.campaign if self.campaign_id else "")
        text = " – ".join(str(part) for part in (self.what, where) if str(part))
        if self.created_at is None:
            return text
        return f"{text} (\u2068{format_day(timezone.localtime(self.created_at))}\u2069)"

    @property
    def what(self):
        """What is offered, in words and the reader's numbers: "250.000 TND" («250,000 د.ت.»)
        or "20 parcels (Food)" («20 طردًا (غذاء)»)."""
        if self.kind == ContributionKind.CASH:
            return format_money(self.amount, self.currency) if self.amount else ""
        if self.quantity is None:
            return ""
        return f"{format_amount(self.quantity, unit=self.unit)} ({self.get_category_display()})"

    def export_currency(self, field_name):
        """The currency of ``field_name`` when it is money (the amount), else ``""``."""
        return self.currency if field_name == "amount" else ""

    @property
    def public_name(self):
        """The name anyone may see: the person's own, only with their consent."""
        return self.name if self.name_public and self.name else ""

    @property
    def has_contact(self):
        return bool(self.email or self.phone)
