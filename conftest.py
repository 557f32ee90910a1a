"""Run every Python example in the README, the docs and the docstrings as a test."""

from doctest import ELLIPSIS, NORMALIZE_WHITESPACE

from sybil import Sybil
from sybil.parsers.markdown import PythonCodeBlockParser, SkipParser
from sybil.parsers.rest import DocTestParser

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
