"""Renditions of several images, looked up together: one cache read, then one query.

Wagtail looks an image's renditions up image by image (its renditions cache, then a query
per image). A page that shows several pictures in one place (the sharing image and the video
posters of its ``<head>``, the logos and portraits of a campaign's lists) asks for all of them
here first: ``prefetch_renditions`` reads Wagtail's renditions cache once for every
(image, filter spec), fetches what the cache lacks in one query, writes those back to the
cache, and hands each image it queried all its renditions as ``prefetched_renditions``, the
attribute Wagtail's own ``prefetch_renditions()`` fills and ``get_rendition``/
``get_renditions`` read. Wagtail takes that list for every rendition the image has, so it is
only set when complete: a template asking the same image for other sizes (the home page's
hero is also its sharing image) finds them there, instead of drawing them again from the
original file on every render. An image whose wanted renditions all came from the cache gets
nothing attached: Wagtail reads the same cache, then the database, on each use.
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
    cached = rendition_model.cache_backend.get_many(list(keys))
    missing = {wanted_key: key for key, wanted_key in keys.items() if key not in cached}
    if not missing:
        return
    queried = {pk for pk, _spec, _focal in missing}
    every = {pk: [] for pk in queried}  # all the renditions of each queried image
    additions = {}
    for rendition in rendition_model.objects.filter(image_id__in=queried):
        every[rendition.image_id].append(rendition)
        key = missing.get((rendition.image_id, rendition.filter_spec, rendition.focal_point_key))
        if key is not None:
            additions[key] = rendition
    if additions:
        rendition_model.cache_backend.set_many(additions)
    for pk in queried:
        image = specs_of[pk][0]
        for rendition in every[pk]:
            rendition.image = image  # its own instance: contextual alt text, no query
        image.prefetched_renditions = every[pk]
