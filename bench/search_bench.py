"""Search latency with 10,000 indexed pages on PostgreSQL, beside the framework floor.

    createdb -h 127.0.0.1 -U postgres portal_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench python bench/search_bench.py

Builds the demo content and 10,000 standard pages (ar 40 %, fr 30 %, en 30 %) once, indexes
them with the portal's search backend, then times in one run, in process (Django's test client,
the full middleware stack, DEBUG off): an Arabic query typed without hamza or dots, a French
query without accents, and robots.txt (a trivial view: the framework floor). Prints the
medians and the ratio to the floor (target < 10x).

Needs and other snippets are not on this branch: the corpus is pages only.
"""

import json
import os
import random
import statistics
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
os.environ["DEBUG"] = "false"

import django  # noqa: E402

django.setup()

from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Locale, Page  # noqa: E402
from wagtail.search.backends import get_search_backend  # noqa: E402

from campaigns.models import StandardPage  # noqa: E402
from home.models import HomePage  # noqa: E402

TOTAL = int(os.environ.get("BENCH_PAGES", 10_000))
SHARE = {"ar": 0.4, "fr": 0.3, "en": 0.3}
RUNS = int(os.environ.get("BENCH_RUNS", 40))
TEXT = {
    "ar": "مساعدات غذائية أدوية لوازم مدرسية أسرة محتاجة ولاية جمعية شريكة توزيع قافلة تضامن "
    "مجتمع مدني تبرع حليب أطفال أغطية مستشفى متطوعين الحجر الصحي",
    "fr": "aide alimentaire médicaments fournitures scolaires famille démunie gouvernorat "
    "association partenaire distribution convoi solidarité société civile don lait "
    "enfants couvertures hôpital bénévoles confinement",
    "en": "food aid medicine school supplies family need governorate association partner "
    "distribution convoy solidarity civil society donation milk children blankets "
    "hospital volunteers lockdown",
}
WORDS = {language: text.split() for language, text in TEXT.items()}
QUERIES = {"ar": "الادويه للاسر المحتاجه", "fr": "medicaments famille demunie"}


def sentence(rng, language, length):
    return " ".join(rng.choice(WORDS[language]) for _ in range(length))


def _step(number):
    """A treebeard path step: 4 base-36 characters."""
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    text = ""
    for _ in range(4):
        number, rest = divmod(number, 36)
        text = digits[rest] + text
    return text


def add_pages(parent, rng, language, count):
    """Insert ``count`` live standard pages under ``parent`` in bulk; return their ids.

    Page-by-page creation (full save, reference index, search index on each save) takes most of
    an hour for 10,000 pages on a shared machine; the bench only needs the rows and the index.
    """
    content_type = ContentType.objects.get_for_model(StandardPage)
    last = parent.get_last_child()
    first = int(last.path[-4:], 36) + 1 if last else 1
    now = timezone.now()
    pages = []
    for offset in range(count):
        slug = f"b{first + offset}"
        title = sentence(rng, language, 4)
        pages.append(
            Page(
                path=parent.path + _step(first + offset),
                depth=parent.depth + 1,
                numchild=0,
                title=title,
                draft_title=title,
                slug=slug,
                url_path=f"{parent.url_path}{slug}/",
                content_type=content_type,
                locale_id=parent.locale_id,
                translation_key=uuid.uuid4(),
                live=True,
                has_unpublished_changes=False,
                first_published_at=now,
                last_published_at=now,
            )
        )
    Page.objects.bulk_create(pages, batch_size=1000)
    rows = [
        (
            page.pk,
            json.dumps(
                [
                    {
                        "type": "paragraph",
                        "value": f"<p>{sentence(rng, language, 60)}</p>",
                        "id": str(uuid.uuid4()),
                    }
                ]
            ),
        )
        for page in pages
    ]
    with connection.cursor() as cursor:
        cursor.executemany(
            "INSERT INTO campaigns_standardpage (page_ptr_id, body) VALUES (%s, %s)", rows
        )
    Page.objects.filter(pk=parent.pk).update(numchild=parent.get_children().count())
    return [page.pk for page in pages]


def build_corpus():
    """Create the bench pages that are missing (idempotent) and index them in batches."""
    rng = random.Random(2020)  # noqa: S311 - reproducible text, not security
    index = get_search_backend().get_index_for_model(StandardPage)
    for language, share in SHARE.items():
        wanted = int(TOTAL * share)
        home = HomePage.objects.get(locale=Locale.objects.get(language_code=language))
        parent = home.get_children().filter(slug="bench").first()
        if parent is None:
            parent = home.add_child(instance=StandardPage(title="bench", slug="bench"))
        missing = wanted - parent.get_children().count()
        if missing <= 0:
            continue
        with transaction.atomic():
            ids = add_pages(parent, rng, language, missing)
            for start in range(0, len(ids), 500):
                batch = list(StandardPage.objects.filter(pk__in=ids[start : start + 500]))
                index.add_items(StandardPage, batch)
        print(f"  {language}: {wanted} pages", flush=True)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # fresh planner statistics after the bulk load


def median_ms(client, url):
    client.get(url)  # warm up
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(times), response


def main():
    if connection.vendor != "postgresql":
        sys.exit("Run on PostgreSQL: set DATABASE_URL=postgres://…")
    call_command("migrate", verbosity=0)
    call_command("load_demo_content", verbosity=0)
    build_corpus()
    pages = StandardPage.objects.filter(slug__regex=r"^b[0-9]+$", live=True).count()
    client = Client(HTTP_HOST="127.0.0.1")
    floor, _ = median_ms(client, "/robots.txt")
    print(f"\n{pages} bench pages indexed on PostgreSQL; median of {RUNS} requests each\n")
    print(f"{'request':<48} {'median ms':>10} {'x floor':>8}")
    print(f"{'/robots.txt (framework floor)':<48} {floor:>10.1f} {1:>8.1f}")
    page_floor, _ = median_ms(client, "/ar/search/")
    label = "/ar/search/ (no query: template floor)"
    print(f"{label:<48} {page_floor:>10.1f} {page_floor / floor:>8.1f}")
    worst = 0
    for language, query in QUERIES.items():
        url = f"/{language}/search/?q={query}"
        ms, response = median_ms(client, url)
        found = response.content.decode().count('class="search-result"')
        worst = max(worst, ms / floor)
        print(f"{url:<48} {ms:>10.1f} {ms / floor:>8.1f}   ({found} results on page 1)")
    print(f"\nworst ratio {worst:.1f}x (target < 10x): {'OK' if worst < 10 else 'OVER TARGET'}")
    print(f"worst ratio to the empty search page: {worst * floor / page_floor:.1f}x")


if __name__ == "__main__":
    main()
