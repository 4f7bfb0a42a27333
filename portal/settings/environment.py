"""Where the portal lives and its environment, read once for every settings module.

``PORTAL_DATA_DIR`` is read before ``.env`` is loaded, so it comes from the process
environment only (a ``PORTAL_DATA_DIR`` line in ``.env`` is not seen).
"""

from pathlib import Path

from environs import Env

BASE_DIR = Path(__file__).resolve().parent.parent.parent
DATA_DIR = Path(Env().str("PORTAL_DATA_DIR", str(BASE_DIR / "var")))

env = Env()
env.read_env(str(BASE_DIR / ".env"), recurse=False)
