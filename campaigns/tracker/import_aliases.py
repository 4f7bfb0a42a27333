"""What an import file may call its columns and write in its cells, in any of the portal's
languages: the same words the admin's exports write.

The admin's listings export needs, contributions and deliveries with headings, region names
and choice labels in the reader's language (``list_export`` and ``export_headings`` of the
snippet viewsets in ``wagtail_hooks``, cells through ``portal.readable_exports``). So that such
a file imports back, whatever language it was downloaded in:

- a column may be headed by its import name (``category``), by the heading the export writes
  for it in Arabic, French or English (``الصنف``, ``Catégorie``), or by its field's name
  (``الفئة``). Those headings are read from the viewsets and the models with each language
  active, never listed by hand: a field added to an export is read back by itself. An
  exported field is read as the import column of the same name (``get_X_display`` as ``X``,
  ``need`` as ``need_id``, ``pk`` as ``id``: a contribution's or delivery's id skips its
  row, ``imports``); the others (a need's ``pk`` and ``status``…) are ignored;
- a choice cell (category, unit, urgency, kind, status) may hold the stored code or the
  label in any language;
- headings and values are compared folded (``search.text.normalise``: case, accents, hamza
  and alef variants, final haa, tatweel, Arabic-Indic digits), so ``اريانه`` is ``أريانة``;
  headings also without a leading «ال» (``heading_key``): «حملة» is «الحملة».
"""

import re
from functools import cache

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from wagtail.admin.views.mixins import SpreadsheetExportMixin

from portal.localization.lists import join_values
from search.text import normalise

from .import_columns import COLUMNS, KINDS
from .models import Contribution, Delivery, Need, Region

MODELS = {"needs": Need, "contributions": Contribution, "deliveries": Delivery}
DISPLAY = re.compile(r"get_(\w+)_display")
# An exported field read as an import column of another name.
RENAMED = {"need": "need_id", "pk": "id"}
# A text cell the export protected from being run as a formula (``portal.spreadsheets``).
NEUTRALISED = re.compile(r"'(?=[=+\-@\t\r])")


def fold(text):
    """``text`` as headings and values are compared: folded, spaces collapsed."""
    return " ".join(normalise(str(text)).split())


ARTICLE = re.compile(r"^ال(?=\S{2})")


def heading_key(text):
    """A heading as headings are compared: folded, without a leading Arabic article, so a
    file headed «حملة» (as the admin wrote the campaign column before it said «الحملة») still
    imports."""
    return ARTICLE.sub("", fold(text))


def languages():
    return [code for code, _name in settings.LANGUAGES]


def model_field(model, column):
    name = {v: k for k, v in RENAMED.items()}.get(column, column)
    if name == "pk":
        return model._meta.pk
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def exported(model):
    """``[(field, column)]``: the model's export fields, each with the import column it is
    read as (``None``: not imported), and the viewset's ``export_headings``."""

    viewset = model.snippet_viewset
    kind = KINDS[list(MODELS.values()).index(model)]
    columns = COLUMNS[kind]["required"] + COLUMNS[kind]["optional"]
    pairs = []
    for field in viewset.list_export:
        match = DISPLAY.fullmatch(field)
        name = RENAMED.get(match.group(1) if match else field, match.group(1) if match else field)
        pairs.append((field, name if name in columns else None))
    return pairs, viewset.export_headings


def export_heading(model, field, headings):
    """The heading the admin's export writes for ``field``, in the active language."""
    exporter = SpreadsheetExportMixin()
    exporter.export_headings = headings
    return exporter.get_heading(model.objects.none(), field)


def column_label(kind, column):
    """What the export (else the field's name) calls ``column``, in the active language."""
    model = MODELS[kind]
    pairs, headings = exported(model)
    for field, name in pairs:
        if name == column:
            return export_heading(model, field, headings)
    field = model_field(model, column)
    return capfirst(str(field.verbose_name)) if field is not None else column


