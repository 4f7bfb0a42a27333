"""One month word and one order for dates across the site (issue 19): the admin's dates,
written by Django and Wagtail, read as the public pages' (Babel, the site's Arabic
conventions, ``PORTAL_ARABIC_LOCALE``): «15 ماي 2020», never «مايو 15, 2020» beside it."""

import datetime
import re

from django.template import Context, Template
from django.utils import translation

from portal.localization.numbers import format_day


def test_an_admin_date_and_a_public_date_name_may_alike():
    """The admin's dates (Django's formats) and the public pages' (Babel, the site's Arabic
    conventions) print the same month word, in the same order."""
    day = datetime.date(2020, 5, 15)
    with translation.override("ar"):
        admin = Template("{{ day|date:'DATE_FORMAT' }}").render(Context({"day": day}))
        public = format_day(day)
    assert admin == public == "15 ماي 2020"


def test_every_month_is_named_alike_in_the_admin_and_on_the_site():
    with translation.override("ar"):
        for month in range(1, 13):
            day = datetime.date(2020, month, 1)
            admin = Template("{{ day|date:'F' }} {{ day|date:'N' }} {{ day|date:'E' }}").render(
                Context({"day": day})
            )
            public = format_day(day, style="MMMM")
            assert admin == f"{public} {public} {public}", (month, admin, public)


def test_an_admin_moment_reads_day_first():
    moment = datetime.datetime(2020, 5, 15, 16, 5, tzinfo=datetime.UTC)
    with translation.override("ar"):
        shown = Template("{{ moment|date:'DATETIME_FORMAT' }}").render(Context({"moment": moment}))
    assert re.fullmatch(r"15 ماي 2020، \d\d:05", shown), shown
