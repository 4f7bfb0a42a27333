"""What a locked-out person sees on the admin login (django-axes' ``AXES_LOCKOUT_CALLABLE``).

After ``AXES_FAILURE_LIMIT`` wrong passwords for one username from one address, even the right
password is refused for ``AXES_COOLOFF_TIME``. Instead of django-axes' bare English text, the
login page is shown again, in the visitor's language, with the reason above the fields and the
status ``429``. An administrator unlocks at once with ``manage.py axes_reset_username NAME``
(see docs/security.md).
"""

from django.conf import settings
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _


def lockout_message():
    """The reason, in the active language, with the cool-off in minutes."""
    cool_off = settings.AXES_COOLOFF_TIME
    minutes = max(int(cool_off.total_seconds() // 60), 1) if cool_off else 0
    if not minutes:
        return _("Too many failed login attempts: ask an administrator to unlock your account.")
    return _(
        "Too many failed login attempts. Try again in %(minutes)d minutes, or ask an "
        "administrator to unlock your account."
    ) % {"minutes": minutes}


def lockout_response(request, original_response=None, credentials=None):
    """The login page again (``429``) with the reason as the form's error, or plain text.

    :param original_response: the view's answer to the refused attempt; when it is a rendered
        login form its template and context are reused, so the page looks as it did.
    """
    status = settings.AXES_HTTP_RESPONSE_CODE
    message = lockout_message()
    context = getattr(original_response, "context_data", None) or {}
    form = context.get("form")
    if form is None or not getattr(original_response, "template_name", None):
        return HttpResponse(message, status=status, content_type="text/plain; charset=utf-8")
    form.errors.clear()
    form.add_error(None, message)
    # Rendered here: the middleware that asks for it runs after Django renders responses.
    return TemplateResponse(
        request, original_response.template_name, context, status=status
    ).render()
