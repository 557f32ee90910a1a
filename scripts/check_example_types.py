"""Type-check the Python examples of the README and the docs as users' code: ``mypy --strict``.

Users copy these examples into their own typed code, so each must pass the
strictest check a user may run, exactly as written. The examples of one page
run as one program (Sybil shares their names), so each page becomes one module:
its ``python`` blocks in order, doctest blocks as their source lines (``>>>``
and ``...``, without the expected output), and a block after
``<!-- skip: next -->`` left out as Sybil leaves it out.

Usage: ``python3 scripts/check_example_types.py`` (exit status 1 if mypy finds
a problem, each reported at the page and line it is on), ``--list`` (the pages
and their number of blocks, without type-checking).
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
_BLOCK = re.compile(r"^```python[^\n]*\n(.*?)^```", re.MULTILINE | re.DOTALL)
_SKIP_NEXT = "<!-- skip: next -->"
_PROMPT = re.compile(r"^(>>>|\.\.\.)( |$)")
_MYPY_LINE = re.compile(r"^(?P<file>[^:]+\.py):(?P<line>\d+):(?P<rest>.*)$")


def blocks(text: str) -> list[tuple[int, str]]:
    """Each example of a page that Sybil runs: its first line's number and its source."""
    found = []
    for match in _BLOCK.finditer(text):
        before = text[: match.start()].rstrip().rsplit("\n", 1)[-1]
        if before.strip() == _SKIP_NEXT:
            continue
        first = text.count("\n", 0, match.start(1)) + 1
        found.append((first, match[1]))
    return found


def program(text: str) -> tuple[str, list[int]]:
    """A page's examples as one module, and for each of its lines the page's line number."""
    lines: list[str] = []
    origin: list[int] = []
    for first, source in blocks(text):
        doctest = any(_PROMPT.match(line) for line in source.splitlines())
        for offset, line in enumerate(source.splitlines()):
            if doctest:
                prompt = _PROMPT.match(line)
                if prompt is None:
                    continue  # expected output
                line = line[prompt.end() :]  # noqa: PLW2901 - the statement without its prompt
            lines.append(line)
            origin.append(first + offset)
    return "\n".join(lines) + "\n", origin


def main(argv: list[str]) -> int:
    """Write each page's program to a temporary folder and run ``mypy --strict`` on them."""
    with tempfile.TemporaryDirectory() as folder:
        origins: dict[str, tuple[Path, list[int]]] = {}
        for number, page in enumerate(PAGES):
            source, origin = program(page.read_text(encoding="utf-8"))
            if not origin:
                continue
            module = Path(folder) / f"example_{number:02d}.py"
            module.write_text(source, encoding="utf-8")
            origins[module.name] = (page.relative_to(ROOT), origin)
            if "--list" in argv:
                print(f"{page.relative_to(ROOT)}: {len(blocks(page.read_text('utf-8')))} blocks")
        if "--list" in argv:
            return 0
        result = subprocess.run(  # noqa: S603 - our own interpreter running mypy on our own files
            [sys.executable, "-m", "mypy", "--strict", "--no-incremental", *sorted(origins)],
            capture_output=True,
            text=True,
            check=False,
            cwd=folder,  # not the project's configuration: a user's own, plain --strict
        )
    for line in result.stdout.splitlines():
        match = _MYPY_LINE.match(line)
        if match is None or match["file"] not in origins:
            print(line)
            continue
        page, origin = origins[match["file"]]
        print(f"{page}:{origin[int(match['line']) - 1]}:{match['rest']}")
    print(result.stderr, end="", file=sys.stderr)
    return 0 if result.returncode == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
