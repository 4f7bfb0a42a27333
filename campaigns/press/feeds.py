"""RSS 2.0 and Atom feeds of releases and of coverage, one per site language.

Links are absolute, dates RFC 822 (RSS) / RFC 3339 (Atom), images are enclosures. The edge
cache keeps them (``s-maxage``); see docs/caching.md.
"""

import datetime
import mimetypes

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.html import strip_tags
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Locale

from campaigns.press.models import Coverage, PressIndexPage
from campaigns.press.press_room import campaigns_in, visible_releases
from home.private_pages import restricted

FEED_LENGTH = 30


def _local_datetime(day):
    """A date as midnight in the site's time zone (what “published on 15 May” means here)."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


def _enclosure(request, file_field, size):
    if not file_field:
        return None
    mime = mimetypes.guess_type(file_field.name)[0] or "application/octet-stream"
    return Enclosure(request.build_absolute_uri(file_field.url), str(size or 0), mime)


class PressFeed(Feed):
    """Common ground: the press room of the request's language, or 404."""

    feed_type = Rss201rev2Feed

    def get_object(self, request):
        locale = Locale.objects.filter(language_code=get_language()).first()
        # A private press room has no public feed (its releases are not for everyone).
        rooms = PressIndexPage.objects.live().exclude(restricted())
        index = rooms.filter(locale=locale).first() if locale else None
        if index is None:
            raise Http404
        # A fresh feed object serves each request (see feed_view), so this is not shared.
        self.request = request
        self.locale = locale
        self.index_url = request.build_absolute_uri(index.get_url(request))
        return index

    def link(self, index):
        return self.index_url

    def description(self, index):
        return strip_tags(index.intro) or index.title


class ReleasesFeed(PressFeed):
    def title(self, index):
        return f"{index.title} · {_('Press releases')}"

    def items(self, index):
        return (
            visible_releases(self.locale)
            .child_of(index)
            .order_by("-release_date", "-pk")
            .select_related("social_image")
            .prefetch_related("gallery__image")[:FEED_LENGTH]
        )

    def item_title(self, release):
        return release.title

    def item_description(self, release):
        return release.summary

    def item_link(self, release):
        return self.request.build_absolute_uri(release.get_url(self.request))

    def item_guid(self, release):
        return self.item_link(release)

    def item_pubdate(self, release):
        return _local_datetime(release.release_date)

    def item_updateddate(self, release):
        return release.last_published_at or self.item_pubdate(release)

    def item_enclosures(self, release):
        photos = list(release.gallery.all())
        image = photos[0].image if photos else release.social_image
        if image is None:
            return []
        return [_enclosure(self.request, image.file, image.get_file_size())]


class CoverageFeed(PressFeed):
    def title(self, index):
        return f"{index.title} · {_('Media coverage')}"

    def items(self, index):
        self.campaigns = campaigns_in(self.locale)
        return Coverage.objects.select_related("campaign", "clip")[:FEED_LENGTH]

    def item_title(self, item):
        return str(item)

    def item_description(self, item):
        parts = [item.get_medium_display(), item.outlet, item.date.isoformat()]
        if item.campaign_id:
            campaign = self.campaigns.get(item.campaign.translation_key, item.campaign)
            parts.append(campaign.title)
        return " · ".join(parts)

    def item_link(self, item):
        return item.link_with_timecode

    def item_guid(self, item):
        return f"{self.index_url}#coverage-{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return _local_datetime(item.date)

    def item_updateddate(self, item):
        return item.created_at

    def item_enclosures(self, item):
        if not item.clip_id:
            return []
        try:
            size = item.clip.file.size
        except OSError:
            size = 0
        return [_enclosure(self.request, item.clip.file, size)]


class AtomMixin:
    feed_type = Atom1Feed

    def subtitle(self, index):
        return self.description(index)


class ReleasesAtomFeed(AtomMixin, ReleasesFeed):
    pass


class CoverageAtomFeed(AtomMixin, CoverageFeed):
    pass


def feed_view(feed_class, name):
    """A view serving a fresh ``feed_class`` object per request (the edge cache keeps it)."""

    def view(request):
        return feed_class()(request)

    view.__name__ = f"{name}_feed"
    return view
