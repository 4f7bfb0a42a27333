"""Partner staff never reach wagtail-localize's admin views (issue 14, partner isolation).

Partner staff have no translation permission (``docs/roles.md``): they translate nothing, and
wagtail-localize's own views (translate editor, PO download/upload, machine translation,
segment and override edits, update/convert/stop, the translations report, its snippet API)
check no tracker ownership, so one partner could read and rewrite another's need
translations. This middleware answers ``403`` for every view of the resolver's
``wagtail_localize`` namespace (and any namespace below it) to a partner staff member: a user
with a ``PartnerMembership`` or in the *Partner staff* group, unless they see every partner
(``services.can_see_all``). Only the static JavaScript catalogue stays open (no data).
"""

from django.core.exceptions import PermissionDenied

from campaigns.people import roles

from .models import PartnerMembership
from .services.scope import can_see_all

NAMESPACE = "wagtail_localize"
OPEN_VIEWS = {"javascript_catalog"}  # wagtail-localize's gettext catalogue: no data


def is_partner_staff(user):
    """True for an authenticated user acting for partner organisations only (not staff)."""
    if user is None or not user.is_authenticated or can_see_all(user):
        return False
    return (
        PartnerMembership.objects.filter(user=user).exists()
        or user.groups.filter(name=roles.PARTNER_STAFF).exists()
    )


class PartnerLocalizeGuardMiddleware:
    """Refuse (``PermissionDenied``: 403) wagtail-localize's admin views to partner staff."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        """``None`` (go on) unless the view is wagtail-localize's and the user partner staff."""
        match = request.resolver_match
        if match is None or NAMESPACE not in match.namespaces:
            return None
        if match.url_name in OPEN_VIEWS:
            return None
        if is_partner_staff(getattr(request, "user", None)):
            raise PermissionDenied
        return None
