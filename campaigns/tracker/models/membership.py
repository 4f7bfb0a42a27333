"""Which users act for which partner organisation."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from portal.localization.page_titles import named


class PartnerMembership(models.Model):
    """A user acting for a partner organisation: they record and see only its entries.

    ``partner`` is always the organisation's source-locale ``PartnerPage``.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="partner_memberships",
    )
    partner = models.ForeignKey(
        "campaigns.PartnerPage",
        verbose_name=pgettext_lazy("field label", "partner"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    created_at = models.DateTimeField(_("since"), auto_now_add=True)

    class Meta:
        verbose_name = _("partner membership")
        verbose_name_plural = _("partner memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "partner"], name="tracker_membership_unique")
        ]
        permissions = [
            ("manage_all_partners", "Can see and change every partner's tracker entries"),
        ]

    def __str__(self):
        return f"{self.user} → {named(self.partner)}"
