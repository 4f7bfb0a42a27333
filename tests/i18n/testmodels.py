"""A translatable, searchable snippet that exists only in tests (no migration, no app of its own).

It stands in for the tracker's Need and the press room's Coverage, which live on other
branches: the fallback helpers and the search registry are tested against it.
"""

from django.db import connection, models
from wagtail.models import TranslatableMixin
from wagtail.search import index


class SampleNeed(TranslatableMixin, index.Indexed, models.Model):
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    campaign = models.ForeignKey(
        "campaigns.CampaignPage", null=True, on_delete=models.CASCADE, related_name="+"
    )
    quantity = models.IntegerField(default=0)

    search_fields = [
        index.SearchField("title", boost=2),
        index.SearchField("description"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        app_label = "portal_search"
        db_table = "test_portal_search_need"

    def __str__(self):
        return self.title


def _add_index_relation():
    # Indexed models get this relation when the apps load; this one is defined later.
    from modelsearch.abstract_models import TextIDGenericRelation
    from wagtail.search.models import IndexEntry

    if not hasattr(SampleNeed, "index_entries"):
        TextIDGenericRelation(IndexEntry).contribute_to_class(SampleNeed, "index_entries")


_add_index_relation()


def create_table():
    if SampleNeed._meta.db_table in connection.introspection.table_names():
        return
    with connection.schema_editor() as editor:
        editor.create_model(SampleNeed)
