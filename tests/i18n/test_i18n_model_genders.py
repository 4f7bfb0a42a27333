"""Wagtail's success messages agree with the model's name in French: «Région « Tozeur »
créée.», «Besoin « … » créé.», never «créé(e)» (the French trial of the admin).

The models are every model viewset registered in the admin, so a new one without its
gender in the catalogues fails here."""

import re

import pytest
import wagtail
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import translation
from wagtail.admin.views.generic import mixins, models

from campaigns.tracker.models import Region
from portal import wagtail_model_genders
from portal.wagtail_model_genders import GENDERS, MESSAGES, model_gender

from .test_i18n_add_buttons import VIEWSETS


@pytest.mark.parametrize("viewset", VIEWSETS, ids=lambda v: v.model._meta.label)
def test_every_models_name_has_its_gender_in_french(viewset):
    with translation.override("fr"):
        assert model_gender(viewset.model) in GENDERS


@pytest.mark.parametrize("gender", GENDERS)
def test_every_message_has_both_genders_in_french_and_no_bracketed_ending(gender):
    with translation.override("fr"):
        for msgid in MESSAGES:
            text = translation.pgettext(gender, msgid)
            assert text != msgid and "(e)" not in text, (gender, msgid, text)


@pytest.mark.django_db
def test_a_region_is_created_in_the_feminine(admin_speaking):
    client = admin_speaking("fr")
    response = client.post(
        reverse(Region.snippet_viewset.get_url_name("add")),
        {"country": "TN", "code": "TN-99", "name_ar": "تجربة", "name_fr": "Essai",
         "name_en": "Trial", "sort_order": 0},
    )  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:2000]
    [message] = [str(m) for m in get_messages(response.wsgi_request)]
    assert re.match(r"Région « [^»]+ » créée\.", message), message
    region = Region.objects.get(code="TN-99")
    response = client.post(reverse(Region.snippet_viewset.get_url_name("delete"), args=[region.pk]))
    message = [str(m) for m in get_messages(response.wsgi_request)][-1]
    assert re.match(r"Région « [^»]+ » supprimée\.", message), message


def test_the_wrapper_is_pinned_to_the_wagtail_it_was_written_for():
    """Wagtail 8.0 writes one sentence per action for every model; on another release, check
    its messages (``MESSAGES``) and views (``VIEWS``), then move ``PATCHED_FOR``."""
    assert wagtail.__version__.startswith(wagtail_model_genders.PATCHED_FOR + ".")
    for view in (models.CreateView, models.EditView, mixins.CreateEditViewOptionalFeaturesMixin):
        assert view.__dict__["get_success_message"].agrees
