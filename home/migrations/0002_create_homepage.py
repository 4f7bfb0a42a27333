"""Replace Wagtail's welcome page with the Arabic home page and add the fr/en locales."""

from django.db import migrations


def create_homepage(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    Locale = apps.get_model("wagtailcore.Locale")
    HomePage = apps.get_model("home.HomePage")

    arabic, _ = Locale.objects.get_or_create(language_code="ar")
    for code in ("fr", "en"):
        Locale.objects.get_or_create(language_code=code)
    # Wagtail's first migration names the default locale after LANGUAGE_CODE; keep one "ar".
    Page.objects.filter(depth=1).update(locale=arabic)
    Page.objects.filter(depth=2, slug="home", content_type__model="page").delete()

    if HomePage.objects.exists():
        return
    content_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="home")
    home = HomePage.objects.create(
        title="منصة التضامن المجتمعي",
        draft_title="منصة التضامن المجتمعي",
        slug="home",
        content_type=content_type,
        path="00010001",
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=arabic,
        live=True,
    )
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "root_page": home, "site_name": "Solidarity"},
    )


def remove_homepage(apps, schema_editor):
    apps.get_model("home.HomePage").objects.filter(slug="home", depth=2).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_homepage, remove_homepage)]
