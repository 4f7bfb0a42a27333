"""Start the production-like stack on loopback: gunicorn, Varnish, nginx (for static copies).

Used by ``make bench`` (bench/run.py) and the Varnish test (tests/prod/test_prod_varnish.py).
Every process is started here, stopped here, by its own handle; nothing listens beyond
127.0.0.1.
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# PORTAL_VCL: another VCL to try (e.g. an older one, to see a test fail against it).
VCL = Path(os.environ.get("PORTAL_VCL") or ROOT / "deploy" / "varnish" / "default.vcl")
VCL_BACKEND_PORT = '.port = "8200";'


def find_tool(name):
    """A system tool, also looked up in /usr/sbin (varnishd, nginx) for non-root PATHs."""
    return shutil.which(name) or shutil.which(name, path="/usr/sbin:/usr/local/sbin")


def wait_for_port(port, timeout=300.0, process=None):
    """Wait until something listens on 127.0.0.1:``port`` (``timeout`` in seconds: generous,
    a busy CI machine can take minutes to start gunicorn).

    If ``process`` is given and it exits, or the wait fails in any way (timeout, Ctrl-C), the
    process (and its process group) is stopped before the error is raised: the caller never
    got its handle, so nothing else would stop it.

    :raises RuntimeError: ``process`` exited.
    :raises TimeoutError: nothing listened in time.
    """
    try:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if process is not None and process.poll() is not None:
                raise RuntimeError(f"process for port {port} exited with {process.returncode}")
            with socket.socket() as sock:
                sock.settimeout(0.5)
                if sock.connect_ex(("127.0.0.1", port)) == 0:
                    return
            time.sleep(0.1)
        raise TimeoutError(f"nothing listening on 127.0.0.1:{port} after {timeout} s")
    except BaseException:
        stop(process)
        raise


def readable_tempdir(prefix):
    """A temporary directory the varnish and nginx workers (other users) can read."""
    path = Path(tempfile.mkdtemp(prefix=prefix))
    path.chmod(0o755)
    return path


def site_env(workdir, database_url, *, varnish_port=None, redis_url="", extra=None):
    """Production settings for a loopback run: plain HTTP, local media, our own database,
    background work done in the request (``immediate``) unless ``extra`` names a queue."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "DJANGO_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY="loopback-only-" + "k" * 50,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        PORTAL_DATA_DIR=str(workdir),
        MEDIA_ROOT=str(workdir / "media"),
        STATIC_ROOT=str(workdir / "static"),
        LOG_LEVEL="WARNING",
        GUNICORN_ACCESS_LOG="",
        FRONTEND_CACHE_URLS=f"http://127.0.0.1:{varnish_port}" if varnish_port else "",
        # Background work inside the request unless the caller starts a worker (extra=
        # {"TASK_BACKEND": "database"} and start_task_worker): production's default is the
        # database queue, which nothing would drain here.
        TASK_BACKEND="immediate",
    )
    env.update(extra or {})
    return env


def manage(env, *args, timeout=900):
    """Run manage.py with this environment; raise with its output if it fails."""
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if result.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


def site_key():
    """A digest of what the prepared site is made of: every migration, the demo builder and
    the pinned requirements. Another digest, another site."""
    import hashlib

    digest = hashlib.sha256()
    files = [
        *ROOT.glob("*/migrations/*.py"),
        *ROOT.glob("*/*/migrations/*.py"),
        *(ROOT / "campaigns" / "demo").rglob("*"),
        ROOT / "requirements.txt",
    ]
    for path in sorted(f for f in files if f.is_file() and "__pycache__" not in f.parts):
        digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def prepare_site(env):
    """Migrate, load the demo content and collect static files (idempotent).

    The demo's own background work (reference index, search index) runs as it is loaded, as
    ``make demo`` does: queued, it would leave a worker hundreds of tasks behind.
    """
    manage(env, "migrate", "--noinput")
    manage({**env, "TASK_BACKEND": "immediate"}, "load_demo_content")
    manage(env, "collectstatic", "--noinput")


def start_task_worker(env, log=None):
    """One task worker for ``env``'s ``TASK_BACKEND`` (``database``: ``db_worker`` polling
    every 0.1 s; ``rq``: an RQ worker on the ``default`` queue, as deployed), or None for
    ``immediate``. Tasks enqueued while it starts wait in the queue for it.

    :raises RuntimeError: the worker exited at once (its log, if given, says why).
    """
    backend = env.get("TASK_BACKEND", "immediate")
    if backend == "immediate":
        return None
    if backend == "database":
        command = ["db_worker", "--queue-name", "default", "--no-reload", "--interval", "0.1"]
    else:
        command = ["rqworker", "default", "--job-class", "django_tasks_rq.Job", "--with-scheduler"]
    process = subprocess.Popen(
        [sys.executable, "manage.py", *command],
        cwd=ROOT,
        env={**env, "LOG_LEVEL": "INFO"},
        stdout=log or subprocess.DEVNULL,
        stderr=log or subprocess.DEVNULL,
        start_new_session=True,
    )
    time.sleep(1.0)
    if process.poll() is not None:
        raise RuntimeError(f"the {backend} task worker exited with {process.returncode}")
    return process


