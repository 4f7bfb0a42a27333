"""Who may see and write which partner's entries (admin, API and imports share this).

Staff (superusers, or users with ``tracker.manage_all_partners``) see and change every
partner's entries. Any other user acts only for the partner organisations they are a member
of (``PartnerMembership``); with no membership they see nothing and write nothing.
"""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from campaigns.models import PartnerPage

from ..errors import TrackerPermissionDenied, TrackerValidationError
from ..models import PartnerMembership
from .common import SYSTEM, actor, source_of

ALL_PARTNERS_PERM = "tracker.manage_all_partners"


def can_see_all(user):
    """True for staff who see and change every partner's entries (and for ``SYSTEM``)."""
    if user is SYSTEM:
        return True
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or user.has_perm(ALL_PARTNERS_PERM)


def partner_ids_for(user):
    """Ids of the (source) partners the user acts for; ``None`` means every partner."""
    if can_see_all(user):
        return None
    if user is None or not user.is_authenticated:
        return set()
    cache = getattr(user, "_tracker_partner_ids", None)
    if cache is None:
        cache = set(
            PartnerMembership.objects.filter(user=user).values_list("partner_id", flat=True)
        )
        user._tracker_partner_ids = cache  # once per request
    return cache


def partners_for(user):
    """The source ``PartnerPage``s the user may act for."""
    ids = partner_ids_for(user)
    queryset = PartnerPage.objects.all()
    if ids is None:
        return queryset.filter(locale_id__in=_source_locale_ids())
    return queryset.filter(pk__in=ids)


def _source_locale_ids():
    from wagtail.models import Locale

    return [Locale.get_default().pk]


def scope_queryset(queryset, user, partner_field="partner"):
    """Restrict a queryset of needs, contributions or deliveries to what ``user`` may see."""
    ids = partner_ids_for(user)
    if ids is None:
        return queryset
    return queryset.filter(**{f"{partner_field}__in": ids})


def check_partner(user, partner, field="partner"):
    """Refuse (``TrackerPermissionDenied``) unless ``user`` may act for ``partner``."""
    actor(user)  # a missing user is a programming error, not an anonymous visitor
    ids = partner_ids_for(user)
    if ids is None:
        return
    if partner is None or partner.pk not in ids:
        raise TrackerPermissionDenied(
            _("You can only record or change your own organisation's entries."), field=field
        )


def default_partner(user):
    """The partner a member acts for when they act for exactly one; else ``None``."""
    ids = partner_ids_for(user)
    if ids and len(ids) == 1:
        return PartnerPage.objects.filter(pk__in=ids).first()
    return None


@transaction.atomic
def add_member(partner, user):
    """Let ``user`` act for ``partner`` (its source page); returns the membership."""
    partner = source_of(partner)
    if partner is None:
        raise TrackerValidationError({"partner": [_("Choose a partner organisation.")]})
    membership, _created = PartnerMembership.objects.get_or_create(user=user, partner=partner)
    if hasattr(user, "_tracker_partner_ids"):
        del user._tracker_partner_ids
    return membership


@transaction.atomic
def remove_member(partner, user):
    """Stop ``user`` acting for ``partner``."""
    PartnerMembership.objects.filter(user=user, partner=source_of(partner)).delete()
    if hasattr(user, "_tracker_partner_ids"):
        del user._tracker_partner_ids
