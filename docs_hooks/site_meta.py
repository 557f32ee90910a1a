"""MkDocs hook: show the version of ``ohs_domain`` the site was built from.

The version is read from the installed package's metadata (``pyproject.toml``
is its one source), so a release never needs the site edited by hand. It
appears beside the repository link in the header and in the footer.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import Any


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
