"""The admin's error pages in the user's admin language.

Wagtail renders each admin view in the user's preferred language, but its 404 page (an
unknown admin address, or an object that does not exist) is rendered outside that view,
so it followed the browser's Accept-Language: English for an Arabic user on an English
browser. This middleware makes the user's admin language the request's for every
``/admin/`` answer; Wagtail's own per-view override then agrees with it.
"""

from django.utils import translation
from wagtail.users.models import UserProfile

ADMIN_PREFIX = "/admin/"


class AdminLanguageMiddleware:
    """Activate a signed-in user's admin language (their profile's, else the site's) for
    the whole of an admin request: views, error pages and ``Content-Language``."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if not request.path_info.startswith(ADMIN_PREFIX) or not user or not user.is_authenticated:
            return self.get_response(request)
        profile = UserProfile.objects.filter(user=user).first()
        language = profile.get_preferred_language() if profile else translation.get_language()
        with translation.override(language):
            request.LANGUAGE_CODE = translation.get_language()
            response = self.get_response(request)
            response.headers["Content-Language"] = request.LANGUAGE_CODE
            return response
