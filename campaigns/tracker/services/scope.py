"""Who may see and write which partner's entries (admin, API and imports share this).

Staff (superusers, or users with ``tracker.manage_all_partners``) see and change every
partner's entries. Any other user acts only for the partner organisations they are a member
of (``PartnerMembership``); with no membership they see nothing and write nothing. A CSV
import acts as ``ActingFor(partner)``: exactly that organisation's rights, no user.

Every write that names a need or a campaign is checked here, whatever the channel:
``check_need`` (the need's responsible partner must be one the user acts for) and
``check_campaign`` (the organisation must be among the campaign's *Partners*).
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from campaigns.models import PartnerPage

from ..errors import TrackerPermissionDenied, TrackerValidationError
from ..models import PartnerMembership
from .common import SYSTEM, actor, source_of

ALL_PARTNERS_PERM = "tracker.manage_all_partners"


class ActingFor:
    """One partner organisation acting without a person (a CSV import run for it).

    It has exactly the organisation's rights (``partner_ids_for`` is its id) and is stored
    as no author, like ``SYSTEM``.
    """

    is_authenticated = False
    is_active = True
    pk = None
    stored_as_nobody = True

    def __init__(self, partner):
        self.partner = source_of(partner)
        self._tracker_partner_ids = {self.partner.pk} if self.partner else set()

    def __repr__(self):
        return f"ActingFor({self.partner!r})"


def act_only_for(user, partner_id):
    """Let ``user`` act for the partner ``partner_id`` (a source page's id) and no other, for
    the rest of this request, whatever its memberships or permissions: an API key's service
    account, which acts for its key's partner only (``PartnerApiKey``). Saves the
    permission and membership lookups of every keyed write."""
    user._tracker_partner_ids = {partner_id}
    user._tracker_partner_only = True


def can_see_all(user):
    """True for staff who see and change every partner's entries (and for ``SYSTEM``)."""
    if user is SYSTEM:
        return True
    if isinstance(user, ActingFor) or getattr(user, "_tracker_partner_only", False):
        return False
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or user.has_perm(ALL_PARTNERS_PERM)


def partner_ids_for(user):
    """Ids of the (source) partners the user acts for; ``None`` means every partner."""
    if can_see_all(user):
        return None
    if isinstance(user, ActingFor):
        return user._tracker_partner_ids
    if user is None or not user.is_authenticated:
        return set()
    cache = getattr(user, "_tracker_partner_ids", None)
    if cache is None:
        cache = set(
            PartnerMembership.objects.filter(user=user).values_list("partner_id", flat=True)
        )
        user._tracker_partner_ids = cache  # once per request
    return cache


def other_organisations_users(user):
    """The ids (a subquery) of the users who act only for organisations ``user`` does not act
    for: whose actions partner staff never read (another organisation's staff accepting an
    offer both see). ``None`` for staff, who read everyone's."""
    ids = partner_ids_for(user)
    if ids is None:
        return None
    own = PartnerMembership.objects.filter(partner_id__in=ids).values("user_id")
    return PartnerMembership.objects.exclude(user_id__in=own).values("user_id")


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


def check_need(user, need, field="need"):
    """Refuse (``TrackerPermissionDenied`` on ``field``) unless ``user`` acts for the
    need's responsible partner: no gift or delivery against another organisation's need."""
    actor(user)
    ids = partner_ids_for(user)
    if ids is None or need is None:
        return
    if need.partner_id not in ids:
        raise TrackerPermissionDenied(
            _("This need belongs to another organisation: you can only record against your own."),
            field=field,
        )


def campaign_partner_keys(campaign):
    """Translation keys of the organisations listed under the campaign's *Partners*."""
    from campaigns.models.campaign import CampaignPartner

    return set(
        CampaignPartner.objects.filter(campaign_id=campaign.pk).values_list(
            "partner__translation_key", flat=True
        )
    )


def check_campaign(user, campaign, partner, field="campaign"):
    """Refuse (``TrackerPermissionDenied`` on ``field``) a partner's staff writing in a
    campaign whose *Partners* do not list ``partner``. Staff may write in any campaign."""
    actor(user)
    if partner_ids_for(user) is None or campaign is None or partner is None:
        return
    if partner.translation_key not in campaign_partner_keys(campaign):
        raise TrackerPermissionDenied(
            _("Your organisation is not among this campaign's partners."), field=field
        )


def campaigns_for(user, queryset=None):
    """The (source) campaigns ``user`` may record entries in: all for staff, else those
    whose *Partners* list one of the user's organisations."""
    from campaigns.models import CampaignPage

    queryset = CampaignPage.objects.all() if queryset is None else queryset
    ids = partner_ids_for(user)
    if ids is None:
        return queryset
    keys = PartnerPage.objects.filter(pk__in=ids).values("translation_key")
    return queryset.filter(campaign_partners__partner__translation_key__in=keys).distinct()


def default_partner(user):
    """The partner a member acts for when they act for exactly one; else ``None``."""
    ids = partner_ids_for(user)
    if ids and len(ids) == 1:
        return PartnerPage.objects.filter(pk__in=ids).first()
    return None


def default_campaign(user):
    """The single running campaign ``user`` may record for, or ``None`` when none or several
    run: the campaign a blank need or gift starts in on a campaign day. For partner staff,
    among their organisation's campaigns (``campaigns_for``); for staff, among all. Running
    is the campaign's own ``state`` (its dates, in its country's time zone); the source
    (Arabic) page is returned."""
    from campaigns.models import CampaignPage
    from campaigns.models.campaign import CampaignState

    # No time zone is more than a day from UTC: the dates narrow, each campaign's state decides.
    today, day = timezone.now().date(), datetime.timedelta(days=1)
    nearby = campaigns_for(
        user, CampaignPage.objects.filter(locale_id__in=_source_locale_ids())
    ).filter(start_date__lte=today + day, end_date__gte=today - day)
    running = [campaign for campaign in nearby if campaign.state == CampaignState.RUNNING]
    return running[0] if len(running) == 1 else None


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
