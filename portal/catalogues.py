"""Compile the .po message catalogues to .mo without GNU gettext (polib is a dependency).

Run as ``python -m portal.catalogues``; the Makefile and the test suite call it, so a
fresh checkout never serves untranslated interface strings.
"""

import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent


def compile_all(root=ROOT):
    compiled = []
    for po_path in sorted(root.glob("**/locale/*/LC_MESSAGES/*.po")):
        if any(part.startswith(".") for part in po_path.relative_to(root).parts):
            continue  # .venv, and .cache where make bench keeps bakerydemo and its libraries
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
        compiled.append(mo_path)
    return compiled


if __name__ == "__main__":
    for path in compile_all():
        sys.stdout.write(f"compiled {path.relative_to(ROOT)}\n")
