"""A new gunicorn worker starts warm: the master has loaded what its first requests would."""

import runpy
from pathlib import Path

from django.template import engines
from django.urls import clear_url_caches, get_resolver

from portal.warmup import project_templates, warm

ROOT = Path(__file__).resolve().parents[2]


def cached_template_names():
    loader = engines["django"].engine.template_loaders[0]
    return {key.split("-")[0] for key in loader.get_template_cache}


def test_warm_compiles_the_page_templates_and_imports_every_urlconf_without_the_database():
    # No django_db mark: a query here would fail the test (the master must not connect).
    engines["django"].engine.template_loaders[0].reset()
    clear_url_caches()

    compiled = warm()

    names = cached_template_names()
    assert "base.html" in names
    assert "campaigns/campaign_page.html" in names
    assert "home/home_page.html" in names
    assert compiled == len(names) >= 30
    assert get_resolver()._populated  # every urls module imported, not on a first request


def test_warm_builds_the_apis_documented_parameters_once_for_every_worker():
    from campaigns.api.query import documented_parameters

    documented_parameters.cache_clear()
    warm()
    assert documented_parameters.cache_info().currsize == 1  # built in the master, shared


def test_project_templates_are_the_projects_own():
    names = project_templates()
    assert "search/search.html" in names
    assert not any(name.startswith(("wagtailadmin/", "rest_framework/")) for name in names)


def test_gunicorn_warms_the_master_before_forking(monkeypatch):
    calls = []
    monkeypatch.setattr("portal.warmup.warm", lambda: calls.append("warm") or 7)
    monkeypatch.setattr("gc.freeze", lambda: calls.append("freeze"))
    config = runpy.run_path(str(ROOT / "gunicorn.conf.py"))

    class Log:
        def info(self, message, *args):
            calls.append(message % args)

    class Server:
        log = Log()

    config["when_ready"](Server())
    assert config["preload_app"] is True
    assert calls == [
        "warm",
        "warm-up: 7 templates compiled, URLs and catalogues loaded",
        "freeze",
    ]
