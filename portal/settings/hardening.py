"""Hardening (docs/security.md): login lockout, shared-password guesses, third parties, images.

The middleware these settings drive (Content-Security-Policy, django-axes, the password guess
limit) is listed in its place in ``MIDDLEWARE`` (portal/settings/base.py).
"""

import datetime

from .environment import env

# The lockout check first (it authenticates nobody: it refuses a locked-out login), then
# Django's ModelBackend. AxesBackend rather than AxesStandaloneBackend: it can also load a
# user, so a session naming it (force_login picks the first backend) never fails.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
WAGTAILADMIN_USER_LOGIN_FORM = "portal.admin_login.LoginForm"  # labels in every language
# django-axes: after AXES_FAILURE_LIMIT wrong passwords for one username from one address, the
# login is refused (even with the right password) for AXES_COOLOFF_MINUTES; the address is the
# portal's one client address (PORTAL_TRUSTED_PROXY_COUNT).
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", 10)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "portal.client_address.client_address"
AXES_LOCKOUT_CALLABLE = "portal.login_lockout.lockout_response"
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True  # failures are kept to count them; successful logins are not

# Private pages' and documents' shared passwords: wrong guesses per address and restriction.
PORTAL_PASSWORD_GUESSES = env.int("PORTAL_PASSWORD_GUESSES", 10)
PORTAL_PASSWORD_GUESS_SECONDS = env.int("PORTAL_PASSWORD_GUESS_SECONDS", 900)

# No Gravatar in the admin: it sends a hash of each staff e-mail to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Nor the dashboard's call to releases.wagtail.org (upgrades follow requirements.txt).
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Pixel limit of an uploaded image (admin, choosers, multiple upload): a small PNG of huge
# dimensions costs hundreds of MB at its first thumbnail. 40 MP covers any phone or camera
# photo; Pillow itself refuses twice that anywhere else an image is decoded (portal/apps.py).
WAGTAILIMAGES_MAX_IMAGE_PIXELS = env.int("WAGTAILIMAGES_MAX_IMAGE_PIXELS", 40_000_000)
