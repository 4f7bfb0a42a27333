"""A campaign's local conventions, active while its pages, feeds, e-mails and exports render.

A campaign in Jordan writes «15 أيار 2020» with Arabic-Indic digits and amounts in JOD
(«د.أ.»), and its day turns at midnight Amman time; one in Morocco writes «15 ماي 2020»
with Western digits, in MAD. ``Conventions`` carries those choices; ``activate()`` makes
them the ones ``portal.localization.numbers`` (``|number``, ``|money``, ``|day``) uses on
Arabic text for the duration of a ``with`` block (a context variable, so it is per request
and per thread). Outside any campaign the site's defaults apply: ``PORTAL_ARABIC_LOCALE``
(``ar_TN``) and ``PORTAL_DIGIT_STYLE``.

French and English text keeps its own locale and Western digits: the conventions are the
country's Arabic ones (CLDR has no ``fr_JO``).
"""

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

DIGIT_STYLES = ("latn", "arab")


@dataclass(frozen=True)
class Conventions:
    """What a country's (or a campaign's) figures, dates and days look like.

    ``locale``: a CLDR locale name for Arabic text (``ar_JO``), through Babel;
    ``digits``: ``"latn"`` (0-9) or ``"arab"`` (٠-٩) for Arabic text;
    ``currency``: ISO 4217 code (``JOD``); ``time_zone``: IANA name (``Asia/Amman``);
    ``country``: ISO 3166-1 alpha-2 code, or ``""``.
    """

    locale: str
    digits: str
    currency: str
    time_zone: str
    country: str = ""


_active = ContextVar("portal_conventions", default=None)


def active():
    """The conventions in force (a ``Conventions``), or None outside any campaign."""
    return _active.get()


@contextmanager
def activate(conventions):
    """Use ``conventions`` (a ``Conventions``, or None for the site's) inside the block."""
    token = _active.set(conventions)
    try:
        yield conventions
    finally:
        _active.reset(token)


def of(obj):
    """The conventions an object carries: a ``Conventions``, or anything with a
    ``conventions`` attribute (a campaign, an appeal, a need); None otherwise."""
    if obj is None or isinstance(obj, Conventions):
        return obj
    try:
        value = getattr(obj, "conventions", None)
    except Exception:  # noqa: BLE001 - a broken relation must not break a page
        return None
    return value if isinstance(value, Conventions) else None
