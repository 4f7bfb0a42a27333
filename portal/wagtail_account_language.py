"""Workaround: Wagtail's account page confirms a change of admin language in the old one.

``wagtail.admin.views.account.AccountView.post`` (Wagtail 8.0) means to write its success
message in the language just chosen, but reads it from a profile it loaded before the
forms saved another copy of it: an Arabic user who picks French reads «تم تغيير إعدادات
حسابك بنجاح!» on the French page. :class:`AccountView` is the same view, reading the
language once the forms have saved; ``portal/urls.py`` serves it at Wagtail's address,
before the admin's own URLs. Delete this module when Wagtail reads the saved profile
(``tests/i18n/test_i18n_admin_messages.py`` pins the version).

It also names the language an account that chose none actually gets. Wagtail's choice list
offers "Use server language: العربية" as that account's choice, yet Wagtail's admin then
follows the browser (``UserProfile.get_preferred_language``): a new account on a French
browser read the admin in French under a page saying Arabic was selected (issue 19). The
choice now says "Use your browser's language: Français", the language in use. Its time zones
are named in the reader's language too (:func:`time_zone_label`), not by their English ids.
"""

from babel.dates import get_timezone_location
from django.conf import settings
from django.contrib.auth import update_session_auth_hash
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import (
    get_language,
    get_language_from_request,
    get_language_info,
    gettext,
    override,
)
from django.views.decorators.cache import never_cache
from wagtail.admin import messages
from wagtail.admin.auth import require_admin_access
from wagtail.admin.localization import get_available_admin_languages
from wagtail.admin.views import account
from wagtail.log_actions import log
from wagtail.users.models import UserProfile

PATCHED_FOR = "8.0"  # the Wagtail release whose AccountView.post this follows


def browser_admin_language(request):
    """The admin language of an account that chose none: the browser's (``Accept-Language``,
    or the language cookie), when the admin offers it, else ``settings.LANGUAGE_CODE``.

    A language code ("fr"); the rule of Wagtail's ``UserProfile.get_preferred_language``.
    """
    language = get_language_from_request(request)
    return language if language in dict(get_available_admin_languages()) else settings.LANGUAGE_CODE


class LocaleSettingsPanel(account.LocaleSettingsPanel):
    """Wagtail's language and time zone panel; its empty language choice names the language
    the admin uses for it (the browser's), not the server's."""

    def get_form(self):
        form = super().get_form()
        field = form.fields.get("preferred_language")
        if field is not None:
            name = get_language_info(browser_admin_language(self.request))["name_local"]
            label = gettext("Use your browser's language: %(language_name)s")
            field.choices = [("", label % {"language_name": name})] + [
                choice for choice in field.choices if choice[0]
            ]
        field = form.fields.get("current_time_zone")
        if field is not None:
            field.choices = [
                (zone, time_zone_label(zone) if zone else label) for zone, label in field.choices
            ]
        return form


def time_zone_label(zone, language=None):
    """A time zone as the reader names it: its city in CLDR's words through Babel («القاهرة»,
    «Le Caire»; the zone's region format read «heure : Égypte»), with its IANA id after it;
    the id alone for a zone CLDR places nowhere (``Etc/GMT+3``, ``UTC``)."""
    language = (language or get_language() or settings.LANGUAGE_CODE).split("-")[0]
    if "/" not in zone or zone.startswith("Etc/"):
        return zone
    try:
        place = get_timezone_location(zone, locale=language, return_city=True)
    except (LookupError, ValueError):
        return zone
    return f"{place} ({zone})"


class AccountView(account.AccountView):
    def get_panels(self):
        return [
            LocaleSettingsPanel(panel.request, panel.user, panel.profile)
            if type(panel) is account.LocaleSettingsPanel
            else panel
            for panel in super().get_panels()
        ]

    def post(self, request):
        panel_forms = [panel.get_form() for panel in self.get_panels()]
        user = self.request.user
        if not all(form.is_valid() or not form.is_bound for form in panel_forms):
            return TemplateResponse(request, self.template_name, self.get_context_data())
        with transaction.atomic():
            for form in panel_forms:
                if form.is_bound:
                    form.save()
        log(user, "wagtail.edit")
        update_session_auth_hash(request, user)  # a password change keeps the user signed in
        # The profile as saved now: its language is the one the user just chose.
        with override(UserProfile.get_for_user(user).get_preferred_language()):
            messages.success(
                request, gettext("Your account settings have been changed successfully!")
            )
        return redirect("wagtailadmin_account")


urlpatterns = [
    path(
        "",
        never_cache(require_admin_access(AccountView.as_view())),
        name="wagtailadmin_account",
    ),
]
