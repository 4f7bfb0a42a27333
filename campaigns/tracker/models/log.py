"""Wagtail log entries of tracker entries and offers, readable only within the user's scope.

Wagtail keeps every model's history in one table whose visibility is per content type: a
partner's staff member who may view contributions would see every organisation's changes
(donor names, notes, references) in *Reports → Site history*, its filters and any other
log listing. Entries of these models get their own log table instead, whose
``viewable_by_user`` applies the same scope as the listings (``services.scope_queryset``
for needs, contributions and deliveries; ``offers_for`` for offers).
"""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from wagtail.models.audit_log import BaseLogEntry, ModelLogEntryManager

from portal.localization.numbers import format_moment


def scoped_models():
    """``{model: function(user) -> queryset of the instances the user may see}``."""
    from campaigns.people.models import Offer
    from campaigns.people.offers import offers_for

    from .. import services
    from .entries import Contribution, Delivery
    from .need import Need

    def scoped(model):
        return lambda user: services.scope_queryset(model.objects.all(), user)

    return {
        Need: scoped(Need),
        Contribution: scoped(Contribution),
        Delivery: scoped(Delivery),
        Offer: offers_for,
    }


class ScopedLogEntryManager(ModelLogEntryManager):
    def viewable_by_user(self, user):
        """Wagtail's rule (a permission on the model), then only the log lines of objects
        the user may see; staff and superusers see every line of the models they may use.

        (Wagtail's own ``viewable_by_user`` caches its content types on the user for the
        first log table asked, which would hide these lines: the rule is applied here.)
        """
        from .. import services

        visible = models.Q(pk__in=[])
        see_all = services.can_see_all(user)
        for model, visible_to in scoped_models().items():
            opts = model._meta
            actions = ("add", "change", "delete", "view")
            if not any(user.has_perm(f"{opts.app_label}.{a}_{opts.model_name}") for a in actions):
                continue
            content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
            lines = models.Q(content_type=content_type)
            if not see_all:
                ids = visible_to(user).order_by().values_list(Cast("pk", models.CharField()))
                lines &= models.Q(object_id__in=ids)
            visible |= lines
        return self.filter(visible)


class ScopedLogEntry(BaseLogEntry):
    """One line of a need's, contribution's, delivery's or offer's history."""

    object_id = models.CharField(max_length=255, db_index=True)

    objects = ScopedLogEntryManager()

    class Meta(BaseLogEntry.Meta):
        ordering = ["-timestamp", "-id"]
        verbose_name = _("tracker log entry")
        verbose_name_plural = _("tracker log entries")

    # Foreign keys whose rows the logging code has just read (the entry's content type, the
    # acting user, no revision): Wagtail's save validates them again, a SELECT each.
    KNOWN_ROWS = ("content_type", "user", "revision")

    def save(self, *args, **kwargs):
        """Wagtail's ``full_clean`` before saving (the registered action, field lengths),
        without looking up the rows of ``KNOWN_ROWS`` again (two queries per tracker write)."""
        self.full_clean(exclude=self.KNOWN_ROWS, validate_unique=False)
        return models.Model.save(self, *args, **kwargs)

    def __str__(self):
        # The entry's name when logged, what was done, and when, in the reader's words.
        action = getattr(self.formatter, "label", "") or self.action
        return f"{self.label} – {action} (\u2068{format_moment(self.timestamp)}\u2069)"
