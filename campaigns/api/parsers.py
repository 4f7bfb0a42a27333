"""The tracker API's one body format: JSON whose text can be stored and echoed back.

JSON may spell a NUL byte (``\\u0000``) or half of a surrogate pair (``\\ud800``) in a string.
Neither is text: PostgreSQL refuses to store or even compare a NUL, and an error message that
quotes an unpaired surrogate cannot be encoded as UTF-8. Such a body is refused here, with a
``400`` naming each field that holds one, before any serializer or query sees it.

Nor is a body nested deeper than ``MAX_DEPTH`` arrays or objects: no write takes more than a
few levels, and a few kilobytes of ``[[[[…]]]]`` would otherwise exhaust Python's recursion
limit (a ``500``) in the decoder or in any code that walks the data.
"""

from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ValidationError
from rest_framework.parsers import JSONParser

MAX_DEPTH = 32
TOO_DEEP = _("The body nests arrays or objects more than %(depth)d levels deep.")
BAD_TEXT = _("Text cannot contain a NUL character or an unpaired surrogate (U+D800 to U+DFFF).")


def is_bad_text(text):
    return "\x00" in text or any("\ud800" <= char <= "\udfff" for char in text)


def holds_bad_text(value):
    if isinstance(value, str):
        return is_bad_text(value)
    if isinstance(value, dict):
        return any(is_bad_text(k) or holds_bad_text(v) for k, v in value.items())
    if isinstance(value, list):
        return any(holds_bad_text(item) for item in value)
    return False


def nesting_depth(value, limit=MAX_DEPTH):
    """How many arrays/objects deep ``value`` goes (a scalar is 0, ``[]`` is 1), counted level
    by level without recursion; counting stops one level past ``limit``."""
    depth = 0
    level = [value] if isinstance(value, dict | list) else []
    while level and depth <= limit:
        depth += 1
        level = [
            item
            for container in level
            for item in (container.values() if isinstance(container, dict) else container)
            if isinstance(item, dict | list)
        ]
    return depth


class TextJSONParser(JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        too_deep = ValidationError({"non_field_errors": [TOO_DEEP % {"depth": MAX_DEPTH}]})
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise too_deep from None
        if nesting_depth(data) > MAX_DEPTH:
            raise too_deep
        if not holds_bad_text(data):
            return data
        if not isinstance(data, dict):
            raise ValidationError({"non_field_errors": [BAD_TEXT]})
        # A field whose very name is bad cannot be named back: the body as a whole is refused.
        errors = {
            "non_field_errors" if is_bad_text(name) else name: [BAD_TEXT]
            for name, value in data.items()
            if is_bad_text(name) or holds_bad_text(value)
        }
        raise ValidationError(errors)
