"""Service accounts of existing API keys: a random username instead of the secret's first
characters, and the key's name as the account's name (shown in Site history)."""

import secrets

from django.db import migrations


def rename_accounts(apps, schema_editor):
    PartnerApiKey = apps.get_model("tracker_api", "PartnerApiKey")
    for key in PartnerApiKey.objects.select_related("user").exclude(user=None):
        account = key.user
        account.username = f"api-key-{secrets.token_hex(8)}"
        account.first_name = key.name[:150]
        account.save(update_fields=["username", "first_name"])


class Migration(migrations.Migration):
    dependencies = [("tracker_api", "0001_initial")]

    operations = [migrations.RunPython(rename_accounts, migrations.RunPython.noop)]
