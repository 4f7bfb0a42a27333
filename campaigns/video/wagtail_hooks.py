"""Admin: Media → Video renditions, each with its state, size and bitrate (read-only)."""

from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import VideoRendition


class RenditionPermissionPolicy(ModelPermissionPolicy):
    """Renditions are made by the task, never typed in: staff may only look (and delete)."""

    def user_has_permission(self, user, action):
        if action in ("add", "change"):
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class VideoRenditionViewSet(ModelViewSet):
    model = VideoRendition
    icon = "media"
    menu_label = _("Video renditions")
    add_to_admin_menu = True
    menu_order = 310
    # Headers in the reader's language; the profile and state by their labels, not stored codes.
    list_display = [
        Column("media", label=capfirst(_("video"))),
        Column("profile", label=capfirst(_("profile")), accessor="get_profile_display"),
        Column("state", label=capfirst(_("state")), accessor="get_state_display"),
        Column("height", label=capfirst(_("height (px)"))),
        Column("size_kb", label=capfirst(_("size (KB)"))),
        Column("bitrate_kbps", label=capfirst(_("bitrate (kbit/s)"))),
        DateColumn("updated_at", label=capfirst(_("updated"))),
    ]
    list_filter = ["state", "profile"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "media", "profile", "state", "file", "width", "height", "size", "bitrate", "error",
        "source_name", "updated_at",
    ]  # fmt: skip
    form_fields = ["state"]


register_permission_policy(VideoRendition, RenditionPermissionPolicy(VideoRendition))


@hooks.register("register_admin_viewset")
def register_video_rendition_viewset():
    return VideoRenditionViewSet("video_renditions")
