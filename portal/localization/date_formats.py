"""Date formats («yyyy-mm-dd», «dd/mm/yyyy», French «aaaa-mm-jj») in help texts, kept on one line.

A format is a Latin token in an Arabic sentence: Chromium breaks it after its hyphen,
and the Arabic import page read «yyyy-» at the end of one line and «mm-dd» on the next.
Each format is wrapped in a left-to-right element that does not wrap (Wagtail's
``w-whitespace-nowrap`` utility class), its isolating marks (⁨…⁩) left inside it.
"""

import re

from django.utils.functional import lazy
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

FORMAT = re.compile(r"\u2068?\b(?:dd/mm/yyyy|yyyy-mm-dd|YYYY-MM-DD|jj/mm/aaaa|aaaa-mm-jj)\b\u2069?")


def nowrap_date_formats(text):
    """``text`` escaped, each date format in it wrapped in ``<span dir="ltr">`` that does
    not wrap."""
    escaped = str(conditional_escape(text))
    wrapped = FORMAT.sub(
        lambda match: format_html(
            '<span dir="ltr" class="w-whitespace-nowrap">{}</span>', match.group(0)
        ),
        escaped,
    )
    return mark_safe(wrapped)  # noqa: S308 - the text escaped above, the formats by format_html


nowrap_date_formats_lazy = lazy(lambda text: nowrap_date_formats(str(text)), SafeString)