@cache
def header_aliases(kind):
    """``{folded heading: column}`` for every heading ``kind``'s import reads."""

    model = MODELS[kind]
    columns = COLUMNS[kind]["required"] + COLUMNS[kind]["optional"]
    aliases = {heading_key(column): column for column in columns}
    pairs, headings = exported(model)
    for language in languages():
        with translation.override(language):
            for field, column in pairs:
                if column:
                    aliases.setdefault(heading_key(export_heading(model, field, headings)), column)
            for column in columns:
                field = model_field(model, column)
                if field is not None:
                    aliases.setdefault(heading_key(field.verbose_name), column)
    return aliases


def map_header(kind, header):
    """The import column of each heading of ``header`` (a list), in order; a heading that is
    no column (or a column already read from an earlier one) keeps a name of its own."""
    aliases, seen, names = header_aliases(kind), set(), []
    for position, heading in enumerate(header):
        column = aliases.get(heading_key(heading))
        if column and column not in seen:
            seen.add(column)
            names.append(column)
        else:
            names.append(f"{position}:{heading}")
    return names


def choice_columns(kind):
    """``{column: model field}`` for ``kind``'s import columns that take a choice."""

    model = MODELS[kind]
    fields = {
        c: model_field(model, c) for c in COLUMNS[kind]["required"] + COLUMNS[kind]["optional"]
    }
    return {c: f for c, f in fields.items() if f is not None and f.choices}


@cache
def choice_aliases(kind, column):
    """``{folded code or label: code}`` for a choice column, labels in every language."""
    field = choice_columns(kind)[column]
    aliases = {}
    for language in languages():
        with translation.override(language):
            for code, label in field.choices:
                aliases.setdefault(fold(code), code)
                aliases.setdefault(fold(label), code)
    return aliases


def choices_text(kind, column):
    """The valid values of a choice column as a reader writes them, in the active language."""
    field = choice_columns(kind)[column]
    return join_values(f"{label} ({code})" for code, label in field.choices)


def read_choices(kind, row, errors, headings=None):
    """Replace each choice cell of ``row`` by its code; an unknown value goes to ``errors``
    (``{column: [message]}``) with the valid values, and its cell is emptied. The message
    names the column as the file heads it (``headings``: ``{column: heading}``), else by
    its label in the active language."""
    for column in choice_columns(kind):
        value = row.get(column)
        if not value:
            continue
        code = choice_aliases(kind, column).get(fold(value))
        if code is None:
            errors[column] = [
                _(
                    "“%(value)s” is not a value of the column “%(column)s”. Possible values: "
                    "%(choices)s."
                )
                % {
                    "value": value,
                    "column": (headings or {}).get(column) or column_label(kind, column),
                    "choices": choices_text(kind, column),
                }
            ]
            row[column] = ""
        else:
            row[column] = code
    return row


def clean_cell(value):
    """A cell's text without the ``'`` an export puts before text that starts like a formula."""
    return value[1:] if NEUTRALISED.match(value) else value


class Regions:
    """Regions found by code or by name in any language (folded): ``TN-12``, ``أريانة``,
    ``اريانه``, ``Ariana``; within a campaign's country when it is known."""

    def __init__(self):
        self.all = list(Region.objects.all())
        self.by_word = {}
        for region in self.all:
            words = {fold(w) for w in (region.code, region.name_ar, region.name_fr, region.name_en)}
            for word in words - {""}:
                self.by_word.setdefault(word, []).append(region)

    def find(self, value, country=None):
        """The one region ``value`` names (in ``country`` if given), else ``None``."""
        found = self.by_word.get(fold(value), [])
        if country:
            found = [r for r in found if r.country == country]
        return found[0] if len(found) == 1 else None


def column_guide(kind):
    """``[(column, heading, required, values)]`` for the import page, in the active language:
    each column's import name, the heading the export writes for it, and the values a choice
    column takes (``""`` for the others)."""

    choices = choice_columns(kind)
    return [
        (column, column_label(kind, column), column in COLUMNS[kind]["required"],
         join_values(label for _code, label in choices[column].choices)
         if column in choices else "")
        for column in COLUMNS[kind]["required"] + COLUMNS[kind]["optional"]
    ]  # fmt: skip
