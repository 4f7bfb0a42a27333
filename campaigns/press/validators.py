"""Checks on what communications staff enter in the press room, with messages they can act on."""

import re
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from portal.localization.lists import join_values

# Coverage links open in a journalist's browser: only web addresses, never javascript:, ftp:, …
web_url_validator = URLValidator(
    schemes=["http", "https"],
    message=_("Enter a web address starting with http:// or https://."),
)

TIMECODE_RE = re.compile(r"^(\d{1,2}:)?[0-5]?\d:[0-5]\d$")


def validate_timecode(value):
    """A position in a clip: MM:SS or HH:MM:SS."""
    if value and not TIMECODE_RE.match(value):
        raise ValidationError(
            _("Enter a time in the clip as MM:SS or HH:MM:SS, e.g. 02:15."), code="timecode"
        )


def timecode_seconds(value):
    """Seconds from the start of the clip for a MM:SS or HH:MM:SS timecode (0 if empty)."""
    if not value:
        return 0
    seconds = 0
    for part in value.split(":"):
        seconds = seconds * 60 + int(part)
    return seconds


def attachment_extensions():
    return [e.lower() for e in settings.PRESS_ATTACHMENT_EXTENSIONS]


def validate_attachment(file_name, size, label):
    """Refuse a file of a type or size journalists should not be sent (press settings)."""
    if not file_name:
        return
    extension = PurePosixPath(file_name).suffix.lstrip(".").lower()
    if extension not in attachment_extensions():
        raise ValidationError(
            _("“%(name)s” is a .%(ext)s file; allowed types are: %(allowed)s."),
            code="attachment_type",
            params={
                "name": label,
                "ext": extension or "?",
                "allowed": join_values(attachment_extensions()),
            },
        )
    limit = settings.PRESS_ATTACHMENT_MAX_SIZE
    if size is not None and size > limit:
        raise ValidationError(
            _("“%(name)s” is %(size)s; the limit for attachments is %(limit)s."),
            code="attachment_size",
            params={"name": label, "size": filesizeformat(size), "limit": filesizeformat(limit)},
        )


def validate_captions_file(file_field):
    """Video captions must be a WebVTT file (what browsers read in <track>)."""
    if file_field and PurePosixPath(file_field.name).suffix.lower() != ".vtt":
        raise ValidationError(_("Captions must be a WebVTT file (.vtt)."), code="captions_type")
