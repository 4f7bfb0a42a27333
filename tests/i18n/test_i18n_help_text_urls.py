"""URLs, paths and codes inside the Arabic page editors' help texts are isolated (issue 19):
Wagtail's slug help showed its example «http://domain.com/blog/[my-slug]/» reordered by the
right-to-left text around it. Generated from every page model's editor: its form's fields
(inline panels' forms included) and its panels' own help texts."""

import re

import pytest
from django.utils import translation
from wagtail.models import get_page_models

from .admin_pages import page_of

ARABIC = re.compile(r"[\u0600-\u06FF]")
# A left-to-right run holding URL or code punctuation: a URL, a slug, a path, "Asia/Amman".
LATIN_RUN = re.compile(r"[A-Za-z0-9][A-Za-z0-9 ./:\[\]\-_#?=&%]*[A-Za-z0-9\]/]")
OPENERS = ("\u2066", "\u2068")  # LRI, FSI
PDI = "\u2069"


def form_help_texts(form_class, where):
    for name, field in form_class.base_fields.items():
        if field.help_text:
            yield f"{where}.{name}", str(field.help_text)
    for name, formset in getattr(form_class, "formsets", {}).items():
        yield from form_help_texts(formset.form, f"{where}.{name}")


def panel_help_texts(panel, where):
    if getattr(panel, "help_text", None):
        yield f"{where} panel «{panel.heading}»", str(panel.help_text)
    for child in getattr(panel, "children", ()):
        yield from panel_help_texts(child, where)


def arabic_help_texts():
    with translation.override("ar"):
        texts = {}
        for model in get_page_models():
            handler = model.get_edit_handler()
            found = [
                *form_help_texts(handler.get_form_class(), model.__name__),
                *panel_help_texts(handler, model.__name__),
            ]
            for where, text in found:
                texts.setdefault(text, where)
    return [(where, text) for text, where in texts.items() if ARABIC.search(text)]


def unisolated_runs(text):
    """The URL-like left-to-right runs of ``text`` not wrapped in an isolate (FSI/LRI … PDI)."""
    runs = []
    for match in LATIN_RUN.finditer(text):
        if not re.search(r"[/:.\[]", match.group()):
            continue  # a plain word or number reads right in either direction
        before, after = text[: match.start()], text[match.end() :]
        if not (before.endswith(OPENERS) and after.startswith(PDI)):
            runs.append(match.group())
    return runs


@pytest.mark.django_db
def test_the_page_editors_have_arabic_help_texts_to_check():
    assert len(arabic_help_texts()) > 10


@pytest.mark.django_db
def test_urls_and_codes_in_arabic_help_texts_are_isolated():
    offenders = {where: unisolated_runs(text) for where, text in arabic_help_texts()}
    assert {where: runs for where, runs in offenders.items() if runs} == {}


@pytest.mark.django_db
def test_the_arabic_page_editor_shows_the_slug_example_isolated(admin_speaking, demo):
    page = page_of(admin_speaking("ar").get(f"/admin/pages/{demo['campaign'].id}/edit/"))
    assert "\u2068http://domain.com/blog/[my-slug]/\u2069" in page
