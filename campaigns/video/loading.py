"""Videos loaded with the renditions of their current file, in one query.

The video block's chooser loads its media through ``media_in_bulk``; ``current_renditions``
then needs no query of its own, so a page with a video costs one query for the video and its
sources, whatever the cache holds.
"""

from django.db.models import F, FilteredRelation, Q
from wagtailmedia import get_media_model

from .models import VideoRendition

# Where a loaded video keeps ``(file name, renditions of that file)``: ours, not wagtailmedia's.
LOADED = "portal_current_renditions"


def media_in_bulk(ids):
    """``{pk: Media}`` for the given primary keys (missing ones left out), each video with
    the renditions of its current file attached, in one query.

    A LEFT OUTER JOIN on the renditions whose ``source_name`` is the media's file (a
    ``FilteredRelation``) gives one row per current rendition, or one row of nulls for a
    video without any (not transcoded yet, or only renditions of a replaced file).
    """
    media_model = get_media_model()
    media_fields = [field.attname for field in media_model._meta.concrete_fields]
    rendition_fields = [field.attname for field in VideoRendition._meta.concrete_fields]
    rows = (
        media_model.objects.filter(pk__in=[pk for pk in ids if pk is not None])
        .annotate(
            current=FilteredRelation("renditions", condition=Q(renditions__source_name=F("file")))
        )
        .values_list(*media_fields, *(f"current__{name}" for name in rendition_fields))
        .order_by("pk", "current__pk")
    )
    found = {}
    split = len(media_fields)
    media_pk = media_fields.index(media_model._meta.pk.attname)
    rendition_pk = split + rendition_fields.index(VideoRendition._meta.pk.attname)
    for row in rows:
        media = found.get(row[media_pk])
        if media is None:
            media = media_model.from_db(rows.db, media_fields, row[:split])
            found[media.pk] = media
            setattr(media, LOADED, (media.file.name, []))
        if row[rendition_pk] is not None:  # null when no rendition matched
            rendition = VideoRendition.from_db(rows.db, rendition_fields, row[split:])
            rendition.media = media
            getattr(media, LOADED)[1].append(rendition)
    return found


def current_renditions(media):
    """The renditions of ``media``'s current file (any state): those loaded with it by
    ``media_in_bulk``, else read now (one query: a video used outside a video block)."""
    loaded = getattr(media, LOADED, None)
    if loaded is not None and loaded[0] == media.file.name:
        return loaded[1]
    return list(VideoRendition.objects.filter(media=media, source_name=media.file.name))
