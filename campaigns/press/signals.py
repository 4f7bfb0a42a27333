"""Press snippets retire the fragments showing them; a changed media kit has its ZIP built
ahead of the first download."""

from django.db.models.signals import post_delete, post_save
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from campaigns.press.models import (
    Coverage,
    MediaKit,
    MediaKitArchive,
    MediaKitItem,
    PressContact,
    PressIndexPage,
    PressReleasePage,
)
from campaigns.press.tasks import build_media_kit_archive
from portal import caching, on_commit
from portal.library_events import source_changed


def press_pages():
    """The live pages that show press snippets whatever campaign they name: the press rooms
    (coverage, contacts, media kits) and the releases (their contacts), in every language."""
    return [
        *PressIndexPage.objects.live().specific(),
        *PressReleasePage.objects.live().specific(),
    ]


def press_snippet_changed(sender, instance, **kwargs):
    """Coverage, contacts and kits show in the press room, on releases and on campaign pages
    (coverage, kits): a new ``press`` version, an edge purge of the press pages in every
    language, and of the campaign the snippet is about."""
    caching.bump("press")
    caching.purge_urls(caching.urls_for(press_pages()))
    campaign = getattr(instance, "campaign", None)
    if campaign is not None:
        caching.page_changed(campaign)


for model in (Coverage, PressContact, MediaKit, MediaKitItem, MediaKitArchive):
    post_save.connect(press_snippet_changed, sender=model, dispatch_uid=f"press-{model.__name__}")
    post_delete.connect(
        press_snippet_changed, sender=model, dispatch_uid=f"press-del-{model.__name__}"
    )
    # An image, document or video the snippet names was edited or deleted in the library.
    source_changed.connect(
        press_snippet_changed, sender=model, dispatch_uid=f"press-file-{model.__name__}"
    )


def _build_ahead_on_commit(kit_ids):
    """One build per kit and write, once it commits (a kit saved in the admin saves each of
    its files too); a build finding the ZIP up to date keeps it."""
    for kit_id in set(kit_ids):
        on_commit.enqueue_on_commit(build_media_kit_archive, kit_id)


def kit_changed(sender, instance, **kwargs):
    """A kit or one of its files was saved or removed: its ZIP is rebuilt in the background."""
    kit_id = instance.pk if isinstance(instance, MediaKit) else instance.kit_id
    if kit_id is not None and not kwargs.get("raw"):
        _build_ahead_on_commit([kit_id])


def kit_file_changed(sender, instance, **kwargs):
    """An image or document was replaced or renamed: every kit holding it is rebuilt."""
    if kwargs.get("raw"):
        return
    field = "image" if isinstance(instance, get_image_model()) else "document"
    kits = MediaKitItem.objects.filter(**{field: instance.pk}).values_list("kit_id", flat=True)
    _build_ahead_on_commit(kits)


post_save.connect(kit_changed, sender=MediaKit, dispatch_uid="press-kit-build")
post_save.connect(kit_changed, sender=MediaKitItem, dispatch_uid="press-kit-item-build")
post_delete.connect(kit_changed, sender=MediaKitItem, dispatch_uid="press-kit-item-gone")
for file_model in (get_image_model(), get_document_model()):
    post_save.connect(
        kit_file_changed, sender=file_model, dispatch_uid=f"press-kit-{file_model.__name__}"
    )
