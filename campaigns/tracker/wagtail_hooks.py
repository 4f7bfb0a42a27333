"""The tracker in Wagtail's admin: needs, contributions, deliveries, regions, memberships.

Partner staff see and change only their organisation's entries — in listings, filters,
edit views, exports and choosers; staff (``tracker.manage_all_partners``) see all.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from campaigns.admin_widgets import PartnerPageChooser
from portal.localization.page_title_fields import page_column

from . import services
from .admin_bulk import BULK_ACTIONS
from .admin_entry_views import (
    ContributionCreateView,
    ContributionEditView,
    DeliveryCreateView,
    DeliveryEditView,
    NeedCreateView,
    NeedEditView,
)
from .admin_filters import ContributionFilterSet, DeliveryFilterSet, NeedFilterSet
from .admin_forms import ContributionForm, DeliveryForm, NeedForm
from .admin_import import TrackerImportViewSet
from .admin_regions import RegionChooserViewSet, RegionIndexView, region_chooser
from .admin_views import (
    FoldedIndexView,
    NeedIndexView,
    ScopedChooserViewSet,
    ScopedDeleteView,
    ScopedHistoryView,
    ScopedIndexView,
    ScopedInspectView,
    ScopedUsageView,
    TrackerEntryPolicy,
)
from .dashboard import TrackerDashboardPanel
from .history_log import register_tracker_log_actions
from .models import Contribution, Delivery, Need, PartnerMembership, Region
from .report_menu import drop_refused_items, offer_openable_reports

for _model in (Need, Contribution, Delivery):
    register_permission_policy(_model, TrackerEntryPolicy(_model))

for _action in BULK_ACTIONS:  # after Wagtail's own (order 0), so they replace them
    hooks.register("register_bulk_action", _action, order=1)


class ScopedEntryViewSet(SnippetViewSet):
    index_view_class = ScopedIndexView
    inspect_view_class = ScopedInspectView
    history_view_class = ScopedHistoryView
    usage_view_class = ScopedUsageView
    delete_view_class = ScopedDeleteView
    chooser_viewset_class = ScopedChooserViewSet
    inspect_view_enabled = True
    copy_view_enabled = False
    list_per_page = 50
    related = ()

    def get_queryset(self, request):
        queryset = self.model.objects.select_related(*self.related)
        return services.scope_queryset(queryset, request.user)


class NeedViewSet(ScopedEntryViewSet):
    model = Need
    icon = "list-ul"
    menu_label = _("Needs")
    index_view_class = NeedIndexView
    add_view_class = NeedCreateView
    edit_view_class = NeedEditView
    filterset_class = NeedFilterSet
    related = ("partner", "region", "locale")
    list_display = [
        "title",
        page_column(Need, "partner"),
        "region",
        "category",
        "target_display",
        "urgency",
        "deadline",
        "status",
        Column("locale", label=_("Language")),
    ]
    search_fields = ["title", "description"]
    list_export = [
        "pk",
        "title",
        "campaign",
        "partner",
        "get_category_display",
        "region",
        "quantity",
        "unit",
        "currency",
        "get_urgency_display",
        "deadline",
        "get_status_display",
        "locale",
        "updated_at",
    ]
    export_headings = {
        "pk": _("Id"),
        "get_category_display": _("Category"),
        "get_urgency_display": _("Urgency"),
        "get_status_display": _("Status"),
        # Wagtail's own word for a locale is «Région» in French: the column was headed like
        # the region's, and read as it by the import.
        "locale": _("Language"),
    }
    export_filename = "needs"
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("campaign"),
                    FieldPanel("partner"),
                    FieldPanel("region", widget=region_chooser("campaign")),
                ],
                heading=_("Who and where"),
            ),
            MultiFieldPanel(
                [FieldPanel("title"), FieldPanel("description"), FieldPanel("category")],
                heading=_("What is needed"),
                help_text=_("The title and description are shown in public and translated."),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel(
                        [FieldPanel("quantity"), FieldPanel("unit"), FieldPanel("currency")]
                    ),
                    FieldRowPanel(
                        [FieldPanel("urgency"), FieldPanel("deadline"), FieldPanel("status")]
                    ),
                ],
                heading=_("How much, by when"),
                help_text=_(
                    "Goods: a quantity and a unit. Money (category Cash): the amount in "
                    "'quantity' and an ISO 4217 currency such as TND."
                ),
            ),
        ],
        base_form_class=NeedForm,
    )


class ContributionViewSet(ScopedEntryViewSet):
    model = Contribution
    icon = "success"
    menu_label = _("Contributions")
    add_view_class = ContributionCreateView
    edit_view_class = ContributionEditView
    filterset_class = ContributionFilterSet
    related = ("partner", "need", "campaign")
    list_display = [
        "__str__",
        "reference",
        page_column(Contribution, "partner"),
        page_column(Contribution, "need"),
        "value_display",
        "status",
        "source",
        "updated_at",
    ]
    search_fields = ["reference", "donor_name", "need__title"]
    list_export = [
        "pk",
        "campaign",
        "partner",
        "need",
        "get_kind_display",
        "amount",
        "currency",
        "quantity",
        "unit",
        "get_status_display",
        "pledged_at",
        "received_at",
        "distributed_at",
        "cancelled_at",
        "public_donor_name",
        "reference",
        "source",
        "created_at",
    ]
    export_headings = {
        "pk": _("Id"),
        "get_kind_display": _("Kind"),
        "get_status_display": _("Status"),
        "public_donor_name": _("Public donor name"),
    }
    export_filename = "contributions"
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [FieldPanel("campaign"), FieldPanel("partner"), FieldPanel("need")],
                heading=_("Toward"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("kind"),
                    FieldRowPanel([FieldPanel("amount"), FieldPanel("currency")]),
                    FieldRowPanel([FieldPanel("quantity"), FieldPanel("unit")]),
                    FieldPanel("status"),
                ],
                heading=_("The gift"),
                help_text=_(
                    "Money: amount and currency (TND by default, at most 3 decimals). Goods: "
                    "quantity and unit. The status only moves forward: pledged → received → "
                    "distributed, or cancelled."
                ),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("donor_name"),
                    FieldPanel("donor_name_public"),
                    # A phone number or an e-mail as often as an Arabic address: the text
                    # takes the direction of its first letter (a bare phone number reads LTR).
                    FieldPanel(
                        "donor_contact", widget=forms.Textarea(attrs={"dir": "auto", "rows": 3})
                    ),
                ],
                heading=_("Donor"),
            ),
            MultiFieldPanel(
                [FieldPanel("reference"), FieldPanel("note")], heading=_("Your records")
            ),
        ],
        base_form_class=ContributionForm,
    )


class DeliveryViewSet(ScopedEntryViewSet):
    model = Delivery
    icon = "redirect"
    menu_label = _("Deliveries")
    add_view_class = DeliveryCreateView
    edit_view_class = DeliveryEditView
    filterset_class = DeliveryFilterSet
    related = ("partner", "need", "region")
    list_display = [
        "__str__",
        page_column(Delivery, "partner"),
        "region",
        "quantity_display",
        "households_reached",
        "delivered_on",
        "confirmed_display",
    ]
    # What the row shows: the need's title (the first column) too.
    search_fields = ["reference", "note", "need__title"]
    list_export = [
        "pk",
        "campaign",
        "partner",
        "need",
        "region",
        "quantity",
        "delivered_on",
        "households_reached",
        "confirmed_at",
        "over_received",
        "override_reason",
        "reference",
        "source",
        "created_at",
    ]
    export_headings = {"pk": _("Id")}
    export_filename = "deliveries"
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                # No region: the delivery's is the chosen need's (the service sets it).
                [FieldPanel("need"), FieldPanel("partner")],
                heading=_("For"),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("quantity"), FieldPanel("delivered_on")]),
                    FieldPanel("households_reached"),
                ],
                heading=_("Handed out"),
                help_text=_(
                    "The quantity is in the need's unit (or currency). Households reached is "
                    "a count: never record names or details of the people helped."
                ),
            ),
            MultiFieldPanel(
                [FieldPanel("over_received"), FieldPanel("override_reason")],
                heading=_("More than received"),
            ),
            FieldPanel("confirm"),
            MultiFieldPanel(
                [FieldPanel("reference"), FieldPanel("note")], heading=_("Your records")
            ),
        ],
        base_form_class=DeliveryForm,
    )


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "site"
    menu_label = _("Regions")
    index_view_class = RegionIndexView
    # A plain first column is Wagtail's title column: linked to the row's edit view for
    # those who may edit regions (a Column() there linked nowhere).
    list_display = ["name", "code", "country"]
    list_filter = ["country"]
    search_fields = ["name_ar", "name_fr", "name_en", "code"]
    chooser_viewset_class = RegionChooserViewSet
    panels = [
        FieldPanel("country"),
        FieldPanel("code"),
        FieldRowPanel([FieldPanel("name_ar"), FieldPanel("name_fr"), FieldPanel("name_en")]),
        FieldPanel("sort_order"),
    ]


class MembershipViewSet(SnippetViewSet):
    model = PartnerMembership
    chooser_viewset_class = ScopedChooserViewSet
    icon = "group"
    menu_label = _("Partner memberships")
    index_view_class = FoldedIndexView
    list_display = ["user", page_column(PartnerMembership, "partner"), "created_at"]
    search_fields = ["user__username", "user__email"]
    panels = [FieldPanel("user"), FieldPanel("partner", widget=PartnerPageChooser)]


class TrackerGroup(SnippetViewSetGroup):
    items = (
        NeedViewSet,
        ContributionViewSet,
        DeliveryViewSet,
        TrackerImportViewSet,
        RegionViewSet,
        MembershipViewSet,
    )
    menu_icon = "table"
    menu_label = _("Donation tracker")
    menu_name = "tracker"
    menu_order = 250


register_snippet(TrackerGroup)


@hooks.register("construct_homepage_panels")
def add_tracker_panel(request, panels):
    panels.append(TrackerDashboardPanel(request))


@hooks.register("register_log_actions")
def tracker_log_actions(actions):
    register_tracker_log_actions(actions)


hooks.register("construct_reports_menu", offer_openable_reports)
hooks.register("construct_main_menu", drop_refused_items)
