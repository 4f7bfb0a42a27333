"""Admin: Media → Video renditions, each with its state, size and bitrate (read-only)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
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
    list_display = ["media", "profile", "state", "height", "size_kb", "bitrate_kbps", "updated_at"]
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
