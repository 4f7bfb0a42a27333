"""Every field where a person types digits reads Arabic-Indic (٠-٩) and Eastern Arabic-Indic
(۰-۹) digits as 0-9: each field of the public forms, and each model field that the admin
shows as a number, a date, a phone number, a code or a reference. The fields are read from
the form and model classes, so a field added later is checked too."""

import inspect

import pytest
from django import forms
from django.apps import apps
from django.db import models

from campaigns.models import campaign_index
from campaigns.people import forms as people_forms
from campaigns.tracker import views as tracker_views
from portal.localization.digits import ARABIC_INDIC, EASTERN_ARABIC_INDIC, django_field_classes
from portal.localization.typed_codes import WesternDigitsCharField, WesternDigitsFormField

PUBLIC_FORM_MODULES = (people_forms, tracker_views, campaign_index)
PROJECT_APPS = ("campaigns", "home", "search", "portal")
# Text where a typed digit is a code: phone numbers, codes, references.
CODE_NAMES = ("phone", "reference", "code")  # "code" matches a timecode too
DIGIT_SETS = {"arabic-indic": ARABIC_INDIC, "eastern-arabic-indic": EASTERN_ARABIC_INDIC}


def public_forms():
    """Every form class defined in the modules behind the public site's forms."""
    return sorted(
        (
            cls
            for module in PUBLIC_FORM_MODULES
            for _name, cls in inspect.getmembers(module, inspect.isclass)
            if issubclass(cls, forms.BaseForm) and cls.__module__ == module.__name__
        ),
        key=lambda cls: cls.__qualname__,
    )


def build(form_class):
    """An unbound instance of ``form_class`` with what its ``__init__`` asks for."""
    from campaigns.models import CampaignPage
    from campaigns.tracker.models import Region

    campaign = CampaignPage.objects.get(slug="jesr", locale__language_code="ar")
    kwargs = {
        "campaign": campaign,
        "email": "x@example.org",
        "regions": Region.objects.filter(country=campaign.country),
        "countries": [("TN", "Tunisia")],
    }
    accepted = inspect.signature(form_class.__init__).parameters
    return form_class(**{k: v for k, v in kwargs.items() if k in accepted})


def sample(field):
    """A value typed with Western digits that ``field`` accepts, or None: no digits to type."""
    if isinstance(field, WesternDigitsFormField):
        return "12-40-05"  # short enough for every phone, code and timecode field
    if isinstance(field, forms.DateTimeField):
        return "2020-05-21 10:30"
    if isinstance(field, forms.DateField):
        return "2020-05-21"
    if isinstance(field, forms.TimeField):
        return "10:30"
    if isinstance(field, forms.DurationField):
        return "1 02:00:00"
    if isinstance(field, forms.IntegerField):
        return "12"
    if isinstance(field, (forms.DecimalField, forms.FloatField)):
        return "150.5"
    if isinstance(field, forms.ModelChoiceField):
        return str(field.queryset.values_list("pk", flat=True).first())
    if isinstance(field, forms.ChoiceField):
        numeric = [str(v) for v, _ in field.choices if str(v).isdigit()]
        return numeric[0] if numeric else None
    return None


def typed_in(text, digits):
    return text.translate(str.maketrans("0123456789", digits))


def public_fields():
    for form_class in public_forms():
        for name in form_class.base_fields:
            yield pytest.param(form_class, name, id=f"{form_class.__name__}.{name}")


@pytest.mark.django_db
def test_the_public_forms_are_found():
    names = {cls.__name__ for cls in public_forms()}
    assert {"OfferForm", "AcceptInvitationForm", "NeedFilterForm", "CampaignFilterForm"} <= names


@pytest.mark.django_db
@pytest.mark.parametrize("digits", DIGIT_SETS.values(), ids=DIGIT_SETS.keys())
@pytest.mark.parametrize(("form_class", "name"), list(public_fields()))
def test_every_public_form_field_reads_any_digits(form_class, name, digits):
    field = build(form_class).fields[name]
    widget_type = getattr(field.widget, "input_type", "")
    if widget_type == "tel" or any(code in name for code in CODE_NAMES):
        assert isinstance(field, WesternDigitsFormField), f"{name}: a phone or code field"
    value = sample(field)
    if value is None:
        return  # free text (a name, a message) keeps the digits typed in it
    assert field.clean(typed_in(value, digits)) == field.clean(value), name


def project_fields():
    for model in apps.get_models():
        if model.__module__.split(".")[0] not in PROJECT_APPS:
            continue
        for field in model._meta.concrete_fields:
            if field.auto_created or not field.editable:
                continue
            yield pytest.param(field, id=f"{model.__name__}.{field.name}")


@pytest.mark.parametrize("digits", DIGIT_SETS.values(), ids=DIGIT_SETS.keys())
@pytest.mark.parametrize("field", list(project_fields()))
def test_every_admin_number_date_and_code_field_reads_any_digits(field, digits):
    is_code = any(c in field.name for c in CODE_NAMES)
    if isinstance(field, models.CharField) and is_code and not field.choices:
        assert isinstance(field, WesternDigitsCharField), f"{field}: a phone or code field"
    if isinstance(field, (models.ForeignKey, models.ManyToManyField)):
        return
    form_field = field.formfield()
    if form_field is None:
        return
    if not isinstance(form_field, (WesternDigitsFormField, *django_field_classes())):
        return
    value = sample(form_field)
    assert form_field.clean(typed_in(value, digits)) == form_field.clean(value), str(field)


@pytest.mark.django_db
def test_a_phone_typed_in_arabic_digits_is_kept_in_western_digits(client):
    """What the tester typed, on the real page."""
    import time_machine

    from campaigns.people.models import Offer

    Offer.objects.all().delete()
    with time_machine.travel("2020-05-20T10:00:00+01:00", tick=True):
        response = client.post(
            "/ar/jesr/offer-help/",
            {
                "kind": "cash",
                "amount": "١٥٠٫٥٠",
                "currency": "TND",
                "phone": "+٢١٢٦٠٠٠٠٠٠٠٠",
                "name": "سلمى",
            },
        )
    assert response.status_code == 302, response.content.decode()
    assert Offer.objects.get().phone == "+212600000000"
