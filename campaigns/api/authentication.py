"""``Authorization: Bearer <key>``: a partner API key authenticates as its service account."""

import re
from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, get_authorization_header

from campaigns.tracker import services

from .models import PartnerApiKey
from .models.keys import LOOKUP_LENGTH

# Writing last_used_at on every request would turn each read into a write; once a minute is enough.
LAST_USED_RESOLUTION = timedelta(minutes=1)
# What a key can be made of (``sk_`` + URL-safe base64); anything else is refused unseen by
# the database (PostgreSQL cannot even compare text holding a NUL byte).
KEY_SHAPE = re.compile(r"[A-Za-z0-9_-]+")


class PartnerKeyAuthentication(BaseAuthentication):
    """Authenticates a partner key; ``request.auth`` is the ``PartnerApiKey``.

    A missing header leaves the request anonymous (reads are public); a malformed, unknown
    or revoked key is refused with ``401``.
    """

    keyword = b"bearer"

    def authenticate(self, request):
        header = get_authorization_header(request).split()
        if not header or header[0].lower() != self.keyword:
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(
                _("Send the key as 'Authorization: Bearer <key>'.")
            )
        try:
            raw = header[1].decode("ascii")
        except UnicodeError as error:
            raise exceptions.AuthenticationFailed(_("This API key is not valid.")) from error
        if not KEY_SHAPE.fullmatch(raw):
            raise exceptions.AuthenticationFailed(_("This API key is not valid."))
        key = (
            PartnerApiKey.objects.select_related("user", "partner")
            .filter(lookup=raw[:LOOKUP_LENGTH])
            .first()
        )
        if key is None or len(raw) <= LOOKUP_LENGTH or not key.matches(raw):
            raise exceptions.AuthenticationFailed(_("This API key is not valid."))
        if key.is_revoked:
            raise exceptions.AuthenticationFailed(_("This API key has been revoked."))
        now = timezone.now()
        if key.last_used_at is None or now - key.last_used_at > LAST_USED_RESOLUTION:
            PartnerApiKey.objects.filter(pk=key.pk).update(last_used_at=now)
            key.last_used_at = now
        # The key's account acts for the key's partner and no other (as it was issued).
        services.act_only_for(key.user, key.partner_id)
        return key.user, key

    def authenticate_header(self, request):
        return 'Bearer realm="api"'
