"""The admin's login form with every label in the user's language.

Wagtail 8.0's ``LoginForm`` declares its password field without a label, so Django derives
"Password" from the field's name, untranslated, on the Arabic and French login pages. The
label is Django's own translated ``"Password"`` (``django.contrib.auth`` catalogues).
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


class LoginForm(WagtailLoginForm):
    """Wagtail's login form (``WAGTAILADMIN_USER_LOGIN_FORM``) with a translated password label."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")
