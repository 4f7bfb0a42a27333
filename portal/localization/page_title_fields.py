"""The admin's columns and choices of campaigns and partners, each named by its title in the
reader's language (the rule: ``page_titles.reader_titles``), one query per table or choice."""

from django import forms
from django.utils.text import capfirst
from wagtail.admin.ui.tables import Column

from .page_titles import reader_title, reader_titles


class ReaderTitleColumn(Column):
    """A listing column of a page foreign key (``campaign``, ``partner``) or of a
    translatable snippet with a title (``need``) showing each one's title in the reader's
    language; the titles of the whole table in one query."""

    def get_cell_context_data(self, instance, parent_context):
        table = parent_context["table"]
        memo = table.__dict__.setdefault("reader_titles", {})
        if self.name not in memo:
            pages = [multi_get(row, self.accessor) for row in table.data]
            memo[self.name] = reader_titles(pages)
        context = super().get_cell_context_data(instance, parent_context)
        page = self.get_value(instance)
        if page is not None:
            context["value"] = memo[self.name].get(page.pk, page.title)
        return context


def multi_get(instance, accessor):
    for part in accessor.split("."):
        instance = getattr(instance, part, None)
    return instance


class ReaderTitleLabelsMixin:
    """For a ``ModelChoiceField`` of pages (campaigns, partners): each labelled by its title
    in the reader's language, all in one query."""

    def label_from_instance(self, obj):
        if getattr(self, "_titles_of", None) is not self.queryset:
            self._titles_of, self._titles = self.queryset, reader_titles(self.queryset)
        return self._titles.get(obj.pk) or reader_title(obj)


class ReaderTitleChoiceField(ReaderTitleLabelsMixin, forms.ModelChoiceField):
    """A form's choice of a campaign or a partner, named in the reader's language."""


def page_column(model, name):
    """``model``'s column of the page foreign key ``name`` (a campaign, a partner) or of a
    translatable snippet's (a need), headed by the field's own name, each named in the
    reader's language."""
    label = capfirst(model._meta.get_field(name).verbose_name)
    return ReaderTitleColumn(name, label=label, sort_key=name)
