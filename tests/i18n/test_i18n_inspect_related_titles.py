"""The admin's inspect views name a related page (campaign, partner) or translatable snippet
(need) in the reader's language, as the listings do: a contribution's inspect view in the
French and English admin showed its campaign, need and receiving partner in Arabic although
they are translated.

Generated over every registered viewset with an inspect view and each of its model's
foreign keys to a page or a translatable snippet with a title."""

import html as entities

import pytest
from django.db import models
from django.urls import reverse
from wagtail.models import Page, TranslatableMixin

from tests.inspect_views import field_ids, inspected_fields

LANGUAGES = ["fr", "en"]


def titled(model):
    return issubclass(model, Page) or (
        issubclass(model, TranslatableMixin) and any(f.name == "title" for f in model._meta.fields)
    )


FIELDS = inspected_fields(
    lambda field: isinstance(field, models.ForeignKey) and titled(field.related_model)
)


def test_the_walk_finds_a_contributions_campaign_need_and_partner():
    labels = {(viewset.model._meta.label, name) for viewset, name in FIELDS}
    assert {
        ("tracker.Contribution", "campaign"),
        ("tracker.Contribution", "need"),
        ("tracker.Contribution", "partner"),
    } <= labels


def translated_record(model, field_name, language):
    """A record whose ``field_name`` points to an object translated into ``language`` under
    another title, and that title."""
    for record in model._default_manager.exclude(**{field_name: None})[:200]:
        related = getattr(record, field_name)
        if related.locale.language_code == language:
            continue
        translation = related.get_translations().filter(locale__language_code=language).first()
        if translation is not None and translation.title != related.title:
            return record, related.title, translation.title
    return None, None, None


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("viewset,field_name", FIELDS, ids=field_ids(FIELDS))
def test_inspect_names_related_objects_in_the_readers_language(
    admin_speaking, demo, viewset, field_name, language
):
    record, source, title = translated_record(viewset.model, field_name, language)
    if record is None:
        pytest.skip(f"no {viewset.model.__name__} whose {field_name} is translated")
    url = reverse(viewset.get_url_name("inspect"), args=[record.pk])
    response = admin_speaking(language).get(url)
    assert response.status_code == 200
    html = entities.unescape(response.content.decode())
    assert title in html, (title, url)
    assert source not in html, (source, url)
