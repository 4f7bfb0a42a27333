"""Partner onboarding: a single-use, expiring invitation that lands in the admin."""

import datetime
import io
import re

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from campaigns.people import invitations
from campaigns.people.models import Invitation
from campaigns.tracker import services

pytestmark = pytest.mark.django_db
PASSWORD = "Jesr-tunis-2020!"


def history(invitation):
    return list(
        ModelLogEntry.objects.filter(content_type__model="invitation", object_id=str(invitation.pk))
        .order_by("timestamp", "pk")
        .values_list("action", flat=True)
    )


def link_path(url):
    return url.replace("http://testserver", "")


@pytest.fixture
def invited(client, admin_user, partner, mailoutbox, django_capture_on_commit_callbacks):
    """Staff send an invitation through the admin; returns (invitation, the link's path)."""
    client.force_login(admin_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("people_invitations:add"),
            {"email": "Amina@Partner.example", "partner": partner.pk, "language": "fr"},
        )
    assert response.status_code == 302
    client.logout()
    invitation = Invitation.objects.get(email="amina@partner.example")
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["amina@partner.example"]
    url = re.search(r"http://testserver/fr/invitation/[\w-]+/", mailoutbox[0].body).group(0)
    return invitation, link_path(url)


def accept(client, path):
    return client.post(
        path,
        {"first_name": "Amina", "last_name": "K.", "password1": PASSWORD, "password2": PASSWORD},
    )


def test_valid_invitation_creates_partner_staff_and_lands_in_admin(client, invited, partner):
    invitation, path = invited
    page = client.get(path)
    assert page.status_code == 200
    assert "amina@partner.example" in page.content.decode()
    response = accept(client, path)
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    user = get_user_model().objects.get(username="amina@partner.example")
    assert user.groups.filter(name="Partner staff").exists()
    assert services.partner_ids_for(user) == {partner.pk}
    assert client.get(reverse("people_offers:index")).status_code == 200  # logged in, in admin
    invitation.refresh_from_db()
    assert invitation.status == "accepted" and invitation.accepted_user == user
    assert history(invitation) == ["people.invitation.sent", "people.invitation.accepted"]
    # the token is not stored in clear
    assert path.rstrip("/").rsplit("/", 1)[1] not in invitation.token_hash


def test_link_works_once(client, invited):
    _invitation, path = invited
    accept(client, path)
    client.logout()
    again = client.get(path)
    assert again.status_code == 410
    assert "Cette invitation a déjà servi" in again.content.decode()
    assert accept(client, path).status_code == 410
    assert get_user_model().objects.filter(username="amina@partner.example").count() == 1


def test_expired_link_is_refused_and_recorded(client, invited):
    invitation, path = invited
    later = timezone.now() + datetime.timedelta(days=8)
    with time_machine.travel(later):
        response = client.get(path)
        assert response.status_code == 410
        assert "a expiré" in response.content.decode()
        assert accept(client, path).status_code == 410
    assert not get_user_model().objects.filter(username="amina@partner.example").exists()
    assert history(invitation) == ["people.invitation.sent", "people.invitation.expired"]


def test_expiry_command_records_unused_invitations(invited):
    from django.core.management import call_command

    invitation, _path = invited
    with time_machine.travel(timezone.now() + datetime.timedelta(days=8)):
        call_command("expire_invitations", stdout=io.StringIO())
        call_command("expire_invitations", stdout=io.StringIO())
    assert history(invitation).count("people.invitation.expired") == 1


def test_revoked_link_is_refused(client, invited, admin_user):
    invitation, path = invited
    client.force_login(admin_user)
    response = client.post(reverse("people_invitations:revoke", args=[invitation.pk]))
    assert response.status_code == 302
    client.logout()
    refused = client.get(path)
    assert refused.status_code == 410 and "retirée" in refused.content.decode()
    assert accept(client, path).status_code == 410
    assert history(invitation) == ["people.invitation.sent", "people.invitation.revoked"]
    client.force_login(admin_user)
    inspect = client.get(reverse("people_invitations:history", args=[invitation.pk]))
    assert inspect.status_code == 200


def test_bad_password_keeps_the_link_usable(client, invited):
    invitation, path = invited
    response = client.post(path, {"first_name": "Amina", "password1": "123", "password2": "123"})
    assert response.status_code == 200
    invitation.refresh_from_db()
    assert invitation.status == "pending"
    assert accept(client, path).status_code == 302


def test_unknown_token(client):
    assert client.get("/en/invitation/not-a-real-token/").status_code == 404


def test_only_staff_invite(client, partner_staff, moderator, partner):
    for user in (partner_staff, moderator):
        client.force_login(user)
        response = client.post(
            reverse("people_invitations:add"),
            {"email": "x@example.org", "partner": partner.pk, "language": "ar"},
        )
        assert response.status_code in (302, 403)
    assert not Invitation.objects.filter(email="x@example.org").exists()


def test_invite_service_refuses_existing_account(client, admin_user, partner):
    client.force_login(admin_user)
    response = client.post(
        reverse("people_invitations:add"),
        {"email": admin_user.email, "partner": partner.pk, "language": "ar"},
    )
    assert response.status_code == 200
    assert not Invitation.objects.exists()
    assert invitations.email_taken(admin_user.email)
