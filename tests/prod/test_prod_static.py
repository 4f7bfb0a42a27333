"""Production serves static files hashed, compressed and cacheable forever (WhiteNoise)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent

# Runs under portal.settings.production: what an app server answers for a stylesheet.
PROBE = """
import json, django
django.setup()
from django.contrib.staticfiles.storage import staticfiles_storage
from django.test import Client
hashed = staticfiles_storage.url("css/portal.css")
client = Client(HTTP_HOST="solidarity.example.org")
gz = client.get(hashed, HTTP_ACCEPT_ENCODING="gzip", secure=True)
plain = client.get(hashed, secure=True)
print(json.dumps({
    "url": hashed,
    "status": gz.status_code,
    "encoding": gz.get("Content-Encoding"),
    "cache_control": gz.get("Cache-Control"),
    "vary": gz.get("Vary"),
    "gz_size": int(gz["Content-Length"]),
    "plain_size": int(plain["Content-Length"]),
}))
"""


def production_env(static_root):
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY="static-test-" + "x" * 50,
        ALLOWED_HOSTS="solidarity.example.org",
        STATIC_ROOT=str(static_root),
        DATABASE_URL=f"sqlite:///{static_root.parent / 'unused.sqlite3'}",
    )
    return env


@pytest.mark.own_database
def test_hashed_compressed_immutable_static_files(tmp_path):
    static_root = tmp_path / "static"
    env = production_env(static_root)
    collect = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert collect.returncode == 0, collect.stderr
    assert (static_root / "staticfiles.json").exists()

    probe = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert probe.returncode == 0, probe.stderr
    served = json.loads(probe.stdout.strip().splitlines()[-1])

    name = served["url"].rsplit("/", 1)[-1]
    assert name.startswith("portal.") and name.endswith(".css") and name != "portal.css"
    assert served["status"] == 200
    assert served["encoding"] == "gzip"
    assert served["gz_size"] < served["plain_size"]
    directives = {d.strip() for d in served["cache_control"].split(",")}
    assert "immutable" in directives and "public" in directives
    max_age = int(next(d for d in directives if d.startswith("max-age=")).split("=")[1])
    assert max_age >= 365 * 24 * 3600
    assert "Accept-Encoding" in served["vary"]
