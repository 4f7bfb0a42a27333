"""Lighthouse (mobile) on the production-like origin: median of N runs per page and language.

    make lighthouse                       # home, campaign, needs, press room × ar, fr; 3 runs
    python bench/lighthouse.py --runs 1 --port 9700

Starts gunicorn with the production settings on loopback (SQLite, local media, the demo
content, WhiteNoise, gzip) behind nginx (ports --port and --port + 1), which serves /media/ as
the bucket or CDN does in production, so every image loads and no request fails. Each page is
requested once untimed (the deployed site answers from warm caches), then measured by npm's
lighthouse (installed under .cache/npm, git-ignored) with Debian's Chromium. Prints one row
per page: performance, accessibility, best practices and SEO, each the median of the runs,
with every run's performance score and Lighthouse's CPU benchmark index, and the machine's
load average. Raw reports: var/lighthouse/. A benchmark, not a test: figures move with the
machine's load (performance above all: a starved CPU stretches every task Lighthouse then
multiplies by 4 for its simulated phone).
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import stack  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / ".cache" / "npm" / "node_modules" / ".bin" / "lighthouse"
REPORTS = ROOT / "var" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PAGES = (("home", "/{lang}/"), ("campaign", "/{lang}/jesr/"), ("needs", "/{lang}/jesr/needs/"))
PRESS = ("press room", "/{lang}/press/")
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu"


def ensure_lighthouse():
    if not LIGHTHOUSE.exists():
        subprocess.run(  # noqa: S603 (fixed arguments)
            [shutil.which("npm") or "npm", "install", "--prefix", str(LIGHTHOUSE.parents[2]),
             "lighthouse@12", "--no-audit", "--no-fund"],
            check=True,
        )  # fmt: skip


def run_once(url, out, attempts=3):
    """One Lighthouse run: {category: score 0-100}; retried when Chromium loses the trace
    (NO_NAVSTART happens on a loaded machine)."""
    for attempt in range(attempts):
        try:
            return _lighthouse(url, out)
        except subprocess.CalledProcessError:
            if attempt == attempts - 1:
                raise
    return None


def _lighthouse(url, out):
    subprocess.run(  # noqa: S603 (fixed arguments)
        [
            str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
            f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}",
            "--form-factor=mobile", "--max-wait-for-load=60000",
        ],
        check=True,
        env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
        timeout=300,
    )  # fmt: skip
    report = json.loads(Path(out).read_text())
    scores = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
    return {**scores, "benchmark": report["environment"]["benchmarkIndex"]}


def warm_up(url):
    """One untimed request first: the deployed site answers from its edge cache and warm
    fragment caches, not from a gunicorn worker rendering the page for the first time."""
    with urllib.request.urlopen(url, timeout=120) as response:  # noqa: S310 (loopback)
        response.read()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--port", type=int, default=int(os.environ.get("LIGHTHOUSE_PORT", 9700)))
    parser.add_argument("--languages", default="ar,fr")
    parser.add_argument("--pages", default="", help="only these pages, e.g. campaign,needs")
    args = parser.parse_args()
    ensure_lighthouse()
    REPORTS.mkdir(parents=True, exist_ok=True)
    workdir = stack.readable_tempdir("portal-lighthouse-")
    env = stack.site_env(workdir, f"sqlite:///{workdir / 'lighthouse.sqlite3'}")
    print(f"Preparing the site in {workdir} (migrate, demo content, static)…", flush=True)
    stack.prepare_site(env)
    stack.manage(env, "set_site_url", f"http://127.0.0.1:{args.port}")
    server = stack.start_gunicorn(env, args.port + 1)
    front = stack.start_front(workdir, args.port, args.port + 1, workdir / "media")
    pages = [p for p in (*PAGES, PRESS) if not args.pages or p[0] in args.pages.split(",")]
    rows, loads = [], [os.getloadavg()[0]]
    try:
        for lang in args.languages.split(","):
            for name, path in pages:
                url = f"http://127.0.0.1:{args.port}{path.format(lang=lang)}"
                warm_up(url)
                runs = [
                    run_once(url, REPORTS / f"{lang}-{name.replace(' ', '-')}-{n}.json")
                    for n in range(args.runs)
                ]
                medians = {c: statistics.median(r[c] for r in runs) for c in CATEGORIES}
                loads.append(os.getloadavg()[0])
                medians["runs"] = "/".join(str(r["performance"]) for r in runs)
                medians["benchmark"] = "/".join(f"{r['benchmark']:.0f}" for r in runs)
                rows.append((f"{name} ({lang})", medians))
                print(f"  {name} ({lang}): {medians}", flush=True)
    finally:
        stack.stop(front)
        stack.stop(server)
    print(f"\nLighthouse {args.runs} runs, median, mobile (Debian's Chromium)")
    print(f"Load average (1 min) during the runs: {min(loads):.1f}–{max(loads):.1f}\n")
    columns = ("page", "performance", "accessibility", "best practices", "SEO")
    print("| " + " | ".join((*columns, "performance runs", "CPU index")) + " |")
    print("|" + " --- |" * (len(columns) + 2))
    for label, medians in rows:
        cells = [f"{medians[c]:g}" for c in CATEGORIES] + [medians["runs"], medians["benchmark"]]
        print(f"| {label} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
