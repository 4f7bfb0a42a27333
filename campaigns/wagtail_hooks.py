"""What the home page (``home``, below this app) shows of campaigns, partners and news."""

from wagtail import hooks

from campaigns.home_context import home_context

hooks.register("home_page_context", home_context)
