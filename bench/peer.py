"""Our origin beside bakerydemo (Wagtail's demo site), in the same run: ``make bench`` step 6.

bakerydemo's code is not part of this project. It is exported from a local git copy of
https://github.com/wagtail/bakerydemo (``--peer-git``) at ``PEER_COMMIT`` into
``.cache/bakerydemo-<commit>/`` (git-ignored), given its own virtualenv there (its
``requirements/base.txt`` and gunicorn, from the package index), migrated on SQLite and
filled with its demo data (``load_initial_data``), once; later runs reuse it.

``PEER_COMMIT`` is the last bakerydemo on Django 5.2 (Wagtail 7.2): later ones need Django 6,
which needs Python 3.12 (this machine has 3.11). Its django-tasks 0.9 fails on Python 3.11.7
(``TaskResult[T](…)`` in the immediate backend), so django-tasks 0.12 is installed over it.

Both sites are served by gunicorn with the same worker model, as deployed (their production
settings; ours with its Redis, so its fragments are kept). wrk reads our campaign page from
the origin (no edge) and bakerydemo's home page, in interleaved rounds; the report gives
the medians and the ratio (target: at least 2).
"""

import os
import shutil
import subprocess
import sys
import tarfile
import tempfile

from bench import stack, workers
from bench.wrk import combine, measure

PEER_COMMIT = "5a01dcd"
PEER_DIR = stack.ROOT / ".cache" / f"bakerydemo-{PEER_COMMIT}"
# whitenoise: bakerydemo's production settings serve static files with it.
PEER_EXTRA = ("gunicorn", "django-tasks==0.12.0", "whitenoise==6.6.0")
OUR_PATH = "/en/jesr/"
PEER_PATH = "/"


# Its production settings on plain loopback HTTP (as ours: SECURE_SSL_REDIRECT off).
SETTINGS = """from bakerydemo.settings.production import *  # noqa: F403

SECURE_SSL_REDIRECT = False
"""


def _env(site):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="bench_loopback_settings",
        DATABASE_URL=f"sqlite:///{site / 'bench.sqlite3'}",
        DJANGO_SECRET_KEY="loopback-only-" + "p" * 50,
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        PYTHONPATH=str(site),
    )
    env.pop("REDIS_URL", None)
    return env


def _run(args, **kwargs):
    result = subprocess.run(args, capture_output=True, text=True, timeout=1800, **kwargs)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, args))} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


def prepare(git_dir):
    """bakerydemo's site directory, ready to serve (exported, installed, migrated, loaded)."""
    site, venv = PEER_DIR / "site", PEER_DIR / "venv"
    if (PEER_DIR / "ready").exists():
        return site
    shutil.rmtree(PEER_DIR, ignore_errors=True)
    PEER_DIR.mkdir(parents=True)
    with tempfile.TemporaryFile() as archive:
        subprocess.run(
            ["git", "--git-dir", str(git_dir), "archive", PEER_COMMIT], stdout=archive, check=True
        )
        archive.seek(0)
        with tarfile.open(fileobj=archive) as tar:
            tar.extractall(site, filter="data")
    _run([sys.executable, "-m", "venv", str(venv)])
    python = str(venv / "bin" / "python")
    _run([python, "-m", "pip", "install", "-q", "-r", str(site / "requirements" / "base.txt")])
    _run([python, "-m", "pip", "install", "-q", *PEER_EXTRA])
    (site / "bench_loopback_settings.py").write_text(SETTINGS)
    env = _env(site)
    _run([python, "manage.py", "migrate", "--noinput"], cwd=site, env=env)
    _run([python, "manage.py", "load_initial_data"], cwd=site, env=env)
    _run([python, "manage.py", "collectstatic", "--noinput"], cwd=site, env=env)
    (PEER_DIR / "ready").write_text(PEER_COMMIT + "\n")
    return site


def start(site, port, workers, threads, worker_class):
    """bakerydemo under gunicorn (its own virtualenv) on 127.0.0.1:``port``."""
    (site / "bench_loopback_settings.py").write_text(SETTINGS)
    process = subprocess.Popen(
        [str(PEER_DIR / "venv" / "bin" / "python"), "-m", "gunicorn", "bakerydemo.wsgi",
         "--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--threads", str(threads),
         "--worker-class", worker_class],
        cwd=site, env=_env(site), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    stack.wait_for_port(port, process=process)
    return process


def compare(args, origin, peer, wrk, rounds=3, origin_pid=None):
    """``{"ours": Result, "peer": Result, "ratio": float, "workers": str}``: interleaved
    rounds, medians; ``workers`` says how our gunicorn's workers (children of
    ``origin_pid``) shared the CPU during our rounds (bench/workers.py)."""
    ours, theirs, usage = [], [], {}
    for _ in range(rounds):
        for results, url in ((ours, origin + OUR_PATH), (theirs, peer + PEER_PATH)):
            before = workers.cpu_seconds(origin_pid) if results is ours and origin_pid else {}
            results.append(
                measure(url, url, duration=args.duration, connections=args.connections,
                        threads=args.threads, wrk=wrk)
            )  # fmt: skip
            if before:
                workers.add_usage(usage, before, workers.cpu_seconds(origin_pid))
    ours, theirs = combine(ours), combine(theirs)
    return {
        "ours": ours,
        "peer": theirs,
        "ratio": ours.requests_per_second / theirs.requests_per_second,
        "workers": workers.shares_line(usage),
    }


def report_lines(result, model):
    ours, peer = result["ours"], result["peer"]
    return [
        f"Origin beside bakerydemo {PEER_COMMIT} (gunicorn {model} each, no edge, "
        "3 interleaved rounds, medians):",
        f"  ours {OUR_PATH:<12} {ours.requests_per_second:>8,.1f} req/s  "
        f"p50 {ours.p50_ms:.1f} / p99 {ours.p99_ms:.1f} ms  errors {ours.errors}",
        f"  bakerydemo {PEER_PATH:<6} {peer.requests_per_second:>8,.1f} req/s  "
        f"p50 {peer.p50_ms:.1f} / p99 {peer.p99_ms:.1f} ms  errors {peer.errors}",
        f"  ratio {result['ratio']:.2f} (target >= 2)",
        *([f"  ours: {result['workers']}"] if result.get("workers") else []),
    ]
