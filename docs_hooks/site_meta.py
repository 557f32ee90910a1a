"""MkDocs hook: show the version of ``ohs_domain`` the site was built from.

Also shows a ``python`` block written as a doctest as a console session
(``pycon``), so that its output is not highlighted as code.

The version is read from the installed package's metadata (``pyproject.toml``
is its one source), so a release never needs the site edited by hand. It
appears beside the repository link in the header and in the footer.
"""

from __future__ import annotations

import re
from importlib.metadata import PackageNotFoundError, version
from typing import Any

# A ```python block that is a doctest (Sybil runs it as one) is shown as a console session.
_DOCTEST_BLOCK = re.compile(r"^(\s*)```python\n(?=\1>>> )", re.MULTILINE)


def package_version() -> str:
    """The installed version of ``ohs-domain``, or ``"unreleased"`` when not installed."""
    try:
        return version("ohs-domain")
    except PackageNotFoundError:
        return "unreleased"


def on_config(config: Any, **_: Any) -> Any:
    """Put the version in the header (beside the repository) and in the footer."""
    number = package_version()
    config["repo_name"] = f"{config['repo_name']} {number}"
    config["copyright"] = f"Version {number} · {config['copyright']}"
    config["extra"]["version_number"] = number
    return config


def on_page_markdown(markdown: str, **_: Any) -> str:
    """Highlight doctest blocks as console sessions: prompts, then plain output."""
    return _DOCTEST_BLOCK.sub(r"\1```pycon\n", markdown)
