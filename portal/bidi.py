"""Bidirectional override and isolate controls are removed from every text people see.

U+202A–U+202E (embeddings and overrides: LRE, RLE, PDF, LRO, RLO) and U+2066–U+2069 (isolates:
LRI, RLI, FSI, PDI) reorder the characters that follow them on screen: a donor name or a need
title holding an RLO shows its text reversed, can make ``exe.doc`` read as ``cod.exe``, and an
unbalanced one scrambles the rest of the line in listings, exports and other apps. Arabic and
mixed text needs none of them (the marks U+200E/U+200F stay allowed).

One rule, applied from the code: before any save, every ``CharField``/``TextField`` (rich text
included) of the portal's own models, of every Wagtail page type and of images, documents and
media, and the names of user accounts (shown on dashboards and in Site history), loses these
characters, whatever wrote it (admin, API, forms, imports, translations); so does every
string in a saved revision (drafts and previews, before anything is published).
"""

import re
from functools import cache

from django.conf import settings
from django.db import models
from django.db.models.signals import pre_save

BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
# The same characters as JSON escapes, inside a StreamField's serialized value in a revision.
ESCAPED_CONTROLS = re.compile(r"\\u(?:202[a-eA-E]|206[6-9])")
USER_NAMES = ("username", "first_name", "last_name")


def strip_bidi_controls(text):
    """``text`` without U+202A–U+202E and U+2066–U+2069 (``str`` in, ``str`` out)."""
    return BIDI_CONTROLS.sub("", text)


@cache
def text_fields(model):
    """Names (attnames) of the model's stored text fields the rule applies to, or ``()`` when
    the model is not in scope: the portal's own apps (found under ``BASE_DIR``, outside the
    virtualenv), Wagtail page types, and the image, document and media models."""
    from django.contrib.auth import get_user_model
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page
    from wagtailmedia.models import get_media_model

    if model is get_user_model():  # names only (never the password hash)
        return tuple(name for name in USER_NAMES if hasattr(model, name))
    module = getattr(model._meta.app_config, "path", None)
    if module is None:  # a migration's historical model: data the project writes itself
        return ()
    own = module.startswith(str(settings.BASE_DIR)) and "site-packages" not in module
    shared = (get_image_model(), get_document_model(), get_media_model())
    if not (own or issubclass(model, Page) or model in shared):
        return ()
    return tuple(
        field.attname
        for field in model._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField)
    )


def clean_content(value):
    """A revision's JSON ``content`` with the controls removed from every string in it
    (also where a serialized StreamField holds them as ``\\u202e`` escapes)."""
    if isinstance(value, str):
        return ESCAPED_CONTROLS.sub("", strip_bidi_controls(value))
    if isinstance(value, dict):
        return {key: clean_content(item) for key, item in value.items()}
    if isinstance(value, list):
        return [clean_content(item) for item in value]
    return value


def strip_on_save(sender, instance, **kwargs):
    """``pre_save`` receiver: clean each in-scope text field of ``instance`` in place (and a
    revision's content)."""
    from wagtail.models import Revision

    if issubclass(sender, Revision) and instance.content:
        instance.content = clean_content(instance.content)
    for name in text_fields(sender):
        value = getattr(instance, name)
        if isinstance(value, str) and BIDI_CONTROLS.search(value):
            setattr(instance, name, strip_bidi_controls(value))


def connect_signals():
    pre_save.connect(strip_on_save, dispatch_uid="portal.bidi.strip_on_save")
