"""Run every Python example in the README, the docs and the docstrings as a test."""

from sybil import Sybil
from sybil.parsers.markdown import PythonCodeBlockParser, SkipParser
from sybil.parsers.rest import DocTestParser

pytest_collect_file = (
    Sybil(
        parsers=[PythonCodeBlockParser(), SkipParser()],
        patterns=["*.md"],
        excludes=["CHANGELOG.md"],
    )
    + Sybil(parsers=[DocTestParser()], patterns=["*.py"], path="src")
).pytest()
