"""Admin registration: the People menu, permission policies and history actions."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy

from . import invitations, offers, translation_desk, workflow_names
from .admin_views import InvitationPermissionPolicy, OfferPermissionPolicy, PeopleViewSetGroup
from .models import Invitation, Offer

register_permission_policy(Offer, OfferPermissionPolicy(Offer))
register_permission_policy(Invitation, InvitationPermissionPolicy(Invitation))


@hooks.register("register_admin_viewset")
def register_people_viewsets():
    return PeopleViewSetGroup()


@hooks.register("register_log_actions")
def register_people_log_actions(actions):
    for action, label, message in (
        (invitations.INVITED, _("Invite"), _("Invitation sent")),
        (invitations.ACCEPTED, _("Accept invitation"), _("Invitation accepted")),
        (invitations.EXPIRED, _("Expire"), _("Invitation expired unused")),
        (invitations.REVOKED, _("Revoke"), _("Invitation revoked")),
        (offers.RECEIVED, _("Receive offer"), _("Offer received from the public form")),
        (offers.ACCEPTED, _("Accept offer"), _("Offer accepted as a pledge")),
        (offers.DECLINED, _("Decline offer"), _("Offer declined")),
    ):
        actions.register_action(action, label, message)


@hooks.register("register_log_actions", order=100)
def workflow_log_messages_in_the_readers_language(actions):
    workflow_names.translate_workflow_log_messages(actions)


@hooks.register("register_admin_urls")
def register_translation_desk_urls():
    return [
        path("translate/", translation_desk.pages_to_translate, name="translation_desk"),
        path(
            "translate/<int:translation_id>/submit/",
            translation_desk.submit_for_moderation,
            name="translation_desk_submit",
        ),
    ]


class TranslationDeskMenuItem(MenuItem):
    """Shown to those who may submit translations (translators, staff)."""

    def is_shown(self, request):
        return translation_desk.can_use_desk(request.user)


@hooks.register("register_admin_menu_item")
def register_translation_desk_menu_item():
    return TranslationDeskMenuItem(
        _("Pages to translate"),
        reverse("translation_desk"),
        name="pages-to-translate",
        icon_name="wagtail-localize-language",
        order=250,
    )
