"""Every change to a tracker entry, kept: who, when, what, from and to."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.localization.numbers import format_moment

from .choices import Source


class EntryChange(models.Model):
    """One change to a need, contribution or delivery.

    ``changes`` maps each changed field to ``[from, to]`` (as text); ``action`` says what
    kind of change it was (created, edited, status, confirmed, override, membership).
    """

    class Action(models.TextChoices):
        CREATED = "created", _("Created")
        EDITED = "edited", _("Edited")
        STATUS = "status", _("Status changed")
        CONFIRMED = "confirmed", _("Confirmed")
        OVERRIDE = "override", _("Over-received override")
        DELETED = "deleted", _("Deleted")

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    entry = GenericForeignKey("content_type", "object_id")
    action = models.CharField(_("action"), max_length=12, choices=Action.choices)
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    note = models.TextField(_("note"), blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    source = models.CharField(_("source"), max_length=10, choices=Source.choices)
    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("entry change")
        verbose_name_plural = _("entry history")
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        # What happened to which entry, and when, in the reader's words; never the entry's id.
        entry = self.entry
        if entry is None:  # deleted since: its kind
            entry = self.content_type.model_class()._meta.verbose_name
        name = str(entry)
        text = f"{self.get_action_display()} – {name}"
        return f"{text} (\u2068{format_moment(self.at)}\u2069)" if self.at else text
