"""`manage.py set_site_url`: absolute links name the address the portal is served from."""

import io

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Site


def run(*args):
    out = io.StringIO()
    call_command("set_site_url", *args, stdout=out)
    return out.getvalue()


def test_pages_api_links_follow_the_site_url(anon, demo):
    assert Site.objects.get(is_default_site=True).root_url == "http://localhost"
    run("http://127.0.0.1:8000")
    response = anon.get(f"/api/v2/pages/{demo['campaign'].pk}/")
    assert response.json()["meta"]["html_url"] == "http://127.0.0.1:8000/ar/jesr/"


def test_an_address_someone_set_is_kept_unless_forced(db):
    run("https://solidarity.example.org")
    assert "left as it is" in run("http://127.0.0.1:8000")
    assert Site.objects.get(is_default_site=True).root_url == "https://solidarity.example.org"
    run("http://127.0.0.1:8000", "--force")
    assert Site.objects.get(is_default_site=True).root_url == "http://127.0.0.1:8000"


@pytest.mark.parametrize("url", ["127.0.0.1:8000", "ftp://example.org", "http://host:99999"])
def test_a_bad_url_is_refused_and_changes_nothing(db, url):
    with pytest.raises(CommandError):
        run(url)
    assert Site.objects.get(is_default_site=True).root_url == "http://localhost"
