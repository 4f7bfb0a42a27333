"""The visible text of an HTML document with the language each run is marked in.

Used by the scans of issue 15: Arabic text must use the Arabic comma, and text in another
language than the page's (the organisation's Arabic name on a French page, an untranslated
partner) must carry its own ``lang`` and ``dir`` so screen readers and bidi get it right.
"""

import re
from html.parser import HTMLParser

VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr",
}  # fmt: skip
HIDDEN = {"script", "style", "template", "noscript", "title", "svg"}
ARABIC_LETTER = re.compile(r"[\u0621-\u064a\u0671-\u06d3]")
LATIN_COMMA_IN_ARABIC = re.compile(
    r"[\u0621-\u064a\u0671-\u06d3\u064b-\u0652]\s*,|,\s*[\u0621-\u064a\u0671-\u06d3]"
)


class _TextRuns(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # (tag, lang, dir, hidden)
        self.runs = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        parent_lang, parent_dir, parent_hidden = (
            self.stack[-1][1:] if self.stack else ("", "", False)
        )
        entry = (
            tag,
            attributes.get("lang", parent_lang) or parent_lang,
            attributes.get("dir", parent_dir) or parent_dir,
            parent_hidden or tag in HIDDEN or "hidden" in attributes,
        )
        if tag not in VOID:
            self.stack.append(entry)

    def handle_startendtag(self, tag, attrs):
        pass  # self-closing: no text inside

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        if not data.strip() or (self.stack and self.stack[-1][3]):
            return
        _tag, lang, direction, _hidden = self.stack[-1] if self.stack else ("", "", "", False)
        self.runs.append((data, lang.split("-")[0], direction))


def text_runs(html):
    """[(text, lang, dir)] for each visible text node: the nearest ``lang`` and ``dir``."""
    parser = _TextRuns()
    parser.feed(html)
    parser.close()
    return parser.runs


def latin_commas_in_arabic(html):
    """Arabic text runs that separate items with a Latin comma (Arabic uses '،')."""
    found = []
    for text, lang, _direction in text_runs(html):
        if lang == "ar" and LATIN_COMMA_IN_ARABIC.search(text):
            found.append(text.strip()[:80])
    # A comma between two runs ("تونس" + ", " + "<time>15 مايو"): look at the text as read.
    joined = " ".join(text for text, lang, _ in text_runs(html) if lang == "ar")
    for match in re.finditer(r"[\u0621-\u064a]\s*,\s*\S", joined):
        snippet = joined[max(match.start() - 20, 0) : match.end() + 20]
        if not any(snippet.strip()[:10] in item for item in found):
            found.append(snippet.strip())
    return found


def unmarked_arabic(html):
    """Arabic text runs whose nearest ``lang`` is not ``ar`` or ``dir`` not rtl/auto."""
    return [
        text.strip()[:80]
        for text, lang, direction in text_runs(html)
        if ARABIC_LETTER.search(text) and (lang != "ar" or direction not in ("rtl", "auto"))
    ]
