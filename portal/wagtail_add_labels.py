"""Workaround: Wagtail names its "Add …" buttons by putting a model's name in a sentence.

``IndexView.add_item_label`` (Wagtail 8.0, every snippet and model viewset's listing) is
``_("Add %(model_name)s") % {"model_name": verbose_name}``: Arabic read «إضافة الاحتياج»
(a model's name, written for headings and "this %(model_name)s", carries the article; the
button wants «إضافة احتياج») and French «Ajouter un(e) besoin» (one sentence cannot know
the noun's gender). :func:`install` (called once from ``PortalConfig.ready``) asks the
catalogue first for the model's own button, ``"Add " + verbose_name_raw`` ("Add need" →
«إضافة احتياج», «Ajouter un besoin»), and falls back to Wagtail's sentence.
``tests/i18n/test_i18n_add_buttons.py`` walks every registered model viewset, so a new
model without its button in a catalogue fails there.

The create form's heading and breadcrumb, ``_("New: %(model_name)s")`` (``CreateView``),
read «جديد: الاحتياج» and «Nouvel(le) : besoin» the same way: :func:`new_label` asks the
catalogue for ``"New " + verbose_name_raw`` («احتياج جديد», «Nouveau besoin»).
"""

from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext
from wagtail.admin.views.generic.models import CreateView, IndexView

PATCHED_FOR = "8.0"  # the Wagtail release this replacement was written against


def add_label(model):
    """The "Add …" button of ``model``'s listing, in the active language."""
    own = f"Add {model._meta.verbose_name_raw}"
    label = gettext(own)  # the catalogues' "Add need", "Add region", …
    if label == own:
        label = gettext("Add %(model_name)s") % {"model_name": model._meta.verbose_name}
    return capfirst(label)


def _add_item_label(self):
    if self.model:
        return add_label(self.model)
    return gettext("Add")


def new_label(model):
    """The heading of ``model``'s create form in the active language: the catalogues'
    "New need" («احتياج جديد», «Nouveau besoin»), else Wagtail's ``New: %(model_name)s``
    (which our catalogues word without an article: «عنصر جديد: …», «Nouvel élément : …»)."""
    own = f"New {model._meta.verbose_name_raw}"
    label = gettext(own)
    if label == own:
        label = gettext("New: %(model_name)s") % {"model_name": model._meta.verbose_name}
    return capfirst(label)


def _create_breadcrumbs(original):
    def get_breadcrumbs_items(self):
        items = original(self)
        if self.model and items and not items[-1].get("url"):
            items[-1] = {**items[-1], "label": new_label(self.model)}
        return items

    return get_breadcrumbs_items


def _create_header_title(self):
    if self.model and not self.page_subtitle:
        return new_label(self.model)
    return super(CreateView, self).get_header_title()


def install():
    """The listings' button label and the create forms' heading (idempotent)."""
    if getattr(IndexView, "names_add_buttons", False):
        return
    prop = cached_property(_add_item_label)
    prop.__set_name__(IndexView, "add_item_label")
    IndexView.add_item_label = prop
    IndexView.names_add_buttons = True
    CreateView.get_breadcrumbs_items = _create_breadcrumbs(CreateView.get_breadcrumbs_items)
    CreateView.get_header_title = _create_header_title


def inline_add_label(bound_panel):
    """An InlinePanel's "Add …" button: the child model's own phrase in the catalogues
    ("Add speaker" → «إضافة متدخل», «Ajouter un intervenant»), else Wagtail's
    ``Add %(label)s`` with the panel's label (which read «إضافة المتدخلون», «Ajouter un(e)
    Intervenants»). Used by templates/wagtailadmin/panels/inline_panel.html."""
    model = bound_panel.panel.db_field.related_model
    own = f"Add {model._meta.verbose_name_raw}"
    label = gettext(own)
    if label == own:
        label = gettext("Add %(label)s") % {"label": bound_panel.label}
    return capfirst(label)
