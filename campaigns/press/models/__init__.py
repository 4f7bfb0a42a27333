"""Press room models: pages, their ordered parts, snippets and the media kit."""

from .media_kit import MediaKit, MediaKitArchive, MediaKitItem
from .pages import PressIndexPage, PressReleasePage
from .release_parts import GalleryPhoto, ReleaseAttachment, Speaker
from .snippets import Coverage, Medium, PressContact

__all__ = [
    "Coverage",
    "GalleryPhoto",
    "MediaKit",
    "MediaKitArchive",
    "MediaKitItem",
    "Medium",
    "PressContact",
    "PressIndexPage",
    "PressReleasePage",
    "ReleaseAttachment",
    "Speaker",
]
