"""A duplicate is refused in plain Arabic and French: Django's catalogues said «النموذج الجهة
والحقل الرمز موجود مسبقاً» (the model … and the field …) and «Un objet Région avec ce champ Code
existe déjà» for a region's code. Generated over every unique field, ``unique_together`` and
field-only ``UniqueConstraint`` of the project's models; a region's code, which staff type,
has its own sentence, shown in the admin's form."""

import pytest
from django.apps import apps
from django.db import models
from django.urls import reverse
from django.utils import translation

from campaigns.tracker.models import Region

PROJECT_APPS = ("campaigns", "home", "search", "portal")
DATABASE_WORDS = ("النموذج", "الحقل", "سلفاً", "مسبقاً")
# Written by services only, never through a form: no one reads their duplicate message.
INTERNAL = {"ContributionTally", "DeliveryTally"}
FRENCH_DATABASE_WORDS = ("Un objet", "ce champ", "ces champs")
GENERIC = models.Field.default_error_messages["unique"]


def has_own_message(model, check):
    """A single field whose duplicate message is its own sentence, not Django's generic one."""
    return len(check) == 1 and model._meta.get_field(check[0]).error_messages["unique"] != GENERIC


def refusal(model, check, language):
    with translation.override(language):
        message = model().unique_error_message(model, check)
        return message.message % message.params


def unique_checks():
    for model in apps.get_models():
        if model.__module__.split(".")[0] not in PROJECT_APPS or model.__name__ in INTERNAL:
            continue
        checks = [(f.name,) for f in model._meta.local_fields if f.unique and not f.primary_key]
        checks += [tuple(names) for names in model._meta.unique_together]
        checks += [
            tuple(c.fields)
            for c in model._meta.constraints
            if isinstance(c, models.UniqueConstraint)
            and c.fields
            and c.condition is None
            and not c.violation_error_message
        ]
        for check in checks:
            if not has_own_message(model, check):
                yield pytest.param(model, check, id=f"{model.__name__}.{'+'.join(check)}")


def test_models_with_unique_checks_are_found():
    assert len(list(unique_checks())) >= 3


@pytest.mark.parametrize(("model", "check"), list(unique_checks()))
def test_a_duplicate_is_refused_in_plain_arabic(model, check):
    text = refusal(model, check, "ar")
    assert text.startswith("يوجد من قبل"), text
    assert not [word for word in DATABASE_WORDS if word in text], text
    with translation.override("ar"):
        assert str(model._meta.verbose_name) in text, text


@pytest.mark.parametrize(("model", "check"), list(unique_checks()))
def test_a_duplicate_is_refused_in_plain_french(model, check):
    text = refusal(model, check, "fr")
    assert not [word for word in FRENCH_DATABASE_WORDS if word in text], text
    assert "\u00a0: la " in text, text  # the model's name, then what is taken
    with translation.override("fr"):
        assert text.lower().startswith(str(model._meta.verbose_name).lower()), text


REGION_TAKEN = {
    "ar": "سبق تسجيل الجهة بهذا الرمز.",
    "fr": "Une région avec ce code existe déjà.",
    "en": "A region with this code already exists.",
}


@pytest.mark.django_db
@pytest.mark.parametrize("language", REGION_TAKEN)
def test_a_region_code_already_taken_is_refused_in_the_staff_members_language(
    admin_speaking, language
):
    client = admin_speaking(language)
    taken = Region.objects.get(code="TN-42")
    count = Region.objects.count()
    response = client.post(
        reverse("wagtailsnippets_tracker_region:add"),
        {
            "country": "TN",
            "code": taken.code,
            "name_ar": "القصرين الجديدة",
            "name_fr": "Nouvelle Kasserine",
            "name_en": "New Kasserine",
            "sort_order": "0",
        },
    )
    assert response.status_code == 200
    assert REGION_TAKEN[language] in response.content.decode()
    assert Region.objects.count() == count
