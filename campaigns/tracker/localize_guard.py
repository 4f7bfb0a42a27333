"""wagtail-localize's admin views, refused to the roles that translate nothing (issue 14).

wagtail-localize's own views (translate editor, PO download/upload, machine translation,
segment and override edits, update/convert/stop, the translations report, its snippet API)
check no tracker ownership, and some only ask for admin access: its snippet API listed every
contribution to any admin user, its report every translation. This middleware applies the
roles of ``docs/roles.md`` to every view of the resolver's ``wagtail_localize`` namespace
(and any namespace below it) before the view runs, answering ``403``:

- partner staff (a ``PartnerMembership`` or the *Partner staff* group, unless they see every
  partner: ``services.can_see_all``) translate nothing: every view;
- the translations report, sending a page or snippet for translation and syncing
  translations are for users with ``wagtail_localize.submit_translation`` (translators,
  administrators), not for editors, moderators or press officers;
- a view about a snippet (its translation, its source, its model in the snippet API) needs
  the right to change it (the snippet's permission policy; for tracker entries, only the
  owner's staff and administrators): a translator translates pages, never a partner's need.

Pages keep wagtail-localize's own checks (the page's permissions for the user). Only the static
JavaScript catalogue stays open (no data).
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from wagtail.models import Page
from wagtail.permissions import policy_registry
from wagtail.snippets.views.snippets import get_snippet_model_from_url_params
from wagtail_localize.models import Translation, TranslationSource

from campaigns.people import roles

from .models import PartnerMembership
from .services.scope import can_see_all

NAMESPACE = "wagtail_localize"
OPEN_VIEWS = {"javascript_catalog"}  # wagtail-localize's gettext catalogue: no data
SUBMIT_PERMISSION = "wagtail_localize.submit_translation"
SUBMIT_VIEWS = {
    "submit_page_translation",
    "submit_snippet_translation",
    "update_translations",
    "translations_report",
    "translations_report_results",
}


def is_partner_staff(user):
    """True for an authenticated user acting for partner organisations only (not staff)."""
    if user is None or not user.is_authenticated or can_see_all(user):
        return False
    return (
        PartnerMembership.objects.filter(user=user).exists()
        or user.groups.filter(name=roles.PARTNER_STAFF).exists()
    )


def snippet_target(kwargs):
    """``(model, instance or None)`` of the snippet a view is about; ``None`` for a page or
    for a view about no object (the report)."""
    source = None
    if "translation_id" in kwargs:
        translation = Translation.objects.filter(pk=kwargs["translation_id"]).first()
        source = translation.source if translation else None
    elif "translation_source_id" in kwargs:
        source = TranslationSource.objects.filter(pk=kwargs["translation_source_id"]).first()
    elif "app_label" in kwargs and "model_name" in kwargs:
        try:
            model = get_snippet_model_from_url_params(kwargs["app_label"], kwargs["model_name"])
        except Http404:  # not a snippet: the view answers its own 404
            return None
        pk = kwargs.get("pk")
        return model, model._default_manager.filter(pk=pk).first() if pk else None
    if source is None:
        return None
    instance = source.get_source_instance()
    return None if isinstance(instance, Page) else (type(instance), instance)


def may_change_snippet(user, model, instance):
    """Whether ``user`` may change ``instance`` (any instance, if ``None``) of ``model``."""
    policy = policy_registry.get_by_type(model)
    if instance is None:
        return policy.user_has_permission(user, "change")
    return policy.user_has_permission_for_instance(user, "change", instance)


class PartnerLocalizeGuardMiddleware:
    """Refuse (``PermissionDenied``: 403) wagtail-localize's admin views per role."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        """``None`` (go on) unless the view is wagtail-localize's and the user's role may
        not use it."""
        match = request.resolver_match
        if match is None or NAMESPACE not in match.namespaces:
            return None
        if refuses(getattr(request, "user", None), match.url_name, view_kwargs):
            raise PermissionDenied
        return None


def refuses(user, url_name, kwargs):
    """Whether the guard refuses ``user`` wagtail-localize's view ``url_name`` with URL
    ``kwargs`` (the middleware, and the menus, which offer no report the user may not open)."""
    if url_name in OPEN_VIEWS or user is None or not user.is_authenticated:
        return False  # anonymous visitors: the admin's own login redirect
    if is_partner_staff(user):
        return True
    if url_name in SUBMIT_VIEWS and not user.has_perm(SUBMIT_PERMISSION):
        return True
    target = snippet_target(kwargs)
    return target is not None and not may_change_snippet(user, *target)
