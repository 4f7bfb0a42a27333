"""Moderation e-mails in each recipient's language, never the sender's.

Workaround: Wagtail 8 renders a notification (submitted, approved, changes requested, new
comments: ``wagtail.admin.mail``) inside ``override(profile.get_preferred_language())``, and
for an account that chose no admin language that is the language *active in the request that
sent it* (the admin follows the browser): a French moderator's approval reached the Arabic
administrator in French. Its HTML part (``WAGTAILADMIN_NOTIFICATION_USE_HTML``) is rendered
after that override, in the sender's language for everyone.

Here both senders (``EmailNotificationMixin.send_emails`` for the workflow,
``send_notification`` for comments) are called once per language of their recipients, inside
``override`` of that language: the recipient's chosen admin language, else the site's
(``settings.LANGUAGE_CODE``). Wagtail's own override then finds that language active, and the
HTML part is rendered in it too. The admin's own language for an account without a choice is
unchanged (still the browser's). Delete this module when Wagtail renders notifications in a
language that does not depend on the request (``PATCHED_FOR`` is pinned by
``tests/people/test_people_notification_language.py``).
"""

from django.conf import settings
from django.utils.translation import override
from wagtail.admin import mail
from wagtail.users.models import UserProfile

PATCHED_FOR = "8.0"  # the Wagtail release whose wagtail.admin.mail this follows


def recipient_language(user):
    """The language ``user``'s notifications are written in: the admin language they chose,
    else the site's default (``settings.LANGUAGE_CODE``), whatever language sends them."""
    return UserProfile.get_for_user(user).preferred_language or settings.LANGUAGE_CODE


def by_language(users):
    """``users`` grouped by :func:`recipient_language`, as ``{language: [user, ...]}``."""
    groups = {}
    for user in users:
        if user is not None:
            groups.setdefault(recipient_language(user), []).append(user)
    return groups


_send_emails = mail.EmailNotificationMixin.send_emails
_send_notification = mail.send_notification


def send_emails(self, template_set, context, recipients, **kwargs):
    """Wagtail's workflow e-mails, each recipient's in their :func:`recipient_language`."""
    sent = True
    for language, users in by_language(recipients).items():
        with override(language):
            sent &= _send_emails(self, template_set, context, set(users), **kwargs)
    return sent


def send_notification(recipient_users, notification, extra_context):
    """Wagtail's comment e-mails, each recipient's in their :func:`recipient_language`."""
    sent = True
    for language, users in by_language(recipient_users).items():
        with override(language):
            sent &= _send_notification(users, notification, extra_context)
    return sent


def connect():
    """Write Wagtail's moderation and comment e-mails in each recipient's language."""
    from wagtail.admin.views.pages import edit

    mail.EmailNotificationMixin.send_emails = send_emails
    mail.send_notification = send_notification
    # The page editor imported Wagtail's function by name.
    edit.send_notification = send_notification
