"""Remembered answers to POST requests sent with an ``Idempotency-Key`` header."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class IdempotencyRecord(models.Model):
    """The first successful answer to a keyed POST, replayed when the client retries.

    Scoped to the API key that sent it, so two partners may use the same header value.
    ``request_hash`` fingerprints method, path and body: the same header with another body
    is refused. Records are kept at least ``TRACKER_API_IDEMPOTENCY_HOURS`` (24 by default).
    """

    api_key = models.ForeignKey(
        "tracker_api.PartnerApiKey", on_delete=models.CASCADE, related_name="+"
    )
    key = models.CharField(_("idempotency key"), max_length=255)
    request_hash = models.CharField(max_length=64)
    status_code = models.PositiveSmallIntegerField()
    body = models.JSONField()
    location = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("idempotency record")
        constraints = [
            models.UniqueConstraint(
                fields=["api_key", "key"], name="tracker_api_idempotency_unique"
            )
        ]

    def __str__(self):
        return self.key
