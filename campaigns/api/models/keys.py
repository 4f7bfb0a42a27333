"""Partner API keys: how a partner organisation's own system writes to the tracker."""

import hashlib
import hmac
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from portal.localization.lists import join_values

KEY_PREFIX = "sk_"
# Characters of the raw key kept in clear to find the row; the rest is only ever hashed.
LOOKUP_LENGTH = 12


class Scope(models.TextChoices):
    NEEDS_WRITE = "needs:write", _("Record needs")
    CONTRIBUTIONS_WRITE = "contributions:write", _("Record contributions and change their status")
    DELIVERIES_WRITE = "deliveries:write", _("Record and confirm deliveries")


SCOPES = [value for value, _label in Scope.choices]


def hash_key(raw):
    """The stored form of a key: SHA-256 of the whole raw key (keys are long random strings)."""
    return hashlib.sha256(raw.encode()).hexdigest()


class PartnerApiKey(models.Model):
    """A secret that lets one partner organisation's system write its own tracker entries.

    Staff create it in the admin, where the raw key is shown once; only its hash is stored.
    The key acts through its own service account, a member of the partner only, so the
    tracker's services apply exactly the same partner rules as in the admin, and the entry
    history says which key wrote what.
    """

    name = models.CharField(
        _("name"),
        max_length=100,
        help_text=_("What the key is for, e.g. 'Red Crescent stock system'."),
    )
    partner = models.ForeignKey(
        "campaigns.PartnerPage",
        verbose_name=pgettext_lazy("field label", "partner"),
        on_delete=models.CASCADE,
        related_name="api_keys",
        help_text=_("The organisation whose entries this key may write (and no other)."),
    )
    scopes = models.JSONField(
        _("scopes"), default=list, blank=True, help_text=_("What the key may write.")
    )
    lookup = models.CharField(max_length=LOOKUP_LENGTH, unique=True, editable=False)
    key_hash = models.CharField(max_length=64, editable=False)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("service account"),
        on_delete=models.PROTECT,
        related_name="api_key",
        editable=False,
    )
    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Untick to revoke the key: it stops working at once."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True, editable=False)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("partner API key")
        verbose_name_plural = _("partner API keys")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.name} ({self.lookup}…)"

    @property
    def is_revoked(self):
        """A key once revoked stays revoked, whatever ``is_active`` says later."""
        return not self.is_active or self.revoked_at is not None

    def save(self, *args, **kwargs):
        if self.pk and self.revoked_at is None:
            # The stored row decides: a revocation recorded by another save cannot be undone.
            stored = PartnerApiKey.objects.filter(pk=self.pk).values_list("revoked_at", flat=True)
            self.revoked_at = stored.first()
        if not self.is_active and self.revoked_at is None:
            self.revoked_at = timezone.now()
        if self.revoked_at is not None:
            self.is_active = False
        super().save(*args, **kwargs)

    @property
    def status_label(self):
        return _("active") if self.is_active else _("revoked")

    @property
    def scopes_label(self):
        labels = dict(Scope.choices)
        return join_values(labels.get(scope, scope) for scope in self.scopes or [])

    def has_scope(self, scope):
        return not self.is_revoked and scope in (self.scopes or [])

    def matches(self, raw):
        return hmac.compare_digest(self.key_hash, hash_key(raw))

    @classmethod
    def new_secret(cls):
        """A fresh raw key: ``sk_`` + 43 URL-safe random characters (256 bits)."""
        return KEY_PREFIX + secrets.token_urlsafe(32)

    def prepare(self, raw):
        """Bind ``raw`` to this (unsaved) key: store its lookup part and hash, never the key."""
        self.lookup = raw[:LOOKUP_LENGTH]
        self.key_hash = hash_key(raw)

    @transaction.atomic
    def save_with_account(self):
        """Save a new key with its service account, a member of the key's partner only."""
        from campaigns.tracker import services

        partner = services.source_of(self.partner)
        self.partner = partner
        # The account is named after the key (Site history shows it as the author); its
        # username is random, never a part of the secret.
        account = get_user_model().objects.create_user(
            username=f"api-key-{secrets.token_hex(8)}",
            email="",
            password=None,
            first_name=self.name[:150],
        )
        account.set_unusable_password()
        account.save(update_fields=["password"])
        self.user = account
        self.save()
        services.add_member(partner, account)
        return self

    @classmethod
    def issue(cls, *, partner, name, scopes, created_by=None):
        """Create a key; returns ``(key, raw)``. ``raw`` is shown once and never stored."""
        raw = cls.new_secret()
        key = cls(partner=partner, name=name, scopes=list(scopes), created_by=created_by)
        key.prepare(raw)
        key.save_with_account()
        return key, raw
