"""The press room in the admin: coverage, press contacts and media kits under one menu."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from campaigns.press.models import Coverage, MediaKit, PressContact
from campaigns.wagtail_chooser_labels import LazyLabelsChooserViewSet
from portal.localization.page_title_fields import page_column


class CoverageViewSet(SnippetViewSet):
    model = Coverage
    chooser_viewset_class = LazyLabelsChooserViewSet
    icon = "media"
    menu_label = _("Coverage")
    list_display = ["headline", "outlet", "date", "medium", page_column(Coverage, "campaign")]
    list_filter = ["medium", "language", "campaign"]
    list_export = ["date", "outlet", "headline", "url", "medium", "language", "country"]
    # Searches the model's own index (outlet, headline); restricting fields here breaks
    # the SQLite full-text backend.
    ordering = ["-date"]


class PressContactViewSet(SnippetViewSet):
    model = PressContact
    chooser_viewset_class = LazyLabelsChooserViewSet
    icon = "user"
    menu_label = _("Press contacts")
    list_display = ["name", "role", "email", "phone"]
    list_filter = ["locale"]
    search_fields = ["name", "role", "email"]
    search_backend_name = None  # plain database search: contacts are few


class MediaKitViewSet(SnippetViewSet):
    model = MediaKit
    chooser_viewset_class = LazyLabelsChooserViewSet
    icon = "folder-open-inverse"
    menu_label = _("Media kits")
    list_display = ["title", page_column(MediaKit, "campaign")]
    list_filter = ["locale"]
    search_fields = ["title"]
    search_backend_name = None


class PressViewSetGroup(SnippetViewSetGroup):
    items = (CoverageViewSet, PressContactViewSet, MediaKitViewSet)
    menu_icon = "doc-full"
    menu_label = _("Press room")
    menu_name = "press-room"


register_snippet(PressViewSetGroup)
