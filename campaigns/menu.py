"""The campaigns in the site's menu: together, before the other sections.

Menus follow the page tree, so a campaign added later under the home page came last, after
«كيف تساهم» (how to give) and «عن المنصة» (about). The header's menu (``home/site_chrome.py``)
asks this ``site_menu_order`` hook instead: the campaigns first, in the home page's order
(running, then upcoming from the soonest; here also the closed ones, the latest first), then
the other pages in the editors' own tree order. The dates it reads are joined to the header's
one query: no query of its own. The cached header (``docs/caching.md``) needs no version of
its own: publishing a campaign bumps the site version, and its key holds today's date, so a
campaign that starts or ends moves within a day's first fragment lifetime.
"""

import zoneinfo

from django.db.models import F
from django.utils import timezone

from campaigns.countries import default_time_zone

RUNNING, UPCOMING, CLOSED = range(3)


class CampaignsFirst:
    """A ``site_menu_order`` hook: the menu's campaigns first, running ones before upcoming
    and closed ones, each campaign's state from today's date in its own time zone (as
    ``CampaignPage.state``)."""

    def annotate(self, pages):
        """``pages`` with each campaign's dates, country and time zone (``None`` for a page
        of another type)."""
        return pages.annotate(
            menu_campaign_start=F("campaignpage__start_date"),
            menu_campaign_end=F("campaignpage__end_date"),
            menu_campaign_country=F("campaignpage__country"),
            menu_campaign_time_zone=F("campaignpage__time_zone_override"),
        )

    def order(self, items):
        """``items`` (annotated by :meth:`annotate`, in tree order): the campaigns, then the
        other pages as they were."""
        campaigns = [item for item in items if item.menu_campaign_start is not None]
        others = [item for item in items if item.menu_campaign_start is None]
        return sorted(campaigns, key=self.place) + others

    def place(self, campaign):
        """Where ``campaign`` goes among the campaigns: running (latest start first, as the
        home page), upcoming (soonest first), closed (latest first), then tree order."""
        time_zone = campaign.menu_campaign_time_zone or default_time_zone(
            campaign.menu_campaign_country
        )
        today = timezone.localdate(timezone=zoneinfo.ZoneInfo(time_zone))
        start = campaign.menu_campaign_start.toordinal()
        if today < campaign.menu_campaign_start:
            return (UPCOMING, start, campaign.path)
        if today > campaign.menu_campaign_end:
            return (CLOSED, -start, campaign.path)
        return (RUNNING, -start, campaign.path)
