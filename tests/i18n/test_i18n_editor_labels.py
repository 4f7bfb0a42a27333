"""The translation editor labels every string's field and sub-field with a capital, as the
admin's forms do: «Vidéo › Titre», not «Vidéo › titre» (the French trial of the editor)."""

import json

import pytest
import wagtail_localize
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.views import edit_translation

from campaigns.models import CampaignPage
from portal.localization import editor_labels

pytestmark = pytest.mark.django_db


def test_every_label_of_the_editor_starts_with_a_capital(admin_speaking, demo):
    client = admin_speaking("fr")
    source = CampaignPage.objects.get(slug="jesr", locale__language_code="ar")
    french = Locale.objects.get(language_code="fr")
    page = source.get_translation_or_none(french)
    if page is None:
        client.post(
            reverse("wagtail_localize:submit_page_translation", args=[source.id]),
            {"locales": [french.id]},
        )
        page = source.get_translation(french)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.id]))
    props = json.loads(response.context["props"])
    labels = [
        label
        for segment in props["segments"]
        for label in (segment["location"]["field"], segment["location"]["subField"])
        if label
    ]
    assert any(segment["location"]["subField"] for segment in props["segments"]), "no block"
    assert [label for label in labels if label[0].islower()] == []


def test_the_wrapper_is_pinned_to_the_wagtail_localize_it_was_written_for():
    """When this fails, check whether wagtail-localize capitalises a block's sub-field, then
    move ``PATCHED_FOR`` or delete the workaround."""
    assert wagtail_localize.__version__.startswith(editor_labels.PATCHED_FOR + ".")
    assert edit_translation.get_segment_location_info.capitalises
