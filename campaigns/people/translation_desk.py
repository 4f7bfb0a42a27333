"""The translators' desk: find the Arabic pages to translate, and send a translation to the
moderators through the campaign-content workflow.

Wagtail 8 has no view-only page permission (its page permissions are add, change, publish,
lock, unlock, bulk delete), so translators, who may edit only the French and English trees,
cannot browse the Arabic source in the page explorer; this desk lists the source pages for
them instead. wagtail-localize's translation editor offers only "Publish", to those who may
publish; a translator submits the translation for moderation from the editor instead
(``submit_for_moderation``), and a moderator's approval publishes it.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

from portal.localization.locale_names import sentence_name

SUBMIT_PERMISSION = "wagtail_localize.submit_translation"


def can_use_desk(user):
    """Who may open the desk: anyone who may submit translations (translators, staff)."""
    return user.is_active and user.has_perm(SUBMIT_PERMISSION)


def source_pages_with_translations(user):
    """Every Arabic page but the root, in tree order, each with one entry per other language:
    ``{"locale": Locale, "page": translated page or None, "state": "live" | "draft" | "missing",
    "edit_url": str or None}``. Three queries, whatever the number of pages."""
    source_locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    targets = list(Locale.objects.exclude(pk=source_locale.pk).order_by("language_code"))
    sources = list(Page.objects.filter(locale=source_locale, depth__gt=1).order_by("path"))
    translated = Page.objects.filter(
        translation_key__in=[page.translation_key for page in sources],
        locale__in=targets,
        alias_of__isnull=True,
    )
    by_key = {(page.translation_key, page.locale_id): page for page in translated}
    rows = []
    for source in sources:
        entries = []
        for locale in targets:
            page = by_key.get((source.translation_key, locale.pk))
            if page is None:
                state = "missing"
            elif page.live and not page.has_unpublished_changes:
                state = "live"
            else:
                state = "draft"
            can_edit = page is not None and page.permissions_for_user(user).can_edit()
            entries.append(
                {
                    "locale": locale,
                    "page": page,
                    "state": state,
                    "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk])
                    if can_edit
                    else None,
                }
            )
        rows.append(
            {
                "page": source,
                "translations": entries,
                # Back to the desk once sent: wagtail-localize's default is the source's
                # parent in the explorer, which hides the Arabic tree from translators (the
                # second trial of issue 19 landed on «0 صفحات»).
                "translate_url": reverse(
                    "wagtail_localize:submit_page_translation", args=[source.pk]
                )
                + "?"
                + urlencode({"next": reverse("translation_desk")})
                if any(entry["page"] is None for entry in entries)
                else None,
            }
        )
    return rows


def pages_to_translate(request):
    """The desk: the Arabic pages, each with its French and English translations' state and a
    link to translate it or to open its translation."""
    if not can_use_desk(request.user):
        raise PermissionDenied
    rows = source_pages_with_translations(request.user)
    return TemplateResponse(
        request,
        "people/admin/pages_to_translate.html",
        {"rows": rows, "page_title": _("Pages to translate")},
    )


def save_draft(translation, page, user):
    """Save the translation editor's work as a new revision of ``page`` (a draft) and return
    the page as saved, leaving what the public sees untouched.

    wagtail-localize's ``save_target(publish=False)`` writes the translated fields into the
    page's own row (and its inline children), which is the live content of a live page: a
    translation sent for review would show at once. Here it runs inside a savepoint that is
    rolled back, keeping only the revision's content, which Wagtail's ``save_revision`` then
    stores as a draft, as the page editor's "Save draft" does. Raises ``ValidationError``
    when the translation cannot be saved.
    """
    savepoint = transaction.savepoint()
    translation.save_target(user=user, publish=False)
    content = Page.objects.get(pk=page.pk).latest_revision.content
    transaction.savepoint_rollback(savepoint)
    saved = type(page).objects.get(pk=page.pk)
    saved.with_content_json(content).save_revision(user=user, log_action=True)
    saved.refresh_from_db()
    return saved


@require_POST
def submit_for_moderation(request, translation_id):
    """Save the translation editor's work as a draft of the translated page and start the
    page's workflow (a moderator approves and so publishes it). For those who may edit the
    translated page."""
    translation = get_object_or_404(Translation, pk=translation_id, enabled=True)
    page = translation.get_target_instance()
    if not isinstance(page, Page):
        raise PermissionDenied
    page = page.specific
    permissions = page.permissions_for_user(request.user)
    if not permissions.can_edit():
        raise PermissionDenied
    workflow = page.get_workflow()
    if workflow is None:
        raise PermissionDenied  # nothing to submit to: those who may publish use "Publish"
    try:
        with transaction.atomic():  # the draft and the workflow's start, or neither
            page = save_draft(translation, page, request.user)
            # As Wagtail's page editor does: resume after "changes requested", restart a
            # review in progress on the new draft, otherwise start the workflow.
            state = page.current_workflow_state
            if state is not None and state.status == state.STATUS_NEEDS_CHANGES:
                state.resume(request.user)
            else:
                if state is not None:
                    state.cancel(user=request.user)
                workflow.start(page, request.user)
    except ValidationError as error:
        messages.error(
            request,
            _("The translation could not be saved: %(errors)s")
            % {"errors": " ".join(error.messages)},
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    messages.success(
        request,
        _("'%(title)s' in %(language)s was submitted for moderation.")
        % {"title": page.get_admin_display_title(), "language": sentence_name(page.locale)},
    )
    return redirect("wagtailadmin_pages:edit", page.pk)
