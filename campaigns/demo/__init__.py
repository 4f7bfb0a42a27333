"""Demo content built from the launch announcement (../shared/seed/), in ar, fr and en.

Each step is idempotent: running ``load_demo_content`` again finds what exists and
creates nothing new. Later features add their own step to ``STEPS``.
"""

from .media import build_media
from .pages import build_pages

STEPS = [build_pages, build_media]


def build_demo(log=print):
    context = {}
    for step in STEPS:
        step(context, log)
    return context
