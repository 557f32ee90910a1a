"""Run every Python example in the README, the docs and the docstrings as a test.

Also: the 100 % coverage floor (``--cov-fail-under`` in pyproject.toml) is a property
of the whole suite, so a run of some of it (``pytest tests/test_money.py``, ``-k``,
``-m slow``, ``-m dask``) reports coverage but is not failed by it.
"""

from doctest import ELLIPSIS, NORMALIZE_WHITESPACE

import pytest
from sybil import Sybil
from sybil.parsers.markdown import PythonCodeBlockParser, SkipParser
from sybil.parsers.rest import DocTestParser

DEFAULT_SELECTION = "not slow and not dask"
"""The ``-m`` of pyproject.toml's addopts: the slow and the Dask tests run apart, in ``.ci/run``."""

pytest_collect_file = (
    Sybil(
        parsers=[PythonCodeBlockParser(doctest_optionflags=ELLIPSIS), SkipParser()],
        patterns=["*.md"],
        excludes=["CHANGELOG.md"],
    )
    + Sybil(
        parsers=[DocTestParser(optionflags=ELLIPSIS | NORMALIZE_WHITESPACE)],
        patterns=["*.py"],
        path="src",
    )
).pytest()


def pytest_configure(config: pytest.Config) -> None:
    """Drop the coverage floor unless this run is the whole default suite."""
    whole_suite = (
        config.args_source is pytest.Config.ArgsSource.TESTPATHS
        and not config.option.keyword
        and config.option.markexpr == DEFAULT_SELECTION
    )
    coverage = config.pluginmanager.get_plugin("_cov")
    if not whole_suite and coverage is not None:
        coverage.options.cov_fail_under = None

