"""gunicorn settings for the portal (``gunicorn -c gunicorn.conf.py portal.wsgi``).

Every value can be overridden from the environment, so one file serves a laptop, CI's
benchmark and a production app server.
"""

import gc
import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8200")
# Page renders are CPU-bound Python: one process per core, plus one to cover I/O waits.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() + 1))
# A few threads per worker overlap database, Redis and S3 round trips.
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "gthread")
threads = int(os.environ.get("GUNICORN_THREADS", 4))
# Slow phones on slow networks: the edge cache buffers them; gunicorn only sees the proxy.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 20
# 0: close each connection after its response, so every request is accepted by whichever
# worker is free; with keep-alive one worker could hold every connection of the proxy while
# the others idled (docs/performance.md). Varnish reconnects cheaply.
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", 0))
# Recycle workers now and then so a slow leak can never take a server down on launch day.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 2000))
max_requests_jitter = 200
# Load the app once in the master: faster worker start and shared memory pages.
preload_app = os.environ.get("GUNICORN_PRELOAD", "true").lower() == "true"
# Trust X-Forwarded-* only from the proxies in front (Varnish, the load balancer).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
proc_name = "portal"
# The runtime control socket (gunicornc) is off unless a path is given: a shared default
# path would let two instances on one host trample each other's socket.
if os.environ.get("GUNICORN_CONTROL_SOCKET"):
    control_socket = os.environ["GUNICORN_CONTROL_SOCKET"]
else:
    control_socket_disable = True


def when_ready(server):
    """In the master, before the first fork: load what every worker would load on its own."""
    if preload_app:
        from portal.warmup import warm

        server.log.info("warm-up: %d templates compiled, URLs and catalogues loaded", warm())
        # What the master loaded lives as long as the workers: keep it out of their garbage
        # collections (and their memory pages shared, untouched by the collector's marks).
        gc.freeze()
