"""Demo content built from the launch announcement (../shared/seed/), in ar, fr and en.

Each step is idempotent: running ``load_demo_content`` again finds what exists and
creates nothing new. Later features add their own step to ``STEPS``.
"""

from .media import build_media
from .pages import build_pages
from .people import build_people
from .press import build_press
from .tracker import build_tracker

STEPS = [build_pages, build_media, build_press, build_tracker, build_people]


def build_demo(log=print):
    context = {}
    for step in STEPS:
        step(context, log)
    return context
