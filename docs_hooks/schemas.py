"""MkDocs hook: publish the JSON Schemas of the wire form with the site, as ``schemas/*.json``.

Generated from ``ohs_domain.schema`` at build time, so the published schema is
always the one of the library the site documents; as site files, pages can
link to them (``../schemas/Records.json``).
"""

from __future__ import annotations

import json
from typing import Any

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from ohs_domain import schema


# After the i18n plugin, which drops generated files (ultrabug/mkdocs-static-i18n#263).
@event_priority(-100)
def on_files(files: Files, config: Any, **_: Any) -> Files:
    """Add one ``schemas/<Type>.json`` per published type to the site's files."""
    for kind in schema.TYPES:
        text = json.dumps(schema.json_schema(kind), ensure_ascii=False, indent=2) + "\n"
        files.append(File.generated(config, f"schemas/{kind.__name__}.json", content=text))
    return files
