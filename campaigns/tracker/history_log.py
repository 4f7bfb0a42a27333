"""Tracker history lines in Wagtail's own History tab (beside ``EntryChange``)."""

from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter

ACTIONS = {
    "created": _("Recorded"),
    "edited": _("Edited"),
    "status": _("Status changed"),
    "confirmed": _("Confirmed by a second person"),
    "override": _("Allowed beyond what was received"),
    "deleted": _("Deleted"),
}


def _describe(changes):
    parts = []
    for field, pair in (changes or {}).items():
        if isinstance(pair, list) and len(pair) == 2:
            parts.append(f"{field}: {pair[0] if pair[0] is not None else '–'} → {pair[1]}")
    return "; ".join(parts)


def register_tracker_log_actions(actions):
    """The tracker's history actions, and its scoped log table for entries and offers."""
    from .models.log import ScopedLogEntry, scoped_models

    for model in scoped_models():
        actions.register_model(model, ScopedLogEntry)
    for action, label in ACTIONS.items():

        class Formatter(LogFormatter):
            def format_message(self, log_entry, label=label):
                detail = _describe(log_entry.data.get("changes"))
                note = log_entry.data.get("note") or ""
                return " — ".join(str(part) for part in (label, detail, note) if part)

        Formatter.label = label
        actions.register_action(f"tracker.{action}")(Formatter)
