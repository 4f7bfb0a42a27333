"""Tunisia's 24 governorates (ISO 3166-2:TN), with their Arabic, French and English names."""

from django.db import migrations

GOVERNORATES = [
    ("TN-11", "تونس", "Tunis", "Tunis"),
    ("TN-12", "أريانة", "Ariana", "Ariana"),
    ("TN-13", "بن عروس", "Ben Arous", "Ben Arous"),
    ("TN-14", "منوبة", "La Manouba", "Manouba"),
    ("TN-21", "نابل", "Nabeul", "Nabeul"),
    ("TN-22", "زغوان", "Zaghouan", "Zaghouan"),
    ("TN-23", "بنزرت", "Bizerte", "Bizerte"),
    ("TN-31", "باجة", "Béja", "Beja"),
    ("TN-32", "جندوبة", "Jendouba", "Jendouba"),
    ("TN-33", "الكاف", "Le Kef", "Kef"),
    ("TN-34", "سليانة", "Siliana", "Siliana"),
    ("TN-41", "القيروان", "Kairouan", "Kairouan"),
    ("TN-42", "القصرين", "Kasserine", "Kasserine"),
    ("TN-43", "سيدي بوزيد", "Sidi Bouzid", "Sidi Bouzid"),
    ("TN-51", "سوسة", "Sousse", "Sousse"),
    ("TN-52", "المنستير", "Monastir", "Monastir"),
    ("TN-53", "المهدية", "Mahdia", "Mahdia"),
    ("TN-61", "صفاقس", "Sfax", "Sfax"),
    ("TN-71", "قفصة", "Gafsa", "Gafsa"),
    ("TN-72", "توزر", "Tozeur", "Tozeur"),
    ("TN-73", "قبلي", "Kébili", "Kebili"),
    ("TN-81", "قابس", "Gabès", "Gabes"),
    ("TN-82", "مدنين", "Médenine", "Medenine"),
    ("TN-83", "تطاوين", "Tataouine", "Tataouine"),
]


def add_governorates(apps, schema_editor):
    Region = apps.get_model("tracker", "Region")
    for order, (code, ar, fr, en) in enumerate(GOVERNORATES):
        Region.objects.update_or_create(
            code=code,
            defaults={
                "country": "TN",
                "name_ar": ar,
                "name_fr": fr,
                "name_en": en,
                "sort_order": order,
            },
        )


def remove_governorates(apps, schema_editor):
    Region = apps.get_model("tracker", "Region")
    Region.objects.filter(code__in=[g[0] for g in GOVERNORATES], needs__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("tracker", "0001_initial")]

    operations = [migrations.RunPython(add_governorates, remove_governorates)]
