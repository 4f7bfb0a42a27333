"""Renditions of several images, looked up together: one cache read, then one query.

Wagtail looks an image's renditions up image by image (its renditions cache, then a query
per image). A page that shows several pictures in one place (the sharing image and the video
posters of its ``<head>``, the logos and portraits of a campaign's lists) asks for all of them
here first: ``prefetch_renditions`` reads Wagtail's renditions cache once for every
(image, filter spec), fetches what the cache lacks in one query, writes those back to the
cache, and hands each image its renditions as ``prefetched_renditions``, the attribute
Wagtail's own ``prefetch_renditions()`` fills and ``get_rendition``/``get_renditions`` read.
A rendition that does not exist yet is created by Wagtail on first use, as usual.
"""

from wagtail.images import get_image_model
from wagtail.images.models import Filter


def prefetch_renditions(wanted):
    """Attach to each image the renditions of its filter specs; returns nothing.

    ``wanted``: an iterable of ``(image, specs)`` (an image, or None, which is skipped, and
    an iterable of Wagtail filter specs such as ``"fill-640x360|format-webp"``). An image may
    appear more than once; its specs are merged. At most one read of the renditions cache
    (``caches["renditions"]``, else the default cache) and one database query, whatever the
    number of images. Images that already carry prefetched renditions are left as they are.
    """
    specs_of = {}
    for image, specs in wanted:
        if image is None or getattr(image, "prefetched_renditions", None) is not None:
            continue
        specs_of.setdefault(image.pk, (image, set()))[1].update(specs)
    if not specs_of:
        return
    rendition_model = get_image_model().get_rendition_model()
    keys = {}  # cache key -> (image id, spec, focal point key)
    for image, specs in specs_of.values():
        for spec in specs:
            focal = Filter(spec=spec).get_cache_key(image)
            key = rendition_model.construct_cache_key(image, focal, spec)
            keys[key] = (image.pk, spec, focal)
    found = {pk: [] for pk in specs_of}
    cached = rendition_model.cache_backend.get_many(list(keys))
    for key, rendition in cached.items():
        found[keys[key][0]].append(rendition)
    missing = {wanted_key: key for key, wanted_key in keys.items() if key not in cached}
    if missing:
        rows = rendition_model.objects.filter(
            image_id__in={pk for pk, _spec, _focal in missing},
            filter_spec__in={spec for _pk, spec, _focal in missing},
        )
        additions = {}
        for rendition in rows:
            key = missing.get(
                (rendition.image_id, rendition.filter_spec, rendition.focal_point_key)
            )
            if key is not None:
                found[rendition.image_id].append(rendition)
                additions[key] = rendition
        if additions:
            rendition_model.cache_backend.set_many(additions)
    for pk, (image, _specs) in specs_of.items():
        for rendition in found[pk]:
            rendition.image = image  # its own instance: contextual alt text, no query
        image.prefetched_renditions = found[pk]
