"""What the browser matrix checks on each page state, in the page itself.

* axe-core (npm's, installed under .cache/npm, git-ignored; MPL-2.0, not vendored): serious or
  critical violations; a JS-off state through a JS-enabled mirror of its DOM (axe_mirror.py:
  axe never finishes in a page with scripting off). axe skips contrast on Arabic text (it
  takes it for icon ligatures), so contrast is also computed here from the computed colours
  of every visible text node, Arabic included, with JS on and off;
* horizontal overflow of the document;
* text contrast under 4.5:1 (3:1 for large text), from computed colours (see CONTRAST_JS).
"""

import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
AXE_VERSION = "4.14.1"
AXE = ROOT / ".cache" / "npm" / "node_modules" / "axe-core" / "axe.min.js"
SCRIPTS = Path(__file__).resolve().parent / "js"


def script(name):
    """A function written in JavaScript (tests/browser/js/), to pass to ``page.evaluate``."""
    return (SCRIPTS / name).read_text()


def axe_source():
    """axe-core's script, installed with npm on first use; None without npm or network."""
    if not AXE.exists() and shutil.which("npm"):
        subprocess.run(  # noqa: S603 (fixed arguments)
            [
                shutil.which("npm"),
                "install",
                "--prefix",
                str(AXE.parents[2]),
                f"axe-core@{AXE_VERSION}",
                "--no-audit",
                "--no-fund",
            ],
            check=False,
            capture_output=True,
            timeout=300,
        )
    return AXE.read_text() if AXE.exists() else None


AXE_RUN = script("axe_run.js")

OVERFLOW_JS = script("overflow.js")

CONTRAST_JS = script("contrast.js")
