"""Search latency with 10,000 pages and 2,000 needs indexed on PostgreSQL, beside the floor.

    createdb -h 127.0.0.1 -U postgres portal_search_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_search_bench python bench/search_bench.py

Builds the demo content, 10,000 standard pages and 2,000 tracker needs (ar 40 %, fr 30 %,
en 30 %) once (later runs add only what is missing), indexes them with the portal's search
backend, then times in one run, in process (Django's test client, the full middleware stack,
DEBUG off, Redis cache ``REDIS_URL``, default db 3):

* robots.txt (a trivial view: the framework floor) and the search page with no query;
* an Arabic query typed without hamza or dots and a French query without accents, each
  run in full every time (the origin keeps no search results: the edge cache keeps an
  anonymous visitor's results page, see docs/caching.md).

Prints the medians, their ratio to the floor (target < 10x) and the number of results.
"""

import gc
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
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/3")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Locale, Page  # noqa: E402
from wagtail.search.backends import get_search_backend  # noqa: E402

from campaigns.models import CampaignPage, PartnerPage, StandardPage  # noqa: E402
from campaigns.tracker.models import Need, NeedStatus, Region  # noqa: E402
from home.models import HomePage  # noqa: E402
from search.service import search_site  # noqa: E402

TOTAL = int(os.environ.get("BENCH_PAGES", 10_000))
NEEDS = int(os.environ.get("BENCH_NEEDS", 2_000))
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
    last = children(parent).order_by("-path").first()
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
    Page.objects.filter(pk=parent.pk).update(numchild=children(parent).count())
    return [page.pk for page in pages]


def children(parent):
    # By path: treebeard's get_children() is empty while the parent's numchild says 0.
    return Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)


def build_pages(rng):
    """Create the bench pages that are missing (idempotent) and index them in batches."""
    index = get_search_backend().get_index_for_model(StandardPage)
    for language, share in SHARE.items():
        wanted = int(TOTAL * share)
        home = HomePage.objects.get(locale=Locale.objects.get(language_code=language))
        parent = home.get_children().filter(slug="bench").first()
        if parent is None:
            parent = home.add_child(instance=StandardPage(title="bench", slug="bench"))
        missing = wanted - children(parent).count()
        if missing <= 0:
            continue
        with transaction.atomic():
            ids = add_pages(parent, rng, language, missing)
            for start in range(0, len(ids), 500):
                batch = list(StandardPage.objects.filter(pk__in=ids[start : start + 500]))
                index.add_items(StandardPage, batch)
        print(f"  {language}: {wanted} pages", flush=True)


def build_needs(rng):
    """Create the bench needs that are missing (idempotent: fixed translation keys), spread
    over the live campaigns (needs point at the source campaign, like translated needs)."""
    campaigns = list(CampaignPage.objects.live().filter(locale__language_code="ar"))
    partner = PartnerPage.objects.first()
    region = Region.objects.first()
    index = get_search_backend().get_index_for_model(Need)
    for language, share in SHARE.items():
        wanted = int(NEEDS * share)
        locale = Locale.objects.get(language_code=language)
        keys = [uuid.uuid5(uuid.NAMESPACE_URL, f"bench-need/{language}/{n}") for n in range(wanted)]
        existing = set(
            Need.objects.filter(translation_key__in=keys, locale=locale).values_list(
                "translation_key", flat=True
            )
        )
        needs = [
            Need(
                campaign=campaigns[number % len(campaigns)],
                partner=partner,
                region=region,
                locale=locale,
                translation_key=key,
                category="medicine",
                title=sentence(rng, language, 5),
                description=sentence(rng, language, 25),
                quantity=100 + number,
                unit="box",
                status=NeedStatus.OPEN,
            )
            for number, key in enumerate(keys)
            if key not in existing
        ]
        if not needs:
            continue
        with transaction.atomic():
            Need.objects.bulk_create(needs, batch_size=1000)
            for start in range(0, len(needs), 500):
                index.add_items(Need, needs[start : start + 500])
        print(f"  {language}: {wanted} needs", flush=True)


def build_corpus():
    rng = random.Random(2020)  # noqa: S311 - reproducible text, not security
    build_pages(rng)
    build_needs(rng)
    with connection.cursor() as cursor:
        # Clear the dead rows the bulk load's upserts left (autovacuum would, later) and refresh
        # the planner's statistics: without it, the bloated index table hides the GIN index.
        cursor.execute("VACUUM ANALYZE")


def timed(client, url, before=None):
    if before:
        before()
    start = time.perf_counter()
    response = client.get(url)
    elapsed = (time.perf_counter() - start) * 1000
    assert response.status_code == 200, (url, response.status_code)
    return elapsed, response


def median_ms(client, url, before=None):
    """Median of RUNS requests (after one untimed warm-up); ``before`` runs untimed each time."""
    timed(client, url, before)
    runs = [timed(client, url, before) for _ in range(RUNS)]
    return statistics.median(ms for ms, _ in runs), runs[-1][1]


def row(label, ms, floor, note=""):
    print(f"{label:<44} {ms:>10.1f} {ms / floor:>8.1f}  {note}", flush=True)


def main():
    if connection.vendor != "postgresql":
        sys.exit("Run on PostgreSQL: set DATABASE_URL=postgres://…")
    call_command("migrate", verbosity=0)
    call_command("load_demo_content", verbosity=0)
    build_corpus()
    pages = StandardPage.objects.filter(slug__regex=r"^b[0-9]+$", live=True).count()
    needs = Need.objects.count()
    # The setup's objects (demo content, corpus) are not a web worker's heap: set them aside
    # from the garbage collector, which would otherwise walk them during the timed requests.
    gc.collect()
    gc.freeze()
    client = Client(HTTP_HOST="127.0.0.1")
    floor, _ = median_ms(client, "/robots.txt")
    print(
        f"\n{pages} bench pages and {needs} needs indexed on PostgreSQL, cache"
        f" {settings.CACHES['default']['BACKEND'].rsplit('.', 1)[-1]};"
        f" median of {RUNS} requests each\n"
    )
    print(f"{'request':<44} {'median ms':>10} {'x floor':>8}")
    row("/robots.txt (framework floor)", floor, floor)
    empty, _ = median_ms(client, "/ar/search/")
    row("/ar/search/ (no query: template floor)", empty, floor)
    worst = 0
    for language, query in QUERIES.items():
        url = f"/{language}/search/?q={query}"
        found = search_site(query, language).total
        ms, _response = median_ms(client, url)
        worst = max(worst, ms / floor)
        print(url)
        row("  full search", ms, floor, f"{found} results")
    print(f"\nworst ratio {worst:.1f}x (target < 10x): {verdict(worst)}")


def verdict(ratio):
    return "OK" if ratio < 10 else "OVER TARGET"


if __name__ == "__main__":
    main()
