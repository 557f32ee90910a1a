"""Compile the message catalogs: each ``locales/<lang>/LC_MESSAGES/ohs_domain.po`` to ``.mo``.

The ``.po`` files are the catalogs' source, edited by hand (the English one
lists every message id with empty translations: English renders the ids). The
compiled ``.mo`` files are checked in beside them, so that ``pip install -e .``
and the wheel both ship them without a build step; ``tests/test_i18n.py``
fails when a ``.mo`` is not the compilation of its ``.po``.

Usage: ``python3 scripts/compile_catalogs.py`` (writes), ``--check`` (only compares).
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALES = Path(__file__).resolve().parent.parent / "src" / "ohs_domain" / "locales"


def compiled(po: Path) -> bytes:
    """The ``.mo`` bytes of the catalog ``po``."""
    with po.open("rb") as file:
        catalog = read_po(file)
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def main(argv: list[str]) -> int:
    """Compile every catalog (or, with ``--check``, report the stale ones); 1 if any is stale."""
    check = "--check" in argv
    stale = []
    for po in sorted(LOCALES.glob("*/LC_MESSAGES/*.po")):
        mo, data = po.with_suffix(".mo"), compiled(po)
        if mo.is_file() and mo.read_bytes() == data:
            continue
        stale.append(mo)
        if not check:
            mo.write_bytes(data)
    for mo in stale:
        print(f"{'stale' if check else 'compiled'}: {mo.relative_to(LOCALES)}")
    return 1 if check and stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
