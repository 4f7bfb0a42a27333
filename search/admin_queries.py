"""Wagtail's search-query chooser, for those who edit search promotions only (issue 14).

The chooser (``/admin/searchpicks/queries/chooser/``) lists the terms visitors searched for,
the data of the administrators' *Visitor searches* report, yet Wagtail answers it to any admin
user: partner staff and every communications role could read what visitors typed. Here it
answers only users with a permission on search promotions (its only use is picking a query
for a promotion); the others get the admin's "no permission" answer. Mounted at Wagtail's own
paths, before Wagtail's admin URLs (``portal/urls.py``). Delete when Wagtail checks it.
"""

from functools import wraps

from django.urls import path
from wagtail.admin.auth import permission_denied, require_admin_access
from wagtail.contrib.search_promotions import views
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.permissions import policy_registry

ACTIONS = ("add", "change", "delete")


def for_promotion_editors(view):
    """``view``, refused to users with no permission on search promotions."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        policy = policy_registry.get_by_type(SearchPromotion)
        if not policy.user_has_any_permission(request.user, ACTIONS):
            return permission_denied(request)
        return view(request, *args, **kwargs)

    return guarded


urlpatterns = [
    path(
        "queries/chooser/",
        require_admin_access(for_promotion_editors(views.chooser)),
        name="search_query_chooser",
    ),
    path(
        "queries/chooser/results/",
        require_admin_access(for_promotion_editors(views.chooserresults)),
        name="search_query_chooser_results",
    ),
]
