"""The first-level subdivisions of the 22 Arab League states (campaigns/tracker/data/regions.csv).

Only missing regions are created: Tunisia's governorates (0002) and any name corrected in the
admin stay as they are. Reversing removes the added regions that no need uses.
"""

from django.db import migrations


def add_regions(apps, schema_editor):
    from campaigns.tracker.data import load_regions

    load_regions(apps.get_model("tracker", "Region"))


def remove_regions(apps, schema_editor):
    from campaigns.tracker.data import read_regions

    Region = apps.get_model("tracker", "Region")
    codes = [row["code"] for row in read_regions() if row["country"] != "TN"]
    Region.objects.filter(code__in=codes, needs__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("tracker", "0004_move_entry_logs_to_scoped_table")]

    operations = [migrations.RunPython(add_regions, remove_regions)]
