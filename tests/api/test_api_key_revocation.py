"""Item 7 of issue 14: a revoked partner API key stays revoked, in the admin and in the model."""

from django.contrib.auth import get_user_model

from campaigns.api.models import PartnerApiKey
from campaigns.tracker.models import Contribution

from .conftest import ApiClient
from .test_api_keys import gift_body


def revoke_in_admin(client, key):
    response = client.post(
        f"/admin/partner_api_keys/edit/{key.pk}/", {"name": key.name, "scopes": key.scopes}
    )
    assert response.status_code == 302


def test_a_revoked_key_ticked_active_again_in_the_admin_stays_refused(client, key_pair, need):
    admin = get_user_model().objects.create_superuser("keyadmin", "k@example.org", "pw")
    client.force_login(admin)
    key, raw = key_pair
    revoke_in_admin(client, key)
    form = client.get(f"/admin/partner_api_keys/edit/{key.pk}/", HTTP_ACCEPT_LANGUAGE="en")
    assert "cannot be activated again" in form.content.decode()
    again = client.post(
        f"/admin/partner_api_keys/edit/{key.pk}/",
        {"name": key.name, "scopes": key.scopes, "is_active": "on"},
    )
    assert again.status_code in (200, 302)
    key.refresh_from_db()
    assert not key.is_active and key.revoked_at is not None
    before = Contribution.objects.count()
    answer = ApiClient(raw).post_json("/api/v1/contributions/", gift_body(need))
    assert answer.status_code == 401 and Contribution.objects.count() == before


def test_a_revoked_key_cannot_be_reactivated_by_editing_the_row(key_pair, need):
    key, raw = key_pair
    key.is_active = False
    key.save()
    revoked_at = key.revoked_at
    # Re-activated through the model (a shell, a script) or a bulk update: still refused.
    stale = PartnerApiKey.objects.get(pk=key.pk)
    stale.is_active = True
    stale.revoked_at = None
    stale.save()
    stale.refresh_from_db()
    assert not stale.is_active and stale.revoked_at == revoked_at
    PartnerApiKey.objects.filter(pk=key.pk).update(is_active=True)
    answer = ApiClient(raw).post_json("/api/v1/contributions/", gift_body(need))
    assert answer.status_code == 401
