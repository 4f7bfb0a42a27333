"""Partner onboarding: invite, accept, expire, revoke — each step kept in the history.

Staff invite a partner's staff member by e-mail. The link is single-use and expires; the
person sets a password, gets an account in the "Partner staff" role and acts for that
partner only (through the tracker's ``services.add_member``).
"""

import datetime
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.log_actions import log

from campaigns.tracker import services

from . import notifications
from .models import Invitation, InvitationStatus
from .models.invitation import hash_token
from .roles import PARTNER_STAFF

INVITED = "people.invitation.sent"
ACCEPTED = "people.invitation.accepted"
EXPIRED = "people.invitation.expired"
REVOKED = "people.invitation.revoked"


def validity():
    return datetime.timedelta(days=getattr(settings, "PEOPLE_INVITATION_DAYS", 7))


def invitation_url(invitation, token):
    with translation.override(invitation.language):
        path = reverse("people:accept_invitation", kwargs={"token": token})
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


@transaction.atomic
def invite(*, email, partner, invited_by, language="ar"):
    """Create an invitation and e-mail its link; returns (invitation, the link)."""
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        email=email.strip().lower(),
        partner=services.source_of(partner),
        language=language,
        token_hash=hash_token(token),
        invited_by=invited_by,
        expires_at=timezone.now() + validity(),
    )
    url = invitation_url(invitation, token)
    log(invitation, INVITED, user=invited_by, data={"email": invitation.email})
    transaction.on_commit(lambda: notifications.send_invitation(invitation, url))
    return invitation, url


def find(token):
    """The invitation behind a link's token, or ``None``."""
    if not token or len(token) > 100:
        return None
    return Invitation.objects.select_related("partner").filter(token_hash=hash_token(token)).first()


def check_usable(invitation):
    """The invitation's status; records the expiry in its history the first time it is seen."""
    status = invitation.status
    if status == InvitationStatus.EXPIRED and invitation.expiry_recorded_at is None:
        record_expiry(invitation)
    return status


@transaction.atomic
def record_expiry(invitation):
    updated = Invitation.objects.filter(pk=invitation.pk, expiry_recorded_at__isnull=True).update(
        expiry_recorded_at=timezone.now()
    )
    if updated:
        log(invitation, EXPIRED, user=None)


def record_expired_invitations():
    """Record every invitation that expired unused (``manage.py expire_invitations``)."""
    expired = Invitation.objects.filter(
        expires_at__lte=timezone.now(),
        accepted_at__isnull=True,
        revoked_at__isnull=True,
        expiry_recorded_at__isnull=True,
    )
    count = 0
    for invitation in expired:
        record_expiry(invitation)
        count += 1
    return count


class InvitationUnusable(Exception):
    def __init__(self, status):
        super().__init__(status)
        self.status = status


@transaction.atomic
def accept(invitation, *, first_name, last_name, password):
    """Create the account, give it the partner staff role and the partner; single use."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    status = invitation.status
    if status != InvitationStatus.PENDING:
        raise InvitationUnusable(status)
    if get_user_model().objects.filter(username__iexact=invitation.email).exists():
        raise InvitationUnusable("taken")
    user = get_user_model().objects.create_user(
        username=invitation.email,
        email=invitation.email,
        password=password,
        first_name=first_name,
        last_name=last_name,
    )
    user.groups.add(Group.objects.get(name=PARTNER_STAFF))
    services.add_member(invitation.partner, user)
    _set_admin_language(user, invitation.language)
    invitation.accepted_at = timezone.now()
    invitation.accepted_user = user
    invitation.save(update_fields=["accepted_at", "accepted_user"])
    log(invitation, ACCEPTED, user=user, data={"user_id": user.pk})
    return user


def _set_admin_language(user, language):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save(update_fields=["preferred_language"])


@transaction.atomic
def revoke(invitation, *, user):
    """Make an unused invitation's link unusable."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.status in (InvitationStatus.ACCEPTED, InvitationStatus.REVOKED):
        return invitation
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    log(invitation, REVOKED, user=user)
    return invitation


def email_taken(email):
    return get_user_model().objects.filter(email__iexact=email.strip()).exists()
