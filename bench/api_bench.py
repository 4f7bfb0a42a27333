"""Requests per second of the API under gunicorn, beside a trivial Django view (the floor).

    python bench/api_bench.py [--seconds 5] [--workers 2] [--concurrency 4] [--port 8105]

Builds a throw-away SQLite database with the demo content (or uses DATABASE_URL when set and
--keep-db is given), starts gunicorn on 127.0.0.1 only, and for each endpoint sends requests
from a few threads for a fixed time. Prints requests/s and the ratio to the floor
(1.0 = as fast as a view that does nothing). Bounded: a few seconds per endpoint.
"""

import argparse
import http.client
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"


def environment(data_dir, database_url):
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "api_bench_settings",
            "PYTHONPATH": f"{ROOT / 'bench'}{os.pathsep}{ROOT}",
            "PORTAL_DATA_DIR": str(data_dir),
            "DATABASE_URL": database_url,
            "ALLOWED_HOSTS": HOST,
            "REDIS_URL": "",
        }
    )
    return env


def prepare(env):
    manage = [sys.executable, str(ROOT / "manage.py")]
    for command in (["migrate", "--noinput"], ["load_demo_content"]):
        subprocess.run([*manage, *command], env=env, check=True, stdout=subprocess.DEVNULL)


def campaign_id(port):
    body = get(port, "/api/v1/campaigns/")[1]
    return json.loads(body)["results"][0]["id"]


def get(port, path):
    connection = http.client.HTTPConnection(HOST, port, timeout=10)
    try:
        connection.request("GET", path, headers={"Accept": "application/json"})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def wait_until_up(port, deadline=60):
    start = time.monotonic()
    while time.monotonic() - start < deadline:
        try:
            if get(port, "/bench/floor/")[0] == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not start")


def hammer(port, path, seconds, concurrency):
    """Requests/s over ``seconds`` from ``concurrency`` threads; every answer must be 200."""
    counts = [0] * concurrency
    errors = []
    stop = time.monotonic() + seconds

    def worker(index):
        while time.monotonic() < stop:
            status, _body = get(port, path)
            if status != 200:
                errors.append(status)
                return
            counts[index] += 1

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(concurrency)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise RuntimeError(f"{path} answered {errors[0]}")
    return sum(counts) / (time.monotonic() - started)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--port", type=int, default=8105)
    parser.add_argument("--keep-db", action="store_true", help="use DATABASE_URL as it is")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="api-bench-") as tmp:
        database_url = (
            os.environ["DATABASE_URL"]
            if args.keep_db and os.environ.get("DATABASE_URL")
            else f"sqlite:///{tmp}/bench.sqlite3"
        )
        env = environment(Path(tmp), database_url)
        if not args.keep_db:
            prepare(env)
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "--bind",
                f"{HOST}:{args.port}",
                "--workers",
                str(args.workers),
                "--log-level",
                "warning",
                "portal.wsgi",
            ],
            env=env,
            cwd=ROOT,
        )
        try:
            wait_until_up(args.port)
            cid = campaign_id(args.port)
            endpoints = {
                "floor": "/bench/floor/",
                "totals": f"/api/v1/campaigns/{cid}/totals/",
                "v2_campaign_pages": "/api/v2/pages/?type=campaigns.CampaignPage",
            }
            for path in endpoints.values():  # warm caches and connections
                hammer(args.port, path, 0.5, 1)
            rates = {
                name: hammer(args.port, path, args.seconds, args.concurrency)
                for name, path in endpoints.items()
            }
        finally:
            server.terminate()
            server.wait(timeout=30)

    results = {
        name: {"rps": round(rate, 1), "ratio_to_floor": round(rate / rates["floor"], 3)}
        for name, rate in rates.items()
    }
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        print(f"gunicorn {args.workers} workers, {args.concurrency} clients, {args.seconds}s each")
        for name, figures in results.items():
            rps, ratio = figures["rps"], figures["ratio_to_floor"]
            print(f"{name:20} {rps:9.1f} req/s   {ratio:.3f} × floor")


if __name__ == "__main__":
    main()
