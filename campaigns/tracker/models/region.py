"""A country's administrative regions (Tunisia's 24 governorates ship as data)."""

from django.contrib.admin.decorators import display
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from campaigns.countries import sorted_country_choices
from portal.localization.typed_codes import WesternDigitsCharField


class Region(models.Model):
    """An administrative region where needs arise and aid is delivered.

    Names are stored in the three languages side by side, so a region is one row whatever
    the number of locales (figures per region count once).
    """

    country = models.CharField(_("country"), max_length=2, choices=sorted_country_choices)
    code = WesternDigitsCharField(
        _("code"),
        max_length=10,
        unique=True,
        # Django's generic message names the model and the field («région avec ce champ code»).
        error_messages={"unique": _("A region with this code already exists.")},
        help_text=_("ISO 3166-2 code when there is one, e.g. TN-42 for Kasserine."),
    )
    name_ar = models.CharField(_("name in Arabic"), max_length=100)
    name_fr = models.CharField(_("name in French"), max_length=100)
    name_en = models.CharField(_("name in English"), max_length=100)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["country", "sort_order", "code"]

    def __str__(self):
        return self.name

    def name_in(self, language):
        return getattr(self, f"name_{language}", "") or self.name_ar

    @property
    @display(description=_("Name"))
    def name(self):
        """The region's name in the active language (Arabic when none is set)."""
        return self.name_in((get_language() or "ar").split("-")[0])
