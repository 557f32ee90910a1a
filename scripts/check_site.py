"""Check the built documentation site in a real browser (headless Chromium).

Opens the built site (``mkdocs build --site-dir DIR``) twice in Debian's
Chromium through Playwright: served over HTTP on 127.0.0.1, and from disk
(``file://``, as a zipped site is read on an intranet). Fails when:

- a page logs a console error or a page error, or asks for anything outside
  127.0.0.1 or the disk (the site must work offline);
- the search does not find "minimum wage", "минимальная" or "МРП" (the
  glossary's Russian: the search plugin indexes English and Russian), the
  Kazakh "кәсіподақ" (lunr has no Kazakh: the index keeps Kazakh words as
  written, with no trimmer to cut their last letter қ) or "учебник" (the
  Russian tutorial, ``ru/tutorial/``), over HTTP or from disk;
- the Russian tutorial or glossary does not open;
- the header's language menu does not take the English tutorial to the Russian
  one and back, over HTTP or from disk;
- a navigation link does not resolve to a page (from disk: a folder listing
  is not a page);
- a reference page shows a blockquote inside a blockquote, or a ``>>>``
  example outside a highlighted code block;
- an enum of ``ohs_domain.__all__`` is not documented with every member and
  its wire value; an attrs class without its constructor signature and every
  field;
- a private name (``_COUNCIL``) or a hook's source is published;
- an image of a page is missing, empty or does not load; a generated figure
  is referenced by no page; the site has no generated figures;
- the header does not show the version, or the light/dark toggle is missing.

Usage: ``python3 scripts/check_site.py SITE_DIR``
"""

from __future__ import annotations

import enum
import functools
import http.server
import re
import sys
import threading
import urllib.request
from importlib.metadata import version
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import attrs
from playwright.sync_api import ConsoleMessage, Page, Request, sync_playwright

import ohs_domain

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PAGES = [
    "index.html",
    "tutorial/index.html",
    "reference/rewards.html",
    "ru/tutorial/index.html",
    "ru/reference/glossary.html",
]
FIGURES = "figures"
SEARCH = ("minimum wage", "минимальная", "МРП", "кәсіподақ", "учебник")

# Every ``>>>`` on the page must sit in a <pre>; nested blockquotes are counted.
_EXAMPLES_JS = """() => {
  const content = document.querySelector('.md-content');
  const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
  let loose = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.textContent.includes('>>>') && !node.parentElement.closest('pre')) loose += 1;
  }
  return {nested: content.querySelectorAll('blockquote blockquote').length, loose};
}"""

# The text of each documented object, by the id of its heading.
_OBJECTS_JS = """() => {
  const found = {};
  for (const heading of document.querySelectorAll('.doc-heading[id^="ohs_domain."]')) {
    const object = heading.closest('.doc-object');
    if (!object) continue;
    const signature = object.querySelector(':scope > .doc-signature');
    found[heading.id] = {
      text: object.textContent,
      signature: signature ? signature.textContent : '',
    };
  }
  return found;
}"""

