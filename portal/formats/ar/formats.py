"""Dates people type in the Arabic admin and forms: ISO first (what the date pickers write and
what fields show), then day first as Arabic readers write it (31/12/2026; Arabic-Indic digits
are read by portal.localization.digits). Django's Arabic locale defines no input formats, so
a day-first date was refused. Month-first dates are never read."""

DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"]
DATETIME_INPUT_FORMATS = [
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y",
]

# Dates shown in the admin (Wagtail's history, listings' tooltips) in the order and words of
# the public pages' ``format_day`` («15 ماي 2020»): Django's Arabic locale has «15 ماي، 2020»
# and no date-time format at all, so it fell back to the American «ماي 15, 2020, 4:05 م.».
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y، H:i"
SHORT_DATETIME_FORMAT = "j/n/Y، H:i"
