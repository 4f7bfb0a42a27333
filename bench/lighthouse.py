"""Lighthouse (mobile) on the production-like origin: median of N runs per page and language.

    make lighthouse                       # home, campaign, needs, press room × ar, fr; 3 runs
    python bench/lighthouse.py --runs 1 --port 9700

Starts gunicorn with the production settings on loopback (SQLite, local media, the demo
content, WhiteNoise, gzip), runs npm's lighthouse (installed under .cache/npm, git-ignored)
with Debian's Chromium, and prints one row per page: performance, accessibility, best
practices and SEO, each the median of the runs. Raw reports: var/lighthouse/. A benchmark,
not a test: figures move with the machine's load (performance above all).
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
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
    return {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--port", type=int, default=int(os.environ.get("LIGHTHOUSE_PORT", 9700)))
    parser.add_argument("--languages", default="ar,fr")
    args = parser.parse_args()
    ensure_lighthouse()
    REPORTS.mkdir(parents=True, exist_ok=True)
    workdir = stack.readable_tempdir("portal-lighthouse-")
    env = stack.site_env(workdir, f"sqlite:///{workdir / 'lighthouse.sqlite3'}")
    print(f"Preparing the site in {workdir} (migrate, demo content, static)…", flush=True)
    stack.prepare_site(env)
    stack.manage(env, "set_site_url", f"http://127.0.0.1:{args.port}")
    server = stack.start_gunicorn(env, args.port)
    rows = []
    try:
        for lang in args.languages.split(","):
            for name, path in (*PAGES, PRESS):
                url = f"http://127.0.0.1:{args.port}{path.format(lang=lang)}"
                runs = [
                    run_once(url, REPORTS / f"{lang}-{name.replace(' ', '-')}-{n}.json")
                    for n in range(args.runs)
                ]
                medians = {c: statistics.median(r[c] for r in runs) for c in CATEGORIES}
                rows.append((f"{name} ({lang})", medians))
                print(f"  {name} ({lang}): {medians}", flush=True)
    finally:
        stack.stop(server)
    print(f"\nLighthouse {args.runs} runs, median, mobile (Debian's Chromium)\n")
    print("| page | performance | accessibility | best practices | SEO |")
    print("| --- | --- | --- | --- | --- |")
    for label, medians in rows:
        print(f"| {label} | " + " | ".join(f"{medians[c]:g}" for c in CATEGORIES) + " |")


if __name__ == "__main__":
    main()
