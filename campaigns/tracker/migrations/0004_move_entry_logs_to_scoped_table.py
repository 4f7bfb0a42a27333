"""Move the Wagtail log lines of needs, contributions, deliveries and offers into the tracker's
scoped log table (so reports show a partner's staff only their own organisation's)."""

from django.db import migrations

MODELS = [("tracker", "need"), ("tracker", "contribution"), ("tracker", "delivery"),
          ("people", "offer")]  # fmt: skip
FIELDS = ["content_type_id", "label", "action", "data", "timestamp", "uuid", "user_id",
          "revision_id", "content_changed", "deleted", "object_id"]  # fmt: skip


def move(apps, schema_editor, source, target):
    ContentType = apps.get_model("contenttypes", "ContentType")
    From = apps.get_model(*source)
    To = apps.get_model(*target)
    types = [ct.pk for ct in ContentType.objects.all() if (ct.app_label, ct.model) in MODELS]
    rows = From.objects.filter(content_type_id__in=types).order_by("pk")
    To.objects.bulk_create(To(**{f: getattr(row, f) for f in FIELDS}) for row in rows)
    rows.delete()


def forwards(apps, schema_editor):
    move(apps, schema_editor, ("wagtailcore", "ModelLogEntry"), ("tracker", "ScopedLogEntry"))


def backwards(apps, schema_editor):
    move(apps, schema_editor, ("tracker", "ScopedLogEntry"), ("wagtailcore", "ModelLogEntry"))


class Migration(migrations.Migration):
    dependencies = [
        ("tracker", "0003_scoped_log_entries"),
        ("people", "0002_roles"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
