"""Workaround: wagtail-localize's translation editor writes a block's field in lower case.

``get_segment_location_info`` (wagtail-localize 1.x) labels each string of the editor by its
field and, inside a StreamField block, its sub-field. The field and an inline child's
sub-field go through ``capfirst`` («Titre», «Légende»), a block's sub-field does not: the
editor read «Vidéo › titre», «Vidéo › transcription» beside «Titre». Our block labels are
lower case, as Django's verbose names are, for use inside sentences. :func:`install` (called
once from ``LocalizationConfig.ready``) wraps the function so that every sub-field label
starts with a capital, as the admin's own forms write them. The editor view calls it through
its module, so the wrapper is seen there. ``tests/i18n/test_i18n_editor_labels.py`` pins the
version; delete this module when wagtail-localize capitalises block labels itself.
"""

from django.utils.text import capfirst
from wagtail_localize.views import edit_translation

PATCHED_FOR = "1.14"  # the wagtail-localize release whose get_segment_location_info this follows


def capitalised(location_info):
    """``get_segment_location_info``'s ``location_info`` with its sub-field capitalised."""

    def get_segment_location_info(*args, **kwargs):
        info = location_info(*args, **kwargs)
        if isinstance(info, dict) and info.get("subField"):
            info["subField"] = capfirst(str(info["subField"]))
        return info

    get_segment_location_info.capitalises = True
    return get_segment_location_info


def install():
    """The editor's sub-field labels (idempotent)."""
    current = edit_translation.get_segment_location_info
    if not getattr(current, "capitalises", False):
        edit_translation.get_segment_location_info = capitalised(current)
