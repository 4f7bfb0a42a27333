from wagtail import hooks

from .admin_views import PartnerApiKeyViewSet


@hooks.register("register_admin_viewset")
def register_partner_api_keys():
    return PartnerApiKeyViewSet("partner_api_keys")
