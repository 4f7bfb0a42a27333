"""What the home page (``home``, below this app) shows of campaigns, partners and news, and
where the campaigns go in its menu."""

from wagtail import hooks

from campaigns.home_context import home_context
from campaigns.menu import CampaignsFirst

hooks.register("home_page_context", home_context)
hooks.register("site_menu_order", CampaignsFirst())
