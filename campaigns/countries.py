"""The Arab League's member states, the countries a campaign can run in (ISO 3166-1 alpha-2)."""

from django.utils.translation import gettext_lazy as _

COUNTRY_CHOICES = [
    ("DZ", _("Algeria")),
    ("BH", _("Bahrain")),
    ("KM", _("Comoros")),
    ("DJ", _("Djibouti")),
    ("EG", _("Egypt")),
    ("IQ", _("Iraq")),
    ("JO", _("Jordan")),
    ("KW", _("Kuwait")),
    ("LB", _("Lebanon")),
    ("LY", _("Libya")),
    ("MR", _("Mauritania")),
    ("MA", _("Morocco")),
    ("OM", _("Oman")),
    ("PS", _("Palestine")),
    ("QA", _("Qatar")),
    ("SA", _("Saudi Arabia")),
    ("SO", _("Somalia")),
    ("SD", _("Sudan")),
    ("SY", _("Syria")),
    ("TN", _("Tunisia")),
    ("AE", _("United Arab Emirates")),
    ("YE", _("Yemen")),
]
