"""Check the built documentation site in a real browser (headless Chromium).

Serves the built site (``mkdocs build --site-dir DIR``) on 127.0.0.1, opens
it in Debian's Chromium through Playwright, and fails when:

- the home page, the tutorial or an API reference page logs a console error
  or a page error, or asks for anything outside 127.0.0.1 (the site must
  work offline and on an intranet);
- the site search does not find "minimum wage";
- a navigation link does not resolve.

Usage: ``python3 scripts/check_site.py SITE_DIR``
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
import urllib.request
from pathlib import Path
from urllib.parse import urljoin, urlparse

from playwright.sync_api import ConsoleMessage, Page, Request, sync_playwright

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
PAGES = ["index.html", "tutorial/index.html", "reference/rewards.html"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *_: object) -> None:
        pass


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, *_: object) -> None:
        pass  # a browser closing a connection early is not a site failure


def main(site: Path) -> int:
    handler = functools.partial(_Quiet, directory=str(site))
    server = _Server(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    failures: list[str] = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            page = browser.new_page()
            _watch(page, failures)
            for path in PAGES:
                response = page.goto(base + path, wait_until="networkidle")
                if response is None or response.status != 200:
                    failures.append(f"{path or 'home'}: HTTP {response and response.status}")
            _search(page, base, failures)
            _navigation(page, base, failures)
            browser.close()
    finally:
        server.shutdown()
    for failure in failures:
        print(f"FAIL {failure}")
    print(f"site check: {len(failures)} failure(s) on {base}")
    return 1 if failures else 0


def _watch(page: Page, failures: list[str]) -> None:
    def console(message: ConsoleMessage) -> None:
        if message.type == "error":
            failures.append(f"console error on {page.url}: {message.text}")

    def request(outgoing: Request) -> None:
        host = urlparse(outgoing.url).hostname
        if host not in ("127.0.0.1", None):
            failures.append(f"{page.url} requested {outgoing.url}: the site must work offline")

    page.on("console", console)
    page.on("pageerror", lambda error: failures.append(f"page error on {page.url}: {error}"))
    page.on("request", request)


def _search(page: Page, base: str, failures: list[str]) -> None:
    page.goto(base, wait_until="networkidle")
    page.keyboard.press("s")  # Material's shortcut focuses the search box
    page.keyboard.type("minimum wage", delay=50)
    try:
        page.wait_for_selector(".md-search-result__item", timeout=15_000)
    except Exception:
        failures.append('search found nothing for "minimum wage"')
        return
    count = page.locator(".md-search-result__item").count()
    print(f'search "minimum wage": {count} result(s)')


def _navigation(page: Page, base: str, failures: list[str]) -> None:
    page.goto(base, wait_until="networkidle")
    links = page.eval_on_selector_all(
        "nav.md-nav a.md-nav__link[href]", "links => links.map(a => a.getAttribute('href'))"
    )
    targets = sorted({urljoin(base, href).split("#")[0] for href in links})
    for target in targets:
        try:
            with urllib.request.urlopen(target, timeout=10) as response:  # noqa: S310 - 127.0.0.1
                status = response.status
        except OSError as error:
            failures.append(f"navigation link {target}: {error}")
            continue
        if status != 200:
            failures.append(f"navigation link {target}: HTTP {status}")
    print(f"navigation: {len(targets)} link(s) checked")


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
