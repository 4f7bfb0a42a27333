"""A language chosen in a record (an offer's, an invitation's, a press item's) is named in the
reader's language in the admin: a French reader read «Langue : العربية» on an offer.

Generated over every model field of the project whose choices are language codes."""

import pytest
from django.apps import apps
from django.utils import translation

PROJECT_APPS = ("home", "campaigns", "people", "tracker", "press", "video", "search")
NATIVE = {"ar": "العربية", "fr": "Français", "en": "English"}


def language_fields():
    for model in apps.get_models():
        if model._meta.app_label not in PROJECT_APPS:
            continue
        for field in model._meta.fields:
            codes = {str(code) for code, _label in (field.flatchoices or [])}
            if {"ar", "fr", "en"} <= codes:
                yield pytest.param(model, field, id=f"{model._meta.label}.{field.name}")


def test_the_project_has_language_fields():
    names = {param.id for param in language_fields()}
    assert {"people.Offer.language", "people.Invitation.language"} <= names


@pytest.mark.parametrize(("model", "field"), list(language_fields()))
@pytest.mark.parametrize("reader", ["ar", "fr", "en"])
def test_language_choices_are_named_in_the_readers_language(model, field, reader):
    with translation.override(reader):
        labels = {str(code): str(label) for code, label in field.flatchoices}
    others = {code: NATIVE[code] for code in NATIVE if code != reader}
    shown_native = {code: labels[code] for code, name in others.items() if labels[code] == name}
    assert not shown_native, f"{reader} reader sees {shown_native}"
