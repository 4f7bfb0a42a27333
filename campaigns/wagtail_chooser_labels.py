"""Workaround: Wagtail's chooser labels are translated once, at import, in the site's language.

Wagtail 8.0.1 translates ``ChooserViewSet``'s labels with the non-lazy ``gettext``
(``wagtail/admin/viewsets/chooser.py``: "Choose", "Choose another", "Edit", "Search",
"Create"), and ``AdminSnippetChooser.__init__`` formats "Choose %(object)s" with ``%``,
which turns even a lazy string into a plain one. Both run once per process, in the language
active then (Arabic, the site's): the French admin's region chooser read «اختر الجهة» on its
button and «اختر région» on its modal. Here the same labels are lazy, so each request gets
its user's language. Tested by
``tests/countries/test_countries_admin.py::test_the_region_chooser_speaks_the_users_language_only``.

Delete when Wagtail's chooser viewset and snippet widget translate lazily (check the import
line of ``wagtail/admin/viewsets/chooser.py`` on upgrade).
"""

from django.utils.functional import lazy
from django.utils.translation import gettext, gettext_lazy
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.widgets import AdminSnippetChooser


def _about(message, model):
    """``message`` ("Choose %(object)s") about ``model``, translated when shown."""
    return lazy(lambda: gettext(message) % {"object": model._meta.verbose_name}, str)()


class LazySnippetChooser(AdminSnippetChooser):
    """Wagtail's snippet chooser widget whose button labels follow the request's language."""

    def __init__(self, model=None, **kwargs):
        super().__init__(model, **kwargs)
        model = self.model
        self.choose_one_text = kwargs.get("choose_one_text") or _about("Choose %(object)s", model)
        self.choose_another_text = kwargs.get("choose_another_text") or _about(
            "Choose another %(object)s", model
        )
        self.link_to_chosen_text = kwargs.get("link_to_chosen_text") or _about(
            "Edit this %(object)s", model
        )


class LazyLabelsChooserViewSet(SnippetChooserViewSet):
    """A snippet chooser (modal and widget) whose labels follow the request's language."""

    choose_one_text = gettext_lazy("Choose")
    choose_another_text = gettext_lazy("Choose another")
    edit_item_text = gettext_lazy("Edit")
    search_tab_label = gettext_lazy("Search")
    create_action_label = gettext_lazy("Create")
    base_widget_class = LazySnippetChooser
