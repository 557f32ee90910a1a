"""MkDocs hook: index each page of the Russian site once; a language menu that works from disk.

The i18n plugin builds the Russian site (``ru/``) with the Russian pages
(``*.ru.md``: the tutorial, the glossary) and, for every other page, the
English one. Those English copies are left out of the search, so a search
finds each English page once and each Russian page once; the one index
stems English and Russian (``search.lang``) and keeps Kazakh words as
written (its pipeline has no trimmer, which would cut Kazakh letters such
as ә, қ, ү, і off the ends of words).

The header's language menu (the i18n plugin's ``reconfigure_material``) links
each page to the same page in the other language. Material also writes those
links into the page's head (``<link rel="alternate" hreflang>``), and its
script then fetches ``sitemap.xml`` beside each of them to map pages between
languages: from disk (``file://``) the browser refuses that request, and with
plain file URLs (``page.html``) it looks for a sitemap in every folder. The
menu's own links already name the page, so the head's copies are dropped.
"""

from __future__ import annotations

import re
from typing import Any

_ALTERNATE = re.compile(r'\n\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def on_page_markdown(markdown: str, page: Any, **_: Any) -> str:
    """Keep an English page shown in the Russian site out of the search."""
    if page.url.startswith("ru/") and not page.file.src_uri.endswith(".ru.md"):
        page.meta["search"] = {**page.meta.get("search", {}), "exclude": True}
    return markdown


def on_post_page(output: str, **_: Any) -> str:
    """Drop the head's alternate links (the menu keeps its own): no sitemap is fetched."""
    return _ALTERNATE.sub("", output)


def on_post_template(output_content: str, **_: Any) -> str:
    """The same for pages built from a template alone (404.html)."""
    return _ALTERNATE.sub("", output_content)
