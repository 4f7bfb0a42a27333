"""Admin registration: the People menu, permission policies and history actions."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from . import invitations, offers, workflow_names
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
