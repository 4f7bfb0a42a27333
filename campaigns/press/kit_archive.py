"""The media kit's one-click ZIP: every file of the kit plus ``credits.csv``.

The ZIP is built once, stored through Django's default storage (S3 in production) and
reused until the kit changes: a fingerprint of the kit (its text, files, credits and
licences) is kept with the archive, and a different fingerprint means a rebuild. The
rebuild is a background task (``campaigns.press.tasks.build_media_kit_archive``), enqueued
as soon as a change to the kit, one of its files or their images and documents is committed
(campaigns/press/signals.py), so the first journalist after a change
gets the ZIP at once; a download never builds one inside the request (``ready_archive``).
"""

import hashlib
import io
import json
import zipfile
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.text import slugify

from campaigns.press.models import MediaKit, MediaKitArchive
from portal.spreadsheets import csv_bytes

ARCHIVE_FORMAT = 2  # bump to rebuild every archive after a change to the layout below
CREDITS_COLUMNS = ["file", "title", "kind", "credit", "licence"]


def _items(kit):
    return list(kit.items.select_related("image", "document").order_by("sort_order", "pk"))


def kit_signature(kit, items=None):
    """A fingerprint of everything that ends up in the ZIP."""
    items = _items(kit) if items is None else items
    parts = [ARCHIVE_FORMAT, kit.pk, kit.locale_id, kit.title]
    for item in items:
        file = item.file
        parts.append([item.kind, item.title, item.credit, item.licence, file.name])
    encoded = json.dumps(parts, ensure_ascii=False, default=str).encode()
    return hashlib.sha256(encoded).hexdigest()


def _entry_name(index, item, used):
    stem = slugify(item.title, allow_unicode=True) or f"file-{index}"
    suffix = PurePosixPath(item.file.name).suffix.lower()
    name = f"{item.kind}s/{index:02d}-{stem}{suffix}"
    while name in used:
        name = f"{item.kind}s/{index:02d}-{stem}-{len(used)}{suffix}"
    used.add(name)
    return name


def build_zip(kit, items):
    """The ZIP's bytes: the files by kind (logos/, photos/, documents/) and credits.csv."""
    buffer = io.BytesIO()
    rows = []
    used = set()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for index, item in enumerate(items, start=1):
            name = _entry_name(index, item, used)
            with item.file.open("rb") as source:
                archive.writestr(name, source.read())
            rows.append([name, item.title, item.get_kind_display(), item.credit, item.licence])
        # The portal's CSV writer: a byte-order mark for the Arabic text, formulas neutralised.
        archive.writestr("credits.csv", csv_bytes([CREDITS_COLUMNS, *rows]))
    return buffer.getvalue()


def archive_file_name(kit):
    campaign = kit.campaign.slug if kit.campaign_id else "kit"
    return f"media-kit-{campaign}-{kit.locale.language_code}.zip"


class ArchiveNotReady(Exception):
    """The kit changed and its ZIP is being rebuilt by a worker; ask again shortly."""

    retry_after = 10  # seconds


def _fresh_archive(kit, signature):
    archive = MediaKitArchive.objects.filter(kit=kit).first()
    if (
        archive is not None
        and archive.signature == signature
        and archive.file
        and archive.file.storage.exists(archive.file.name)
    ):
        return archive
    return None


def ready_archive(kit):
    """The kit's up-to-date archive for a download, without building it in the request.

    A missing or outdated archive is handed to the task queue; with the immediate backend it
    is built by then and returned, otherwise ``ArchiveNotReady`` is raised (the view answers
    503 with ``Retry-After``).
    """
    from campaigns.press.tasks import build_media_kit_archive

    signature = kit_signature(kit)
    archive = _fresh_archive(kit, signature)
    if archive is None:
        build_media_kit_archive.enqueue(kit.pk)
        archive = _fresh_archive(kit, signature)
    if archive is None:
        raise ArchiveNotReady(kit.pk)
    return archive


def current_archive(kit):
    """The kit's up-to-date stored archive, building it first if the kit changed (in this
    process: the worker's task and the demo loader call it, a request never does)."""
    items = _items(kit)
    signature = kit_signature(kit, items)
    archive = _fresh_archive(kit, signature)
    if archive is not None:
        return archive
    content = build_zip(kit, items)
    with transaction.atomic():
        archive = MediaKitArchive.objects.select_for_update().filter(kit=kit).first()
        old_name = archive.file.name if archive and archive.file else None
        archive = archive or MediaKitArchive(kit=kit)
        archive.signature = signature
        archive.size = len(content)
        archive.file.save(archive_file_name(kit), ContentFile(content), save=False)
        archive.save()
    if old_name and old_name != archive.file.name:
        archive.file.storage.delete(old_name)
    return archive


def ensure_archives(kits=None):
    """Build every kit's archive now (used by the demo and after an import)."""
    for kit in kits if kits is not None else MediaKit.objects.all():
        current_archive(kit)
