"""Compile the .po message catalogues to .mo without GNU gettext (polib is a dependency).

Run as ``python -m portal.catalogues``; the Makefile and the test suite call it, so a
fresh checkout never serves untranslated interface strings.
"""

import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent


def project_catalogues(language="*", root=ROOT):
    """The project's own ``.po`` files for ``language`` (a code, or ``*`` for all), sorted:
    not the libraries' under ``.venv``, nor under ``.cache`` where ``make bench`` keeps
    bakerydemo and its virtualenv (any folder whose name starts with a dot)."""
    return sorted(
        path
        for path in root.glob(f"**/locale/{language}/LC_MESSAGES/*.po")
        if not any(part.startswith(".") for part in path.relative_to(root).parts)
    )


def compile_all(root=ROOT):
    compiled = []
    for po_path in project_catalogues(root=root):
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
        compiled.append(mo_path)
    return compiled


if __name__ == "__main__":
    for path in compile_all():
        sys.stdout.write(f"compiled {path.relative_to(ROOT)}\n")
