"""The fixed vocabularies of the tracker: categories, units, urgencies, statuses, sources."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Category(models.TextChoices):
    FOOD = "food", _("Food")
    MEDICINE = "medicine", _("Medicine")
    HYGIENE = "hygiene", _("Hygiene")
    SCHOOL_KITS = "school_kits", _("School kits")
    CLOTHING = "clothing", _("Clothing")
    SHELTER = "shelter", _("Shelter")
    CASH = "cash", _("Cash")
    OTHER = "other", _("Other")


class Unit(models.TextChoices):
    """Units for aid in kind; a contribution toward a need uses the need's unit."""

    ITEM = "item", _("items")
    PARCEL = "parcel", _("parcels")
    KIT = "kit", _("kits")
    BOX = "box", _("boxes")
    KG = "kg", _("kg")
    LITRE = "litre", _("litres")
    BLANKET = "blanket", _("blankets")
    MEAL = "meal", _("meals")


class Urgency(models.TextChoices):
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")
    CRITICAL = "critical", _("Critical")


class NeedStatus(models.TextChoices):
    # A need's status agrees with the need (Arabic الحاجة is feminine, French besoin masculine);
    # a bare "Closed" is also the campaign's state, in other catalogues.
    OPEN = "open", pgettext_lazy("need status", "Open")
    MET = "met", pgettext_lazy("need status", "Met")
    CLOSED = "closed", pgettext_lazy("need status", "Closed")


class ContributionKind(models.TextChoices):
    CASH = "cash", _("Cash")
    IN_KIND = "in_kind", _("In kind")


class ContributionStatus(models.TextChoices):
    PLEDGED = "pledged", _("Pledged")
    RECEIVED = "received", _("Received")
    DISTRIBUTED = "distributed", _("Distributed")
    CANCELLED = "cancelled", _("Cancelled")


class Source(models.TextChoices):
    """Where an entry came from."""

    ADMIN = "admin", _("Admin")
    API = "api", _("API")
    IMPORT = "import", _("Import")
    OFFER = "offer", _("Offer")
    SYSTEM = "system", _("System")


# Status moves only forward; each status lists where it may go next.
NEED_TRANSITIONS = {
    NeedStatus.OPEN: {NeedStatus.MET, NeedStatus.CLOSED},
    NeedStatus.MET: {NeedStatus.CLOSED},
    NeedStatus.CLOSED: set(),
}
CONTRIBUTION_TRANSITIONS = {
    ContributionStatus.PLEDGED: {
        ContributionStatus.RECEIVED,
        ContributionStatus.DISTRIBUTED,
        ContributionStatus.CANCELLED,
    },
    # Goods already received are not "cancelled": they may already back a delivery.
    ContributionStatus.RECEIVED: {ContributionStatus.DISTRIBUTED},
    ContributionStatus.DISTRIBUTED: set(),
    ContributionStatus.CANCELLED: set(),
}
# Statuses whose goods or money are in the partner's hands (or already handed out).
COUNTED_AS_RECEIVED = (ContributionStatus.RECEIVED, ContributionStatus.DISTRIBUTED)
