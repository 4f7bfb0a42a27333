"""The public "offer help" form and the form that accepts an invitation."""

from decimal import Decimal

from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from campaigns.countries import territory_currencies
from campaigns.people.models import OFFER_DETAILS
from campaigns.tracker.models import Category, ContributionKind, Region, Unit
from portal.localization.digits import ascii_digits
from portal.localization.numbers import currency_decimals, format_number
from portal.localization.typed_codes import WesternDigitsFormField

MESSAGE_MAX = 1000


class LocalDecimalField(forms.DecimalField):
    """A positive number as a visitor types it: any digits (the one rule of
    ``portal.localization.digits``), a decimal comma (``12,5``) and grouping spaces."""

    def to_python(self, value):
        if isinstance(value, str):
            value = ascii_digits(value.strip()).replace(",", ".")
            value = value.replace(" ", "").replace("\u00a0", "")
        return super().to_python(value)


def currency_choices(campaign=None):
    """The currencies an offer may be in: the campaign's first (its country's by default,
    JOD in Jordan), then the country's other legal tenders (ILS then JOD in Palestine), then
    ``PEOPLE_OFFER_CURRENCIES`` (EUR, USD: what donors abroad hold). Another member state's
    currency is never offered (no TND on a Jordanian or Moroccan form)."""
    codes = []
    if campaign is not None:
        codes += [campaign.currency, *territory_currencies(campaign.country)]
    codes += getattr(settings, "PEOPLE_OFFER_CURRENCIES", ["EUR", "USD"])
    return [(code, code) for code in dict.fromkeys(code.upper() for code in codes)]


class OfferForm(forms.Form):
    """What a visitor offers, where, and how to reach them (privately).

    It asks nothing about the people who would receive the aid, and says so.
    """

    kind = forms.ChoiceField(
        label=_("What do you offer?"),
        choices=ContributionKind.choices,
        widget=forms.RadioSelect,
        initial=ContributionKind.IN_KIND,
    )
    amount = LocalDecimalField(
        label=_("Amount"),
        required=False,
        min_value=Decimal("0.001"),
        max_digits=14,
        decimal_places=3,
    )
    currency = forms.ChoiceField(label=_("Currency"), required=False, choices=currency_choices)
    category = forms.ChoiceField(
        label=_("Kind of aid"),
        required=False,
        choices=[("", "—")] + [c for c in Category.choices if c[0] != Category.CASH],
    )
    quantity = LocalDecimalField(
        label=_("Quantity"),
        required=False,
        min_value=Decimal("0.001"),
        max_digits=11,
        decimal_places=3,
    )
    unit = forms.ChoiceField(label=_("Unit"), required=False, choices=[("", "—"), *Unit.choices])
    region = forms.ModelChoiceField(
        label=_("Region"),
        required=False,
        queryset=Region.objects.none(),
        empty_label=_("Anywhere in the country"),
        help_text=_("Where your help can go, or where you are."),
    )
    name = forms.CharField(label=_("Your name"), required=False, max_length=120)
    name_public = forms.BooleanField(
        label=_("Show my name on the campaign's list of donors"),
        required=False,
        help_text=_("Without this box ticked, your gift is shown as anonymous."),
    )
    email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        max_length=254,
        help_text=_("Private: only the campaign's partners see it, to reply to you."),
    )
    phone = WesternDigitsFormField(
        label=_("Phone"),
        required=False,
        max_length=32,
        validators=[
            RegexValidator(r"^\+?[0-9 ().-]{6,32}$", _("Enter a phone number (digits only)."))
        ],
        help_text=_("Private, like your e-mail."),
    )
    message = forms.CharField(
        label=_("Message"),
        required=False,
        max_length=MESSAGE_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Anything the partners should know about your offer. Please write nothing "
            "about the people you wish to help: the campaign never asks for it."
        ),
    )
    # A field people never see: only robots fill it in.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, campaign, **kwargs):
        super().__init__(*args, **kwargs)
        self.campaign = campaign
        self.fields["region"].queryset = Region.objects.filter(country=campaign.country)
        self.fields["currency"].choices = currency_choices(campaign)
        self.fields["currency"].initial = campaign.currency
        self.fields["phone"].widget.input_type = "tel"
        self.fields["phone"].widget.attrs["dir"] = "ltr"
        self.fields["email"].widget.attrs["dir"] = "ltr"
        # Browsers fill these in for the visitor (WCAG 1.3.5, identify input purpose).
        for name, purpose in (("name", "name"), ("email", "email"), ("phone", "tel")):
            self.fields[name].widget.attrs["autocomplete"] = purpose
        self.fields["amount"].widget = forms.TextInput(attrs={"inputmode": "decimal"})
        self.fields["quantity"].widget = forms.TextInput(attrs={"inputmode": "decimal"})

    @property
    def is_spam(self):
        return bool(self.data.get("website"))

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if kind == ContributionKind.CASH:
            if data.get("amount") is None and "amount" not in self.errors:
                self.add_error("amount", _("Enter the amount you offer."))
            currency = data.get("currency") or self.campaign.currency
            data["currency"] = currency
            amount = data.get("amount")
            if amount is not None and amount.as_tuple().exponent < -currency_decimals(currency):
                places = currency_decimals(currency)
                # ngettext: Arabic has six plural forms («رقمان», «3 أرقام»).
                message = ngettext(
                    "%(currency)s has at most %(places)s decimal.",
                    "%(currency)s has at most %(places)s decimals.",
                    places,
                ) % {"currency": currency, "places": format_number(places)}
                self.add_error("amount", message)
            data.update(category=Category.CASH, quantity=None, unit="")
        elif kind == ContributionKind.IN_KIND:
            for field, message in (
                ("category", _("Choose the kind of aid.")),
                ("quantity", _("Enter how many (or how much) you offer.")),
                ("unit", _("Choose the unit.")),
            ):
                if not data.get(field) and field not in self.errors:
                    self.add_error(field, message)
            data.update(amount=None, currency="")
        if data.get("name_public") and not data.get("name"):
            self.add_error("name", _("Write the name to show, or untick the box."))
        return data

    def offer_fields(self):
        return {name: self.cleaned_data.get(name) for name in OFFER_DETAILS}


class AcceptInvitationForm(forms.Form):
    """The invited person's name and the password they choose."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self):
        data = super().clean()
        first, second = data.get("password1"), data.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords differ."))
        elif first:
            from django.contrib.auth import get_user_model

            user = get_user_model()(
                username=self.email,
                email=self.email,
                first_name=data.get("first_name", ""),
                last_name=data.get("last_name", ""),
            )
            try:
                password_validation.validate_password(first, user)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return data
