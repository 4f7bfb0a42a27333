"""Admin forms for tracker entries: choices limited to what the user may act for.

The forms only check each field's type; every rule (amounts, statuses, partner scope) is
the service's, so the admin refuses exactly what the API and imports refuse.
"""

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Locale

from campaigns.models import CampaignPage
from portal.readable_exports import plain_number

from . import services
from .models import Need

NUMBER_ONLY = ("step", "min", "max")


class PartnerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.title


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
            if not self.instance.pk and (partner := services.default_partner(user)):
                self.initial.setdefault("partner", partner.pk)
        if "campaign" in self.fields:
            field = self.fields["campaign"]
            self.fields["campaign"] = PartnerChoiceField(
                queryset=services.campaigns_for(
                    user, CampaignPage.objects.filter(locale=default_locale)
                ).order_by("-start_date"),
                label=field.label,
                required=field.required,
            )
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
                field.widget = forms.TextInput(attrs={**attrs, "inputmode": "decimal"})

    def _post_clean(self):
        # The model's own validation is the service's job (one set of rules for all callers).
        pass


class CampaignCurrencyMixin:
    """A blank currency is the need's, else the campaign's: its country's (JOD in Jordan)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "currency" in self.fields:
            field = self.fields["currency"]
            field.required = False
            field.widget.attrs.update(size=4, autocomplete="off", dir="ltr")
            field.help_text = _(
                "ISO 4217 code. Leave blank for the campaign's currency (its country's: "
                "TND in Tunisia, JOD in Jordan, MAD in Morocco)."
            )


class NeedForm(CampaignCurrencyMixin, ScopedEntryForm):
    pass


class ContributionForm(CampaignCurrencyMixin, ScopedEntryForm):
    pass


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
