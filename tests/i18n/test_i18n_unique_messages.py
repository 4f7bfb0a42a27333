"""A duplicate is refused in plain Arabic: Django's catalogue said «النموذج الجهة والحقل الرمز
موجود مسبقاً» (the model … and the field …) for a region's code. Generated over every unique
field, ``unique_together`` and field-only ``UniqueConstraint`` of the project's models."""

import pytest
from django.apps import apps
from django.db import models
from django.utils import translation

PROJECT_APPS = ("campaigns", "home", "search", "portal")
DATABASE_WORDS = ("النموذج", "الحقل", "سلفاً", "مسبقاً")
# Written by services only, never through a form: no one reads their duplicate message.
INTERNAL = {"ContributionTally", "DeliveryTally"}


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
            yield pytest.param(model, check, id=f"{model.__name__}.{'+'.join(check)}")


def test_models_with_unique_checks_are_found():
    assert len(list(unique_checks())) >= 3


@pytest.mark.parametrize(("model", "check"), list(unique_checks()))
def test_a_duplicate_is_refused_in_plain_arabic(model, check):
    with translation.override("ar"):
        message = model().unique_error_message(model, check)
        text = message.message % message.params
    assert text.startswith("يوجد من قبل"), text
    assert not [word for word in DATABASE_WORDS if word in text], text
    assert str(model._meta.verbose_name) in text, text
