"""Invitations: how a partner organisation's staff member gets an admin account."""

import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class InvitationStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to be accepted")
    ACCEPTED = "accepted", _("Accepted")
    EXPIRED = "expired", _("Expired")
    REVOKED = "revoked", _("Revoked")


def hash_token(token):
    """Only a hash of the link's secret is stored: a database leak opens no account."""
    return hashlib.sha256(token.encode()).hexdigest()


class Invitation(models.Model):
    """A single-use, expiring link that lets someone join a partner as its staff.

    The link sets a password for a new account, which then acts for ``partner`` only
    (``PartnerMembership``) in the "Partner staff" role. Inviting, accepting, expiring and
    revoking are each kept in the invitation's history.
    """

    email = models.EmailField(_("e-mail address"))
    partner = models.ForeignKey(
        "campaigns.PartnerPage",
        verbose_name=_("partner organisation"),
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    language = models.CharField(
        _("language of the invitation"),
        max_length=5,
        choices=settings.WAGTAIL_CONTENT_LANGUAGES,  # named in the reader's language
        default="ar",
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("sent on"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires on"))
    accepted_at = models.DateTimeField(_("accepted on"), null=True, blank=True)
    accepted_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revoked_at = models.DateTimeField(_("revoked on"), null=True, blank=True)
    expiry_recorded_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return _("Invitation for %(email)s") % {"email": self.email}

    @property
    def status(self):
        if self.revoked_at:
            return InvitationStatus.REVOKED
        if self.accepted_at:
            return InvitationStatus.ACCEPTED
        if self.expires_at <= timezone.now():
            return InvitationStatus.EXPIRED
        return InvitationStatus.PENDING

    @property
    def status_label(self):
        return InvitationStatus(self.status).label

    @property
    def is_usable(self):
        return self.status == InvitationStatus.PENDING
