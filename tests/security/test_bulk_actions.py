"""Bulk action pages (``/admin/bulk/…``) never name, count or touch what the user may not see
(issue 14): another organisation's tracker entries are as missing as an id that never was."""

import pytest
from django.test import Client
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.snippets.models import get_snippet_models

from campaigns.tracker.admin_bulk import VisibleObjectsMixin
from campaigns.tracker.models import Contribution, Delivery, Need, PartnerMembership

MISSING = 987654321


def client_for(world, role):
    client = Client()
    client.force_login(world["users"][role])
    return client


def name(entry):
    """How a bulk page names an entry (a delivery by its need: its date and digits vary)."""
    return entry.need.title if isinstance(entry, Delivery) else str(entry)


def bulk_delete(model_name, *ids):
    query = "&".join(f"id={pk}" for pk in ids)
    return f"/admin/bulk/tracker/{model_name}/delete/?{query}"


@pytest.mark.parametrize("model", ["need", "contribution", "delivery"])
def test_a_partner_sees_only_its_own_entries_named(world, model):
    own, other = world["objects"]["A"][model], world["objects"]["B"][model]
    response = client_for(world, "A").get(bulk_delete(model, own.pk, other.pk))
    page = response.content.decode()
    assert response.status_code == 200
    assert name(own) in page
    assert name(other) not in page
    assert f"/{other.pk}/" not in page  # no link to it either


@pytest.mark.parametrize("model", ["need", "contribution", "delivery"])
def test_another_partners_entry_is_as_missing_as_no_entry(world, model):
    other = world["objects"]["B"][model]
    client = client_for(world, "A")
    missing = client.get(bulk_delete(model, MISSING))
    response = client.get(bulk_delete(model, other.pk))
    assert (response.status_code, missing.status_code) == (404, 404)
    assert name(other) not in response.content.decode()


def test_select_all_never_lists_another_partners_entries(world):
    page = client_for(world, "A").get(bulk_delete("contribution", "all")).content.decode()
    assert str(world["objects"]["A"]["contribution"]) in page
    assert str(world["objects"]["B"]["contribution"]) not in page


def test_a_refused_bulk_delete_changes_nothing(world):
    ids = [world["objects"][org]["contribution"].pk for org in ("A", "B")]
    before = Contribution.objects.filter(pk__in=ids).count()
    client_for(world, "A").post(bulk_delete("contribution", *ids))
    client_for(world, "admin").post(bulk_delete("contribution", *ids))
    assert Contribution.objects.filter(pk__in=ids).count() == before == 2


def test_a_membership_is_not_named_to_someone_without_rights_on_it(world):
    membership = PartnerMembership.objects.get(user=world["users"]["B"])
    response = client_for(world, "A").get(bulk_delete("partnermembership", membership.pk))
    assert response.status_code == 404
    assert "sec-B" not in response.content.decode()
    admin = client_for(world, "admin").get(bulk_delete("partnermembership", membership.pk))
    assert admin.status_code == 200


def test_communications_staff_see_no_tracker_entry_in_a_bulk_page(world):
    response = client_for(world, "editor").get(
        bulk_delete("contribution", world["objects"]["A"]["contribution"].pk)
    )
    assert response.status_code == 404


def test_every_snippet_bulk_action_shows_only_visible_objects():
    """A bulk action added later (by Wagtail or by us) is covered or this test fails."""
    unscoped = [
        f"{model._meta.label}: {action.__name__}"
        for model in (*get_snippet_models(), Need, Contribution, Delivery)
        for action in bulk_action_registry.get_bulk_actions_for_model(
            model._meta.app_label, model._meta.model_name
        )
        if not issubclass(action, VisibleObjectsMixin)
    ]
    assert not unscoped, unscoped
