"""Press room URLs (feeds, media kit), mounted under the language prefix (/<lang>/press/…)."""

from django.urls import path

from campaigns.press import feeds, views

app_name = "press"

urlpatterns = [
    path(
        "press/feeds/releases.rss",
        feeds.feed_view(feeds.ReleasesFeed, "releases-rss"),
        name="releases_rss",
    ),
    path(
        "press/feeds/releases.atom",
        feeds.feed_view(feeds.ReleasesAtomFeed, "releases-atom"),
        name="releases_atom",
    ),
    path(
        "press/feeds/coverage.rss",
        feeds.feed_view(feeds.CoverageFeed, "coverage-rss"),
        name="coverage_rss",
    ),
    path(
        "press/feeds/coverage.atom",
        feeds.feed_view(feeds.CoverageAtomFeed, "coverage-atom"),
        name="coverage_atom",
    ),
    path("press/media-kit/<int:kit_id>.zip", views.media_kit_zip, name="media_kit_zip"),
]
