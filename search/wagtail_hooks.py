"""The staff report of visitors' searches, under Reports in the admin."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views


@hooks.register("register_admin_urls")
def register_search_terms_url():
    return [path("reports/visitor-searches/", views.search_terms_report, name="visitor_searches")]


class SearchTermsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("portal_search.view_searchterm")


@hooks.register("register_reports_menu_item")
def register_search_terms_menu_item():
    return SearchTermsMenuItem(
        _("Visitors' searches"), reverse("visitor_searches"), icon_name="search", order=910
    )
