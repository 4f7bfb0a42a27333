"""Bidirectional override and isolate controls (U+202A–U+202E, U+2066–U+2069) never reach text
people see: checked on every text field of every model in scope (generated from the models),
then end to end through the API, the public offer form and the admin."""

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model

from campaigns.people.models import Offer
from campaigns.tracker.models import Need
from portal.bidi import strip_bidi_controls, strip_on_save, text_fields

CONTROLS = "".join(chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)])
RLO_TITLE = "طرود \u202egnp.exe\u202c غذائية"
CLEAN_TITLE = "طرود gnp.exe غذائية"
FIELDS = sorted(
    (model._meta.label, name) for model in apps.get_models() for name in text_fields(model)
)


def test_the_scope_covers_what_people_see():
    labels = {label for label, _name in FIELDS}
    for label in (
        "tracker.Need", "tracker.Contribution", "tracker.Delivery", "people.Offer",
        "campaigns.PartnerPage", "campaigns.CampaignPage", "press.Coverage", "wagtailimages.Image",
    ):  # fmt: skip
        assert label in labels, label
    assert ("tracker.Contribution", "donor_name") in FIELDS
    assert ("campaigns.PartnerPage", "title") in FIELDS
    user = get_user_model()._meta.label
    for name in ("first_name", "last_name"):  # shown on dashboards and in Site history
        assert (user, name) in FIELDS
    assert (user, "password") not in FIELDS


def test_a_draft_revision_keeps_no_control(campaign):
    """A draft (a saved revision, previewed and compared before anyone publishes it)."""
    campaign.title = RLO_TITLE
    revision = campaign.save_revision()
    revision.refresh_from_db()
    assert revision.content["title"] == CLEAN_TITLE
    assert revision.as_object().title == CLEAN_TITLE
    assert not any(c in str(revision.content) for c in CONTROLS)


def test_only_the_controls_are_removed():
    text = "a\u200fb\u200ec" + CONTROLS + "سلام"
    assert strip_bidi_controls(text) == "a\u200fb\u200ecسلام"  # the marks stay


@pytest.mark.parametrize(("label", "name"), FIELDS)
def test_every_text_field_is_cleaned_before_save(db, label, name):
    model = apps.get_model(label)
    instance = model()
    setattr(instance, name, f"x{CONTROLS}y")
    strip_on_save(sender=model, instance=instance)
    assert getattr(instance, name) == "xy"


def test_a_need_titled_with_an_override_through_the_api(client_for, campaign, client):
    response = client_for.post_json(
        "/api/v1/needs/",
        {"campaign": campaign.pk, "category": "food", "region": "TN-42", "title": RLO_TITLE,
         "quantity": "10", "unit": "parcel"},
    )  # fmt: skip
    assert response.status_code == 201, response.content
    need = Need.objects.get(pk=response.json()["id"])
    assert need.title == CLEAN_TITLE
    assert client.get(f"/api/v1/needs/{need.pk}/").json()["title"] == CLEAN_TITLE


def test_an_offer_name_with_an_isolate_through_the_public_form(client, db):
    import time_machine

    from tests.people.conftest import DURING_CAMPAIGN, OFFER_URL, valid_offer

    with time_machine.travel(DURING_CAMPAIGN, tick=True):
        response = client.post(
            OFFER_URL.format(lang="ar"), valid_offer(name="\u2067سلمى\u2069 \u202eب.")
        )
    assert response.status_code == 302
    assert Offer.objects.latest("pk").name == "سلمى ب."


def test_a_partner_title_edited_in_the_admin(client, partner):
    user = get_user_model().objects.create_superuser("bidi", "b@example.org", "pw")
    client.force_login(user)
    partner.title = "\u202eمنظمة"
    partner.save_revision().publish()
    partner.refresh_from_db()
    assert partner.title == "منظمة" and partner.draft_title == "منظمة"
