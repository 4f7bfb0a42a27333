"""A file in Wagtail's library changed: the pages showing it are retired.

An image, document, video or audio file edited or deleted in the library does not publish the
pages that show it, and replacing an image's or a document's file deletes the old file and its
renditions (Wagtail's edit forms). So every live page that references the item, directly or
through one object that is not a page (a snippet such as a coverage item), found in Wagtail's
reference index, is retired as a publish would retire it (``portal.caching.page_changed``: new
versions for its fragments and a soft edge purge of every page showing it, in every language).
Each such object is also announced (``source_changed``), for the apps whose pages show it
without referencing it (a press room listing its media kits). An item named by a site's
settings (the default sharing image) is in every page's head: every page of that site is
retired (``portal.caching.chrome_changed``).

A save that only records the file's hash or size (Wagtail fills them in lazily) changes nothing
a page shows and retires nothing.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.models import Page, ReferenceIndex, Site

from portal import caching

BOOKKEEPING_FIELDS = frozenset({"file_hash", "file_size"})

# Sent with ``sender`` (a model) and ``instance`` for each object that is not a page and
# references a changed library item (a snippet): an app whose pages show such objects without
# referencing them (a press room listing its media kits) retires them as when one is saved.
source_changed = Signal()


def library_models():
    """The library's models: Wagtail's image and document models, wagtailmedia's media model
    (when installed)."""
    from django.apps import apps
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    models = [get_image_model(), get_document_model()]
    if apps.is_installed("wagtailmedia"):
        from wagtailmedia.models import get_media_model

        models.append(get_media_model())
    return models


def referencing(item):
    """What shows ``item`` (a model instance): ``(pages, others, homes)``, the live pages
    (specific instances) referencing it in Wagtail's reference index, directly or through one
    object that is not a page, those objects (snippets), and the home pages of the sites whose
    settings name it in a foreign key (the chrome of every page, such as the default sharing
    image; settings are not in the reference index)."""
    page_type = ContentType.objects.get_for_model(Page).pk
    page_ids, others = set(), []
    for base_type, object_id in _sources(item):
        if base_type == page_type:
            page_ids.add(object_id)
            continue
        model = ContentType.objects.get_for_id(base_type).model_class()
        source = model and model._default_manager.filter(pk=object_id).first()
        if source is not None:
            others.append(source)
            page_ids.update(object_id for kind, object_id in _sources(source) if kind == page_type)
    ids = [int(object_id) for object_id in page_ids]
    pages = list(Page.objects.live().filter(pk__in=ids).specific()) if ids else []
    return pages, others, _homes_of_settings_naming(item)


def _homes_of_settings_naming(item):
    homes = {}
    for model in settings_registry:
        for field in model._meta.concrete_fields:
            if field.is_relation and isinstance(item, field.related_model):
                for setting in model.objects.filter(**{field.attname: item.pk}):
                    sites = [setting.site] if hasattr(setting, "site") else Site.objects.all()
                    for site in sites:
                        roots = site.root_page.get_translations(inclusive=True)
                        homes.update((home.pk, home) for home in roots)
    return list(homes.values())


def _sources(item):
    """``(base content type id, object id)`` of every object referencing ``item``."""
    return set(
        ReferenceIndex.get_references_to(item).values_list("base_content_type_id", "object_id")
    )


def _on_library_change(sender, instance, update_fields=None, raw=False, **kwargs):
    if raw or (update_fields and set(update_fields) <= BOOKKEEPING_FIELDS):
        return
    pages, others, homes = referencing(instance)
    for page in pages:
        caching.page_changed(page)
    for source in others:
        source_changed.send(sender=type(source), instance=source)
    if homes:
        caching.chrome_changed(*homes)


def connect():
    """Retire the pages showing a library item when it is saved or deleted (from the portal
    app's ``ready``)."""
    for model in library_models():
        for signal in (post_save, post_delete):
            signal.connect(
                _on_library_change,
                sender=model,
                dispatch_uid=f"library-{signal is post_save}-{model._meta.label}",
            )
