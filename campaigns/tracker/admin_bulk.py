"""Snippet bulk actions that only ever see what the user may see (issue 14, partner isolation).

Wagtail's bulk action pages (``/admin/bulk/<app>/<model>/<action>/?id=…``) look the ids up
in the whole table and list every object the user may not act on *by name* ("In kind #18"),
so partner staff could read another organisation's entries, or a membership's user name, by
trying ids. Here an object the user has no permission at all on (add, change, delete or view:
for tracker entries, another organisation's; ``TrackerEntryPolicy``) is as missing: not
named, not counted, never acted on; only unknown ids give Wagtail's own ``404``. Objects the
user may see but not act on are still listed as Wagtail lists them.
"""

from django.shortcuts import get_list_or_404
from wagtail.permissions import policy_registry
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction

SEEN_ACTIONS = ("add", "change", "delete", "view")


class VisibleObjectsMixin:
    """A bulk action over the objects the user may see (any permission on each), only."""

    def visible_objects(self, model):
        """The instances of ``model`` the user has any permission on (their scope)."""
        policy = policy_registry.get_by_type(model)
        return policy.instances_user_has_any_permission_for(self.request.user, SEEN_ACTIONS)

    def get_queryset(self, model, object_ids):
        """The visible objects among ``object_ids``; ``404`` when none is (as for no id)."""
        return get_list_or_404(self.visible_objects(model), pk__in=object_ids)

    def get_all_objects_in_listing_query(self, parent_id):
        """``id=all``: every visible object, never the whole table."""
        return self.visible_objects(self.model).values_list("pk", flat=True)


class VisibleDeleteBulkAction(VisibleObjectsMixin, DeleteBulkAction):
    """Wagtail's snippet bulk delete, over the objects the user may see."""


# Registered after Wagtail's own (a higher hook order): the registry keeps the last class
# registered for a model and action, so these replace Wagtail's for every snippet model.
BULK_ACTIONS = (VisibleDeleteBulkAction,)
