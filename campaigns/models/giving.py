"""How to give to a campaign: bank transfer, mobile payment, drop-off points, online."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField


class ChannelKind(models.TextChoices):
    BANK = "bank", _("Bank transfer")
    MOBILE = "mobile", _("Mobile payment")
    DROP_OFF = "drop_off", _("In-kind drop-off point")
    ONLINE = "online", _("Online")


class GivingChannel(TranslatableMixin, Orderable):
    """One way to give to a campaign, shown under "How to give" on the campaign page."""

    campaign = ParentalKey(
        "campaigns.CampaignPage", related_name="giving_channels", on_delete=models.CASCADE
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ChannelKind.choices)
    name = models.CharField(
        _("name"), max_length=200, help_text=_("e.g. the bank, the mobile service, the place.")
    )
    account_holder = models.CharField(_("account holder"), max_length=200, blank=True)
    account_number = models.CharField(
        _("account number or IBAN"),
        max_length=64,
        blank=True,
        help_text=_("For a bank transfer (RIB or IBAN) or a mobile payment code."),
    )
    address = models.TextField(_("address"), blank=True, help_text=_("For a drop-off point."))
    opening_hours = models.CharField(_("opening hours"), max_length=200, blank=True)
    url = models.URLField(_("online address"), blank=True)
    notes = models.TextField(_("notes"), blank=True, help_text=_("Anything a donor should know."))

    panels = [
        FieldPanel("kind"),
        FieldPanel("name"),
        FieldPanel("account_holder"),
        FieldPanel("account_number"),
        FieldPanel("address"),
        FieldPanel("opening_hours"),
        FieldPanel("url"),
        FieldPanel("notes"),
    ]
    api_fields = [
        APIField(name)
        for name in (
            "kind",
            "name",
            "account_holder",
            "account_number",
            "address",
            "opening_hours",
            "url",
            "notes",
        )
    ]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("account_holder"),
        TranslatableField("address"),
        TranslatableField("opening_hours"),
        TranslatableField("notes"),
        SynchronizedField("kind"),
        SynchronizedField("account_number"),
        SynchronizedField("url"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("way to give")
        verbose_name_plural = _("ways to give")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        required = {
            ChannelKind.BANK: "account_number",
            ChannelKind.MOBILE: "account_number",
            ChannelKind.DROP_OFF: "address",
            ChannelKind.ONLINE: "url",
        }.get(self.kind)
        if required and not getattr(self, required):
            raise ValidationError({required: _("This way to give needs this field.")})
