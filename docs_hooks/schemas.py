"""MkDocs hook: publish the JSON Schemas of the wire form with the site, as ``schemas/*.json``.

Written from ``ohs_domain.schema`` at build time, so the published schema is
always the one of the library the site documents.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ohs_domain import schema


def on_post_build(config: Any, **_: Any) -> None:
    """Write one ``schemas/<Type>.json`` per published type into the built site."""
    folder = Path(config["site_dir"]) / "schemas"
    folder.mkdir(parents=True, exist_ok=True)
    for kind in schema.TYPES:
        document = schema.json_schema(kind)
        text = json.dumps(document, ensure_ascii=False, indent=2)
        (folder / f"{kind.__name__}.json").write_text(text + "\n", encoding="utf-8")
