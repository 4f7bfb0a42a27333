"""The errors the tracker's services raise, each naming the field at fault.

* ``TrackerValidationError`` (a Django ``ValidationError``): the input is wrong. Its
  ``message_dict`` maps each bad field to its messages, so a form shows them next to the
  fields and the API answers ``400`` with ``{"field": ["message", ...]}``.
* ``TrackerPermissionDenied`` (a Django ``PermissionDenied``): the acting user may not
  touch this partner's entries (API: ``403``). ``field`` names the field that points at the
  other partner (usually ``partner``).
"""

from django.core.exceptions import PermissionDenied, ValidationError


class TrackerValidationError(ValidationError):
    """Bad input; always a dict of field → messages (``message_dict``)."""

    def __init__(self, errors):
        super().__init__(errors)

    def as_json(self):
        """``{"field": ["message", ...]}`` with plain strings, ready for a JSON body."""
        return {field: [str(m) for m in messages] for field, messages in self.message_dict.items()}


class TrackerPermissionDenied(PermissionDenied):
    """The acting user may not write or see this entry (another partner's)."""

    def __init__(self, message, field="partner"):
        super().__init__(message)
        self.field = field
        self.message = message

    def as_json(self):
        return {self.field: [str(self.message)]}


class Errors:
    """Collects field errors so one call reports every bad field at once."""

    def __init__(self):
        self.by_field = {}

    def add(self, field, message, code=None):
        self.by_field.setdefault(field, []).append(ValidationError(message, code=code))

    def __contains__(self, field):
        return field in self.by_field

    def __bool__(self):
        return bool(self.by_field)

    def raise_if_any(self):
        if self.by_field:
            raise TrackerValidationError(self.by_field)
