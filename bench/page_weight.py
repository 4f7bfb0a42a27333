"""Compressed weight of a campaign page: HTML + CSS + JS, gzip -9 (images and video excluded).

    python bench/page_weight.py            # builds the demo in a throw-away SQLite database
    python bench/page_weight.py /fr/jesr/  # other pages

The target for a campaign page is 60 KB; tests/site/test_site_page_weight.py keeps it.
"""

import gzip
import os
import re
import sys
from pathlib import Path

BUDGET = 60 * 1024
ASSET = re.compile(r'<(?:link rel="stylesheet" href|script src)="([^"]+)"')


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9))


def page_weight(client, url):
    """[(what, raw bytes, gzipped bytes)] for the page's HTML and its CSS and JS files."""
    from django.conf import settings
    from django.contrib.staticfiles import finders

    response = client.get(url)
    assert response.status_code == 200, f"{url}: {response.status_code}"
    html = response.content
    rows = [(url, len(html), gzipped(html))]
    for asset in ASSET.findall(html.decode()):
        if not asset.startswith(settings.STATIC_URL):
            continue  # only our own files can be on the page (no third-party script)
        path = finders.find(asset[len(settings.STATIC_URL) :].split("?")[0])
        data = Path(path).read_bytes()
        rows.append((asset, len(data), gzipped(data)))
    return rows


def main(urls):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from portal.catalogues import compile_all

    compile_all()
    with open(os.devnull, "w") as quiet:
        call_command("migrate", verbosity=0, stdout=quiet)
        call_command("load_demo_content", stdout=quiet)
    client = Client()
    worst = 0
    for url in urls:
        rows = page_weight(client, url)
        total = sum(gz for _what, _raw, gz in rows)
        worst = max(worst, total)
        for what, raw, gz in rows:
            print(f"{what:40} {raw:8} B raw {gz:7} B gzip")
        print(
            f"{'TOTAL ' + url:40} {sum(r for _w, r, _g in rows):8} B raw {total:7} B gzip "
            f"({total / 1024:.1f} KB; budget {BUDGET // 1024} KB)\n"
        )
    return 0 if worst <= BUDGET else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["/ar/jesr/", "/fr/jesr/", "/en/jesr/"]))
