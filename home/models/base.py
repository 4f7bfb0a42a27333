"""The abstract page every public page type builds on: sharing image and common fields."""

from django.db import models
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page, PageManager, PageViewRestriction
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.page_forms import PortalPageForm


class PortalPageManager(PageManager):
    """Wagtail's page manager; ``get`` joins the page's sharing images
    (``sharing_image_fields``).

    Wagtail fetches a routed page with ``_default_manager.get(id=…)``: its ``<head>`` then
    finds its sharing image without a query of its own. Only ``get`` joins them: a default
    queryset that joined them would break every ``.only()`` that leaves them out (Wagtail's
    page editor defers fields).
    """

    def get(self, *args, **kwargs):
        fields = {field.name for field in self.model._meta.concrete_fields if field.is_relation}
        joined = [name for name in self.model.sharing_image_fields if name in fields]
        return self.get_queryset().select_related(*joined).get(*args, **kwargs)


class PortalPage(Page):
    """A public page: adds the image shown when the page is shared on social media."""

    # The images ``get_social_image`` may return, in its order of preference: image foreign
    # keys (joined when the page is fetched) or properties.
    sharing_image_fields = ("social_image",)

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("sharing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown when the page is shared on Facebook, X or WhatsApp. "
            "Leave empty to use the page's main image or the site's default."
        ),
    )

    base_form_class = PortalPageForm
    objects = PortalPageManager()

    promote_panels = [
        MultiFieldPanel(Page.promote_panels, _("Common page configuration")),
        FieldPanel("social_image"),
    ]

    # Text is translated; the address (slug) and images stay the same in every language.
    base_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        SynchronizedField("slug"),
        SynchronizedField("social_image"),
    ]

    class Meta:
        abstract = True

    def get_social_image(self):
        """The image for Open Graph cards: the first of ``sharing_image_fields`` set, or None."""
        for name in self.sharing_image_fields:
            image = getattr(self, name)
            if image is not None:
                return image
        return None

    def shown_pictures(self):
        """``[(image, filter specs)]``: the pictures the page shows besides its sharing image
        (a video's poster), looked up with it in one go (``home.renditions``)."""
        return []

    def get_view_restrictions(self):
        """The view restrictions of this page and its ancestors: Wagtail's
        ``Page.get_view_restrictions`` in one query instead of two (the ancestors, then their
        restrictions) and one more per alias.

        Same rule as Wagtail's: an alias (``alias_of``) has its source's restrictions, not its
        own, followed along a chain of aliases to the page that is not one (a recursive
        common table expression, PostgreSQL and SQLite alike). Returns a queryset of
        ``PageViewRestriction``. Every public request asks it (Wagtail's ``on_serve_page``
        hook); ``tests/security/test_view_restrictions_one_query.py`` compares it with
        Wagtail's over every page of a tree with restrictions and aliases.
        """
        step = self.steplen
        paths = [self.path[:end] for end in range(step, len(self.path) + 1, step)]
        table = Page._meta.db_table
        placeholders = ", ".join(["%s"] * len(paths))
        # Parameters only (the paths); the table's name comes from the model.
        sources = RawSQL(  # noqa: S611
            f"WITH RECURSIVE chain(id, alias_of_id) AS ("  # noqa: S608
            f"SELECT id, alias_of_id FROM {table} WHERE path IN ({placeholders}) UNION "
            f"SELECT p.id, p.alias_of_id FROM {table} p JOIN chain ON p.id = chain.alias_of_id"
            f") SELECT id FROM chain WHERE alias_of_id IS NULL",
            paths,
        )
        return PageViewRestriction.objects.filter(page_id__in=sources)

    def get_listing_pages(self):
        """Live pages other than its ancestors whose HTML lists this page (a partner: the
        campaigns listing it). ``portal.caching`` retires and purges them with the page."""
        return []
