"""Reads are public; each write needs a partner key carrying the view's scope."""

from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import SAFE_METHODS, BasePermission

from .models import PartnerApiKey


class ReadOrKeyWithScope(BasePermission):
    """Anyone may read; a write needs a key (``401``) with ``view.write_scope`` (``403``)."""

    message = _("This API key does not have the scope this request needs.")

    def has_permission(self, request, view):
        if request.method in SAFE_METHODS:
            return True
        key = request.auth
        if not isinstance(key, PartnerApiKey):
            return False  # DRF answers 401 because the authenticator sends a challenge
        scope = getattr(view, "write_scope", None)
        if scope is None or not key.has_scope(scope):
            self.message = _("This API key does not have the scope “%(scope)s”.") % {"scope": scope}
            return False
        return True
