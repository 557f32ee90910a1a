"""MkDocs hook: index each page of the Russian site once.

The i18n plugin builds the Russian site (``ru/``) with the Russian pages
(``*.ru.md``: the tutorial, the glossary) and, for every other page, the
English one. Those English copies are left out of the search, so a search
finds each English page once and each Russian page once; the one index
stems English and Russian (``search.lang``) and keeps Kazakh words as
written (its pipeline has no trimmer, which would cut Kazakh letters such
as ә, қ, ү, і off the ends of words).
"""

from __future__ import annotations

from typing import Any


def on_page_markdown(markdown: str, page: Any, **_: Any) -> str:
    """Keep an English page shown in the Russian site out of the search."""
    if page.url.startswith("ru/") and not page.file.src_uri.endswith(".ru.md"):
        page.meta["search"] = {**page.meta.get("search", {}), "exclude": True}
    return markdown
