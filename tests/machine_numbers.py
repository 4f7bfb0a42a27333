"""Find numbers written for people in places written for machines, in an HTML document.

A browser, a crawler or a script reads SVG geometry, ``style``, ``data-*``, ``srcset``,
``<time datetime>``, ``<meta content>``, JSON-LD and CSS; each wants ``39.7`` and Western
digits. Locale formatting there (``39,7``, ``٣٩``) breaks it silently: Chromium rejected every
coordinate of the Arabic and French needs chart. Used by the HTML scan and the browser suite.
"""

import json
import re
from html.parser import HTMLParser

DECIMAL_COMMA = re.compile(r"\d,\d")
LOCAL_DIGITS = re.compile(r"[\u0660-\u0669\u06f0-\u06f9]")
# Attributes that hold numbers or machine text (SVG geometry, media, time).
MACHINE_ATTRIBUTES = {
    "x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "rx", "ry", "dx", "dy",
    "width", "height", "viewbox", "d", "points", "transform", "offset",
    "stroke-width", "font-size", "opacity", "style", "datetime", "srcset", "sizes",
    "min", "max", "step", "coords", "tabindex", "colspan", "rowspan", "start",
}  # fmt: skip
# <meta> whose content is prose for people; every other <meta content> is for machines.
PROSE_META = {
    "description", "og:title", "og:description", "og:site_name", "twitter:title",
    "twitter:description", "og:image:alt", "twitter:image:alt", "author", "keywords",
}  # fmt: skip


def _machine_value_problem(value):
    if DECIMAL_COMMA.search(value):
        return "decimal comma"
    if LOCAL_DIGITS.search(value):
        return "Arabic-Indic digits"
    return None


class _Scanner(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self._script = None  # "ld+json", "css" or None
        self._buffer = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name, value in attrs:
            if value is None:
                continue
            machine = name in MACHINE_ATTRIBUTES or name.startswith("data-")
            if tag == "meta" and name == "content":
                key = attributes.get("property") or attributes.get("name") or ""
                machine = key not in PROSE_META and key != "viewport"
            if name == "value" and tag == "input" and attributes.get("type") == "number":
                machine = True
            problem = machine and _machine_value_problem(value)
            if problem:
                self.problems.append(f'<{tag} {name}="{value[:60]}">: {problem}')
        if tag == "script" and attributes.get("type") == "application/ld+json":
            self._script, self._buffer = "ld+json", []
        elif tag == "style":
            self._script, self._buffer = "css", []

    def handle_data(self, data):
        if self._script:
            self._buffer.append(data)

    def handle_endtag(self, tag):
        if self._script and tag in ("script", "style"):
            text = "".join(self._buffer)
            if self._script == "ld+json":
                self.problems.extend(json_ld_problems(text))
            else:
                problem = _machine_value_problem(text)
                if problem:
                    self.problems.append(f"<style>: {problem}")
            self._script = None


def json_ld_problems(text):
    """Problems in one JSON-LD block: unparsable, or a date/number-like string localised."""
    try:
        graph = json.loads(text)
    except ValueError as error:
        return [f"JSON-LD does not parse: {error}"]
    problems = []

    def walk(node, key=""):
        if isinstance(node, dict):
            for child_key, child in node.items():
                walk(child, child_key)
        elif isinstance(node, list):
            for child in node:
                walk(child, key)
        elif isinstance(node, str) and re.search(r"(date|time|width|height|duration)", key, re.I):
            problem = _machine_value_problem(node)
            if problem:
                problems.append(f"JSON-LD {key}={node[:40]!r}: {problem}")

    walk(graph)
    return problems


def machine_number_problems(html):
    """A list of human-readable problems (empty when every machine-read number is plain).

    :param html: a whole HTML document as text.
    """
    scanner = _Scanner()
    scanner.feed(html)
    scanner.close()
    return scanner.problems