def start_gunicorn(env, port, workers=2, threads=4, log=None, worker_class=None):
    extra = {"GUNICORN_WORKER_CLASS": worker_class} if worker_class else {}
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "portal.wsgi"],
        cwd=ROOT,
        env={
            **env,
            "GUNICORN_BIND": f"127.0.0.1:{port}",
            "GUNICORN_WORKERS": str(workers),
            "GUNICORN_THREADS": str(threads),
            **extra,
        },
        stdout=log or subprocess.DEVNULL,
        stderr=log or subprocess.DEVNULL,
        start_new_session=True,
    )
    wait_for_port(port, process=process)
    return process


def start_varnish(workdir, port, backend_port, memory="128m"):
    """varnishd in the foreground with the shipped VCL, pointed at ``backend_port``."""
    varnishd = find_tool("varnishd")
    if not varnishd:
        raise FileNotFoundError("varnishd is not installed (apt-get install varnish)")
    vcl_text = VCL.read_text()
    if VCL_BACKEND_PORT not in vcl_text:
        raise RuntimeError(f"{VCL} no longer contains {VCL_BACKEND_PORT!r}")
    vcl = workdir / "portal.vcl"
    vcl.write_text(vcl_text.replace(VCL_BACKEND_PORT, f'.port = "{backend_port}";'))
    vcl.chmod(0o644)
    process = subprocess.Popen(
        [
            varnishd, "-F", "-n", str(workdir / "varnish"), "-a", f"127.0.0.1:{port}",
            "-T", "none", "-f", str(vcl), "-s", f"malloc,{memory}",
            "-p", "default_ttl=0",
        ],
        stdout=subprocess.DEVNULL,
        stderr=(workdir / "varnishd.log").open("w"),
        start_new_session=True,
    )  # fmt: skip
    wait_for_port(port, process=process)
    try:
        _wait_until_backend_healthy(port, process)
    except BaseException:
        stop(process)
        raise
    return process


def _wait_until_backend_healthy(port, process, timeout=30.0):
    """The health probe marks the backend healthy a moment after start; until then: 503."""
    import urllib.error
    import urllib.request

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"varnishd exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz/ping", timeout=5):
                return
        except (urllib.error.URLError, OSError):
            time.sleep(0.2)
    raise TimeoutError("Varnish never saw a healthy backend")


def start_nginx(workdir, port, root):
    """nginx serving ``root`` as plain files: the ceiling any page server can reach."""
    nginx = find_tool("nginx")
    if not nginx:
        raise FileNotFoundError("nginx is not installed (apt-get install nginx-light)")
    conf = workdir / "nginx.conf"
    conf.write_text(
        f"""daemon off;
worker_processes 1;
pid {workdir / "nginx.pid"};
error_log {workdir / "nginx-error.log"} warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    default_type text/html;
    client_body_temp_path {workdir / "nginx-tmp"};
    server {{
        listen 127.0.0.1:{port};
        root {root};
        location / {{ try_files $uri $uri/index.html =404; }}
    }}
}}
"""
    )
    (workdir / "nginx-tmp").mkdir(exist_ok=True)
    process = subprocess.Popen(
        [nginx, "-c", str(conf), "-p", str(workdir)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    wait_for_port(port, process=process)
    return process


def start_front(workdir, port, backend_port, media_root, media_url="/media/"):
    """nginx as the site's front server: public media from ``media_root`` (what the bucket or
    CDN serves in production: plain files, byte ranges, a day's browser cache) and every other
    address proxied to gunicorn on ``backend_port``. Returns the nginx process."""
    nginx = find_tool("nginx")
    if not nginx:
        raise FileNotFoundError("nginx is not installed (apt-get install nginx-light)")
    conf = workdir / "nginx-front.conf"
    conf.write_text(
        f"""daemon off;
worker_processes 1;
pid {workdir / "nginx-front.pid"};
error_log {workdir / "nginx-front-error.log"} warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    client_body_temp_path {workdir / "nginx-tmp"};
    proxy_temp_path {workdir / "nginx-tmp"};
    server {{
        listen 127.0.0.1:{port};
        location {media_url} {{
            alias {media_root}/;
            expires 1d;
        }}
        location / {{
            proxy_pass http://127.0.0.1:{backend_port};
            proxy_set_header Host $http_host;
            proxy_http_version 1.1;
            proxy_buffering off;
        }}
    }}
}}
"""
    )
    (workdir / "nginx-tmp").mkdir(exist_ok=True)
    process = subprocess.Popen(
        [nginx, "-c", str(conf), "-p", str(workdir)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    wait_for_port(port, process=process)
    return process


def stop(process):
    """Stop one process we started (by its handle), with its process group if it leads one
    (``start_new_session=True``: gunicorn's workers, varnishd's child)."""
    if process is None or process.poll() is not None:
        return

    def send(sig):
        try:
            if os.getpgid(process.pid) == process.pid:
                os.killpg(process.pid, sig)
            else:
                process.send_signal(sig)
        except ProcessLookupError:
            pass

    send(signal.SIGTERM)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        send(signal.SIGKILL)
        process.wait(timeout=5)


def start_redis(workdir, port):
    """A Redis server on ``port`` (127.0.0.1, nothing saved to disk), once it listens."""
    process = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
         "--appendonly", "no", "--dir", str(workdir)],
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    wait_for_port(port, process=process)
    return process
