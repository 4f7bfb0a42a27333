"""The site the Varnish tests run (``test_prod_varnish.py``): its ports, requests to the edge
and to the origin, and the Django scripts run in another process, as an editor's action or
a partner's gift on an app server."""

import http.client
import json
import re
import subprocess
import sys

from bench import stack

from .conftest import PORT_BASE

GUNICORN_PORT, VARNISH_PORT = PORT_BASE + 20, PORT_BASE + 21
# A pair of its own for the origin-down test, which stops its gunicorn.
DOWN_GUNICORN_PORT, DOWN_VARNISH_PORT = PORT_BASE + 24, PORT_BASE + 25


PUBLISH = """
import django, sys
django.setup()
from campaigns.models import CampaignPage
page = CampaignPage.objects.get(slug="jesr", locale__language_code="ar")
page.summary = sys.argv[1]
page.save_revision().publish()
"""


def get(path, method="GET", source="127.0.0.1", host="localhost", headers=(), port=VARNISH_PORT):
    connection = http.client.HTTPConnection(
        "127.0.0.1", port, timeout=10, source_address=(source, 0)
    )
    connection.request(method, path, headers={"Host": host, **dict(headers)})
    response = connection.getresponse()
    body = response.read().decode()
    connection.close()
    return response, body


RESTRICT = """
import django
django.setup()
from wagtail.models import PageViewRestriction
from campaigns.models import PartnerIndexPage
index = PartnerIndexPage.objects.get(locale__language_code="en")
PageViewRestriction.objects.create(page=index, restriction_type="login")
"""


UNPUBLISH = """
import django
django.setup()
from campaigns.models import CampaignPage
CampaignPage.objects.get(slug="jesr", locale__language_code="fr").unpublish()
"""


GIFT = """
import django
django.setup()
from campaigns.models import CampaignPage
from campaigns.tracker import services
campaign = CampaignPage.objects.get(slug="jesr", locale__language_code="ar")
services.record_contribution(
    user=services.SYSTEM, campaign=campaign, partner=campaign.campaign_partners.first().partner,
    kind="cash", amount="5", currency="TND", status="received",
)
"""
GIFTS = re.compile(r"<dt>Gifts recorded</dt>\s*<dd><strong>([^<]+)</strong>")


def run_script(env, script, *args):
    """Run a Django script in another process, as an editor's action on an app server."""

    subprocess.run(
        [sys.executable, "-c", script, *args], cwd=stack.ROOT, env=env, check=True, timeout=120
    )


def publish_summary(env, text):
    run_script(env, PUBLISH, text)


NEW_PAGE = """
import django, sys
django.setup()
from wagtail.models import Page
from campaigns.models import StandardPage
home = Page.objects.get(depth=2, locale__language_code="ar")
page = home.add_child(instance=StandardPage(title="صفحة جديدة", slug=sys.argv[1]))
page.save_revision().publish()
"""


def api_addresses(language, slug):
    """Wagtail's API v2 addresses showing the page ``slug`` of ``language``: its detail (plain
    and with a query string) and two lists holding it, each read twice (the second a HIT)."""
    found = json.loads(get(f"/api/v2/pages/?locale={language}&slug={slug}")[1])["items"]
    detail = f"/api/v2/pages/{found[0]['id']}/"
    paths = [
        detail,
        f"{detail}?fields=*",
        f"/api/v2/pages/?locale={language}&slug={slug}",
        f"/api/v2/pages/?locale={language}&limit=100",
    ]
    for path in paths:
        get(path)
        assert get(path)[0].getheader("X-Cache") == "HIT", path
    return found[0]["id"], paths


def listed(url, sitemap):
    """``url`` is in the sitemap, as an entry or as a translation's alternate."""
    return f"<loc>{url}</loc>" in sitemap or f'href="{url}"' in sitemap


def origin_get(path):
    """A request to gunicorn itself (no edge): a new connection, so any worker may take it."""
    connection = http.client.HTTPConnection("127.0.0.1", GUNICORN_PORT, timeout=30)
    connection.request("GET", path, headers={"Host": "localhost"})
    response = connection.getresponse()
    response.read()
    connection.close()
    return response
