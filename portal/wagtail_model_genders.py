"""Workaround: Wagtail's success messages put a model's name in a sentence whose participle
agrees with it, and one sentence cannot know the noun's gender: French read «Don « 12 colis »
créé(e).» for every model.

``get_success_message`` of the generic create, edit and delete views and of the draft and
publishing mixin (Wagtail 8.0: every snippet and model viewset) formats one ``gettext``
sentence per action. :func:`install` (called once from ``PortalConfig.ready``) wraps those
methods: the message Wagtail wrote is recognised among ``MESSAGES`` (the same sentence
rendered the same way in the active language, never parsed) and written again from the
catalogue's form for the model's gender, ``pgettext("feminine" | "masculine", msgid)``
(«Distribution « … » créée.», «Besoin « … » créé.»). A model's gender is the catalogue's
``pgettext(GENDER, verbose_name_raw)``; without one, or without a gendered sentence (Arabic
writes «أُنشئ «…».» for every model), Wagtail's message stays. ``tests/i18n/
test_i18n_model_genders.py`` walks every model viewset and pins the Wagtail version.
Delete this module when Wagtail's messages can agree with the model's name.
"""

from django.utils.text import capfirst
from django.utils.translation import gettext, pgettext
from wagtail.admin.utils import get_latest_str
from wagtail.admin.views.generic import mixins, models

PATCHED_FOR = "8.0"  # the Wagtail release whose messages this follows
GENDER = "grammatical gender of a model's name"
GENDERS = ("feminine", "masculine")
MESSAGES = (
    "%(model_name)s '%(object)s' created.",
    "%(model_name)s '%(object)s' updated.",
    "%(model_name)s '%(object)s' deleted.",
    "%(model_name)s '%(object)s' created and published.",
    "%(model_name)s '%(object)s' updated and published.",
    "%(model_name)s '%(object)s' created and scheduled for publishing.",
    "%(model_name)s '%(object)s' has been scheduled for publishing.",
    "%(model_name)s '%(object)s' created and submitted for moderation.",
    "%(model_name)s '%(object)s' has been submitted for moderation.",
)
VIEWS = (
    models.CreateView,
    models.EditView,
    models.DeleteView,
    mixins.CreateEditViewOptionalFeaturesMixin,
)


def model_gender(model):
    """``"feminine"`` or ``"masculine"``: the grammatical gender of ``model``'s name in the
    active language, as its catalogue gives it; ``None`` when it gives none."""
    gender = pgettext(GENDER, model._meta.verbose_name_raw)
    return gender if gender in GENDERS else None


def agreeing(message, model, instance):
    """Wagtail's success ``message`` about ``instance`` of ``model``, its participles agreeing
    with the model's name in the active language (``message`` itself when nothing agrees)."""
    gender = model and model_gender(model)
    if not (gender and message and instance is not None):
        return message
    names = {capfirst(model._meta.verbose_name), model._meta.verbose_name}
    objects = {str(instance), get_latest_str(instance)}
    for msgid in MESSAGES:
        own = pgettext(gender, msgid)
        if own == msgid:
            continue
        for name in names:
            for text in objects:
                values = {"model_name": name, "object": text}
                if str(message) in (gettext(msgid) % values, capfirst(gettext(msgid) % values)):
                    return capfirst(own % values)
    return message


def _agreeing_success_message(original):
    def get_success_message(self, *args, **kwargs):
        message = original(self, *args, **kwargs)
        instance = (args[0] if args else kwargs.get("instance")) or getattr(self, "object", None)
        return agreeing(message, getattr(self, "model", None), instance)

    get_success_message.agrees = True
    return get_success_message


def install():
    """The views' success messages (idempotent)."""
    for view in VIEWS:
        method = view.__dict__["get_success_message"]
        if not getattr(method, "agrees", False):
            view.get_success_message = _agreeing_success_message(method)