_IMAGES_JS = """() => Array.from(document.querySelectorAll('.md-content img')).map(img => ({
  src: img.getAttribute('src'), url: img.src, complete: img.complete, width: img.naturalWidth,
}))"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *_: object) -> None:
        pass


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, *_: object) -> None:
        pass  # a browser closing a connection early is not a site failure


def main(site: Path) -> int:
    site = site.resolve()
    handler = functools.partial(_Quiet, directory=str(site))
    server = _Server(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    disk = site.as_uri() + "/"
    failures: list[str] = []
    _published_files(site, failures)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            page = browser.new_page()
            _watch(page, failures)
            for path in PAGES:
                response = page.goto(base + path, wait_until="networkidle")
                if response is None or response.status != 200:
                    failures.append(f"{path}: HTTP {response and response.status}")
            _header(page, base, failures)
            _search(page, base + "index.html", "over HTTP", failures)
            _navigation(page, base, failures)
            _reference(page, site, base, failures)
            _images(page, site, base, failures)
            _languages(page, base, "over HTTP", failures)
            _search(page, disk + "index.html", "from disk", failures)
            _languages(page, disk, "from disk", failures)
            _navigation_from_disk(page, site, disk, failures)
            browser.close()
    finally:
        server.shutdown()
    for failure in failures:
        print(f"FAIL {failure}")
    print(f"site check: {len(failures)} failure(s) on {base} and {disk}")
    return 1 if failures else 0


def _watch(page: Page, failures: list[str]) -> None:
    def console(message: ConsoleMessage) -> None:
        if message.type == "error":
            failures.append(f"console error on {page.url}: {message.text}")

    def request(outgoing: Request) -> None:
        url = urlparse(outgoing.url)
        if url.scheme not in ("file", "data", "blob") and url.hostname != "127.0.0.1":
            failures.append(f"{page.url} requested {outgoing.url}: the site must work offline")

    page.on("console", console)
    page.on("pageerror", lambda error: failures.append(f"page error on {page.url}: {error}"))
    page.on("request", request)


def _published_files(site: Path, failures: list[str]) -> None:
    """No source of the build (hooks) is published."""
    sources = sorted(str(path.relative_to(site)) for path in site.rglob("*.py"))
    if sources:
        failures.append(f"Python sources published in the site: {', '.join(sources)}")


def _header(page: Page, base: str, failures: list[str]) -> None:
    page.goto(base + "index.html", wait_until="networkidle")
    number = version("ohs-domain")
    header = page.locator("header").inner_text()
    if number not in header:
        failures.append(f"the header does not show the version {number}: {header!r}")
    if page.locator("form[data-md-component=palette] input").count() < 2:
        failures.append("no light/dark palette toggle in the header")
    if page.locator("header .md-logo img, header .md-logo svg").count() == 0:
        failures.append("no logo in the header")


def _search(page: Page, url: str, how: str, failures: list[str]) -> None:
    for term in SEARCH:
        page.goto(url, wait_until="networkidle")
        page.keyboard.press("s")  # Material's shortcut focuses the search box
        page.keyboard.type(term, delay=50)
        # Cyrillic is typed as inserted text, with no key events; Material searches on a
        # key event, so one real key press (End: the caret stays put) starts the search.
        page.keyboard.press("End")
        try:
            page.wait_for_selector(".md-search-result__item", timeout=15_000)
        except Exception:  # a timeout is the finding, whatever its class
            failures.append(f'search {how} found nothing for "{term}"')
            continue
        count = page.locator(".md-search-result__item").count()
        print(f'search {how} "{term}": {count} result(s)')


def _languages(page: Page, base: str, how: str, failures: list[str]) -> None:
    """The language menu takes a page to the same page in the other language, and back."""
    page.goto(base + "tutorial/index.html", wait_until="networkidle")
    for lang, arrives in (("ru", "ru/tutorial/index.html"), ("en", "tutorial/index.html")):
        page.locator("header .md-select").first.hover()  # the menu opens on hover
        page.locator(f'header a.md-select__link[hreflang="{lang}"]').click()
        page.wait_for_load_state("networkidle")
        if page.url != base + arrives:
            failures.append(f"language menu {how}: {lang} led to {page.url}, not {arrives}")
            return
    print(f"language menu {how}: tutorial ↔ Russian tutorial")


def _nav_links(page: Page) -> list[str]:
    links: list[str] = page.eval_on_selector_all(
        "nav.md-nav a.md-nav__link[href]", "links => links.map(a => a.getAttribute('href'))"
    )
    return links


def _navigation(page: Page, base: str, failures: list[str]) -> None:
    page.goto(base + "index.html", wait_until="networkidle")
    targets = sorted({urljoin(page.url, href).split("#")[0] for href in _nav_links(page)})
    for target in targets:
        try:
            with urllib.request.urlopen(target, timeout=10) as response:  # noqa: S310 - 127.0.0.1
                status = response.status
        except OSError as error:
            failures.append(f"navigation link {target}: {error}")
            continue
        if status != 200:
            failures.append(f"navigation link {target}: HTTP {status}")
    print(f"navigation over HTTP: {len(targets)} link(s) checked")


def _navigation_from_disk(page: Page, site: Path, disk: str, failures: list[str]) -> None:
    """From disk every link must name a page: a folder opens as a listing of files."""
    page.goto(disk + "index.html", wait_until="load")
    targets = sorted({urljoin(page.url, href).split("#")[0] for href in _nav_links(page)})
    for target in targets:
        path = Path(unquote(urlparse(target).path))
        if not path.is_file():
            what = "a folder, shown as a file listing" if path.is_dir() else "missing"
            failures.append(f"from disk, navigation link {target} is {what}")
    pages = [target for target in targets if Path(unquote(urlparse(target).path)).is_file()]
    for target in pages[:3]:
        page.goto(target, wait_until="load")
        if page.locator(".md-content").count() == 0:
            failures.append(f"from disk, {target} shows no page content")
    print(f"navigation from disk: {len(targets)} link(s) checked under {site}")


def _public_enums_and_classes() -> tuple[list[type[enum.Enum]], list[type]]:
    enums: list[type[enum.Enum]] = []
    classes: list[type] = []
    for name in ohs_domain.__all__:
        value = getattr(ohs_domain, name)
        if isinstance(value, type) and issubclass(value, enum.Enum):
            enums.append(value)
        elif isinstance(value, type) and attrs.has(value):
            classes.append(value)
    return enums, classes


def _reference(page: Page, site: Path, base: str, failures: list[str]) -> None:
    """Reference pages: examples as code, enums with members, attrs classes with fields."""
    documented: dict[str, dict[str, str]] = {}
    pages = sorted((site / "reference").rglob("*.html"))
    for path in pages:
        url = base + path.relative_to(site).as_posix()
        page.goto(url, wait_until="load")
        examples = page.evaluate(_EXAMPLES_JS)
        if examples["nested"]:
            failures.append(f"{url}: {examples['nested']} blockquote(s) inside a blockquote")
        if examples["loose"]:
            failures.append(f"{url}: {examples['loose']} '>>>' example(s) outside a code block")
        if re.search(r"\b_[A-Z][A-Z_]+\b", page.locator(".md-content").inner_text()):
            names = sorted(set(re.findall(r"\b_[A-Z][A-Z_]+\b", page.inner_text(".md-content"))))
            failures.append(f"{url}: private names shown: {', '.join(names)}")
        documented.update(page.evaluate(_OBJECTS_JS))
    enums, classes = _public_enums_and_classes()
    for kind in enums:
        shown = documented.get(f"ohs_domain.{kind.__name__}")
        if shown is None:
            failures.append(f"enum {kind.__name__} is documented on no reference page")
            continue
        missing = [
            m.name for m in kind if m.name not in shown["text"] or m.value not in shown["text"]
        ]
        if missing:
            failures.append(f"enum {kind.__name__}: members not listed: {', '.join(missing)}")
    for cls in classes:
        shown = documented.get(f"ohs_domain.{cls.__name__}")
        if shown is None:
            failures.append(f"class {cls.__name__} is documented on no reference page")
            continue
        fields = [field.alias or field.name for field in attrs.fields(cls) if field.init]
        unsigned = [name for name in fields if name not in shown["signature"]]
        if unsigned:
            failures.append(
                f"class {cls.__name__}: constructor signature lacks {', '.join(unsigned)}"
            )
    print(
        f"reference: {len(pages)} page(s), {len(enums)} enum(s), "
        f"{len(classes)} attrs class(es) checked"
    )


def _images(page: Page, site: Path, base: str, failures: list[str]) -> None:
    """Every image loads and is non-empty; every generated figure is shown somewhere."""
    referenced: set[Path] = set()
    checked = 0
    for path in sorted(site.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        if "<img" not in html:
            continue
        url = base + path.relative_to(site).as_posix()
        page.goto(url, wait_until="load")
        for image in page.evaluate(_IMAGES_JS):
            checked += 1
            target = site / unquote(urlparse(image["url"]).path).lstrip("/")
            referenced.add(target.resolve())
            if not target.is_file() or target.stat().st_size == 0:
                failures.append(f"{url}: image {image['src']} is missing or empty")
            elif not image["complete"] or image["width"] == 0:
                failures.append(f"{url}: image {image['src']} did not load")
    figures = sorted((site / FIGURES).glob("*")) if (site / FIGURES).is_dir() else []
    if not figures:
        failures.append(f"no generated figures in {site / FIGURES}")
    for figure in figures:
        if figure.stat().st_size == 0:
            failures.append(f"figure {figure.name} is empty")
        if figure.resolve() not in referenced:
            failures.append(f"figure {figure.name} is shown on no page")
    print(f"images: {checked} shown, {len(figures)} generated figure(s)")


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
