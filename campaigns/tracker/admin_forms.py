"""Admin forms for tracker entries: choices limited to what the user may act for.

The forms only check each field's type; every rule (amounts, statuses, partner scope) is
the service's, so the admin refuses exactly what the API and imports refuse.
"""

from decimal import Decimal

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Locale

from campaigns.countries import currency_choices, territory_currencies
from campaigns.models import CampaignPage
from portal.localization.page_title_fields import ReaderTitleChoiceField
from portal.readable_exports import plain_number

from . import services
from .models import Need

NUMBER_ONLY = ("step", "min", "max")


class TypedDecimalInput(forms.TextInput):
    """A decimal as it was typed: a stored ``Decimal("500.000")`` shows as ``500`` and
    ``Decimal("12.500")`` as ``12.5`` (the column keeps 3 places for every currency and
    unit); what the user typed is shown back unchanged."""

    def format_value(self, value):
        if isinstance(value, Decimal):
            value = format(value.normalize(), "f") if value else "0"
        return super().format_value(value)


class PartnerChoiceField(ReaderTitleChoiceField):
    """A campaign or partner, named in the reader's language."""


class NeedChoiceField(forms.ModelChoiceField):
    """The need (always its source) labelled by its title in the user's language when it has
    a translation there, else its own: a French user reads «Colis alimentaires – Kasserine»."""

    def label_from_instance(self, obj):
        title = self.translated_titles().get(obj.translation_key, obj.title)
        return f"{title} – {obj.region.name}"

    def translated_titles(self):
        language = (get_language() or "").split("-")[0]
        cache = self.__dict__.setdefault("_titles", {})
        if language not in cache:
            cache[language] = dict(
                Need.objects.filter(
                    translation_key__in=self.queryset.values("translation_key"),
                    locale__language_code=language,
                ).values_list("translation_key", "title")
            )
        return cache[language]


class ScopedEntryForm(WagtailAdminModelForm):
    """Partner, campaign and need choices restricted to the user's organisation(s) and to
    the campaigns whose *Partners* list them (the services refuse anything else anyway)."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        self.for_user = for_user
        user = for_user or services.SYSTEM
        default_locale = Locale.get_default()
        if "partner" in self.fields:
            field = self.fields["partner"]
            self.fields["partner"] = PartnerChoiceField(
                queryset=services.partners_for(user).order_by("path"),
                label=field.label,
                required=field.required,
                help_text=field.help_text,
            )
            # A member acting for one organisation finds it chosen on a blank form (the
            # view may pass an empty initial value for it).
            blank = not self.instance.pk and not self.initial.get("partner")
            if blank and (partner := services.default_partner(user)):
                self.initial["partner"] = partner.pk
        if "campaign" in self.fields:
            field = self.fields["campaign"]
            self.fields["campaign"] = PartnerChoiceField(
                queryset=services.campaigns_for(
                    user, CampaignPage.objects.filter(locale=default_locale)
                ).order_by("-start_date"),
                label=field.label,
                required=field.required,
            )
            # On a campaign day one campaign runs: a blank need or gift starts in it.
            blank = not self.instance.pk and not self.initial.get("campaign")
            if blank and (campaign := services.default_campaign(user)):
                self.initial["campaign"] = campaign.pk
        if "need" in self.fields:
            field = self.fields["need"]
            needs = services.scope_queryset(
                Need.objects.filter(
                    locale=default_locale, campaign__in=services.campaigns_for(user).values("pk")
                ).select_related("region"),
                user,
            )
            self.fields["need"] = NeedChoiceField(
                queryset=needs.order_by("deadline", "pk"),
                label=field.label,
                required=field.required,
                help_text=field.help_text,
            )

        for name, field in self.fields.items():
            if isinstance(field, forms.DecimalField) and name in self.initial:
                # As typed: "25", not the column's "25.000" (read as thousands in ar and fr).
                self.initial[name] = plain_number(self.initial[name])
            if isinstance(field.widget, forms.NumberInput):
                # A browser's number input refuses the digits an Arabic keyboard types (٠-٩);
                # a text input with a numeric keypad takes them (portal/localization/digits.py).
                attrs = {k: v for k, v in field.widget.attrs.items() if k not in NUMBER_ONLY}
                field.widget = TypedDecimalInput(attrs={**attrs, "inputmode": "decimal"})

    def _post_clean(self):
        # The model's own validation is the service's job (one set of rules for all callers).
        pass


class CampaignCurrencyMixin:
    """The currency is a choice of ISO 4217 codes (``campaigns.countries.currency_codes``),
    the campaign's first (its country's by default: JOD in Jordan), then its country's other
    legal tenders, then every other code. Blank is the need's, else the campaign's currency.

    A new entry's campaign is not chosen yet: the currencies of the campaigns the user may
    write to come first then.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "currency" in self.fields:
            field = self.fields["currency"]
            self.fields["currency"] = forms.ChoiceField(
                label=field.label,
                required=False,
                choices=[("", _("The campaign's currency"))]
                + currency_choices(first=self._campaign_currencies()),
                help_text=_(
                    "ISO 4217 code. Leave blank for the campaign's currency (its country's: "
                    "TND in Tunisia, JOD in Jordan, MAD in Morocco)."
                ),
            )

    def _campaign_currencies(self):
        campaign = self.instance.campaign if self.instance.campaign_id else None
        if campaign is not None:
            return [campaign.currency, *territory_currencies(campaign.country)]
        campaigns = self.fields["campaign"].queryset if "campaign" in self.fields else []
        return [campaign.currency for campaign in campaigns]


class NeedForm(CampaignCurrencyMixin, ScopedEntryForm):
    pass


class ContributionForm(CampaignCurrencyMixin, ScopedEntryForm):
    """A gift for a need may leave its campaign empty: the need's campaign is taken. A
    campaign that is not the need's is an error on the campaign field; with no need, the
    campaign is still required."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "campaign" in self.fields and "need" in self.fields:
            self.fields["campaign"].required = False

    def clean(self):
        cleaned = super().clean()
        if "campaign" not in self.fields or "need" not in self.fields:
            return cleaned
        need, campaign = cleaned.get("need"), cleaned.get("campaign")
        if need is not None and campaign is None and "campaign" not in self.errors:
            cleaned["campaign"] = need.campaign
        elif need is not None and campaign is not None and campaign.pk != need.campaign_id:
            self.add_error(
                "campaign",
                _(
                    "This need belongs to another campaign: choose the need's campaign or "
                    "leave the campaign empty."
                ),
            )
        elif need is None and campaign is None and "campaign" not in self.errors:
            self.add_error("campaign", self.fields["campaign"].error_messages["required"])
        return cleaned


class DeliveryForm(ScopedEntryForm):
    confirm = forms.BooleanField(
        label=_("I confirm this delivery"),
        required=False,
        help_text=_(
            "A second person confirms the delivery: the person who recorded it cannot. "
            "Only confirmed deliveries count in public figures."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "over_received" in self.fields:
            self.fields["over_received"].label = _("Allow more than was received (override)")
            self.fields["over_received"].help_text = _(
                "Only when aid was handed out before the gifts were recorded; say why below. "
                "The override is kept in the delivery's history."
            )
        if self.instance.pk and self.instance.is_confirmed and "confirm" in self.fields:
            self.fields["confirm"].initial = True
            self.fields["confirm"].disabled = True
