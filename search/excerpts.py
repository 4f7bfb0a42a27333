"""Highlighted excerpts: a passage of the result's own text with the visitor's words marked.

Matching is done on the normalised text (so "الحمله" marks "الحملة", "education" marks
"éducation"), and the marks are placed on the original characters.
"""

import re
from itertools import chain

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from modelsearch.index import SearchField

from .text import normalise_with_map, query_terms

EXCERPT_LENGTH = 220
SCANNED_LENGTH = 3000  # look for the visitor's words in the first few paragraphs only
SPACE = re.compile(r"\s+")


def _flatten(value):
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return " ".join(_flatten(v) for v in value)
    return str(value)


def indexed_text(obj):
    """The text the search indexed for ``obj``, apart from its title, as plain text."""
    parts = [getattr(obj, "search_description", "") or ""]
    for search_field in obj.get_search_fields():
        if isinstance(search_field, SearchField) and search_field.field_name != "title":
            parts.append(_flatten(search_field.get_value(obj)))
    return SPACE.sub(" ", strip_tags(" ".join(parts))).strip()


def _match_spans(text, terms):
    """(start, end) spans of the original text whose words start with a query term, in
    order, found only as far as they are read."""
    folded, positions = normalise_with_map(text)
    stems = [(term, re.sub(r"^(?:ال)", "", term)[:4] or term) for term in terms]
    for match in re.finditer(r"\w+", folded):
        word = match.group()
        # A word matches a term when one starts with the other's first 4 letters (light stemming:
        # "المساعدات" ~ "مساعدة"), ignoring the Arabic article and conjunctions before it.
        bare = re.sub(r"^(?:و|ف|ب|ل|ك)?(?:ال)?", "", word) or word
        for term, stem in stems:
            if word.startswith(term) or bare.startswith(stem):
                yield positions[match.start()], positions[match.end() - 1] + 1
                break


def highlight(text, query, length=EXCERPT_LENGTH):
    """An escaped passage of ``text`` around the first match, matches wrapped in <mark>."""
    if not text:
        return ""
    spans = _match_spans(text, query_terms(query))
    first = next(spans, None)
    begin = 0
    if first and first[0] > length // 3:
        begin = text.rfind(" ", 0, first[0] - length // 3) + 1
    end = min(len(text), begin + length)
    if end < len(text):
        end = text.rfind(" ", begin, end) if text.rfind(" ", begin, end) > begin else end
    pieces = ["…"] if begin > 0 else []
    cursor = begin
    for start, stop in chain([first], spans) if first else ():
        if start >= end:
            break  # the rest lies beyond the excerpt
        if start < cursor or stop > end:
            continue
        pieces.append(escape(text[cursor:start]))
        pieces.append(f"<mark>{escape(text[start:stop])}</mark>")
        cursor = stop
    pieces.append(escape(text[cursor:end]))
    if end < len(text):
        pieces.append("…")
    return mark_safe("".join(pieces))  # noqa: S308 - every piece of text is escaped above


def excerpt_for(obj, query, entry=None):
    text = entry.excerpt(obj) if entry is not None and entry.excerpt else indexed_text(obj)
    return highlight(text[:SCANNED_LENGTH], query)
