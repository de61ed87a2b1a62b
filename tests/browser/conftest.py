"""Fixtures of the browser tests: the site built for and served on localhost, and Chromium.

The site is built once per session, its search in several bundles per
language, with ``SITE_URL`` pointing at the local server (canonical URLs,
hreflang alternates and the sitemap that Material fetches are absolute),
served by a static HTTP server on 127.0.0.1, and read by Debian's Chromium
through Playwright. Where Chromium or Playwright is missing the tests are
skipped with the reason, unless KAKEHASHI_REQUIRE_BROWSER=1.
"""

from __future__ import annotations

import contextlib
import functools
import os
import threading
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, run_mkdocs_build

from .reader import AXE_SCRIPT, CHROMIUM, CHROMIUM_ARGS, ServedSite, require

PHONE = {"width": 390, "height": 844}


class _QuietHandler(SimpleHTTPRequestHandler):
    """Serves the site as a static host does: a missing address gets its language's 404.html."""

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        lang = self.path.lstrip("/").split("/", 1)[0]
        page = Path(self.directory, lang if lang in ("ja", "en") else "", "404.html")
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@contextlib.contextmanager
def built_and_served(
    project: Path,
    root: Path,
    handler: type[SimpleHTTPRequestHandler],
    extra_env: dict[str, str] | None = None,
) -> Iterator[ServedSite]:
    """``project`` built into ``root`` with SITE_URL set to a local server, and that server."""
    # Bind first: the build needs the port for SITE_URL.
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        result = run_mkdocs_build(project, root, {"SITE_URL": origin + "/", **(extra_env or {})})
        assert result.returncode == 0, result.stderr
        thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
        thread.start()
        yield ServedSite(origin, root)
        server.shutdown()
        thread.join(timeout=10)
    finally:
        server.server_close()


@pytest.fixture(scope="session")
def served_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    """The real project built with SITE_URL set to a local server, and that server."""
    root = tmp_path_factory.mktemp("served-site")
    # Small search bundles: each language's search then merges several, as at
    # thousands of records, and the search tests read across them.
    with built_and_served(ROOT, root, _QuietHandler, {"KAKEHASHI_SEARCH_PAGES_PER_BUNDLE": "20"}) as site:
        yield site


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """Debian's Chromium, launched once per session through Playwright."""
    require(CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK), f"no Chromium at {CHROMIUM}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        require(False, "Playwright for Python is not installed (pip install -e '.[test]')")
    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
    finally:
        playwright.stop()


def _new_page(browser: Any, site: ServedSite, **options: Any) -> Iterator[Any]:
    context = browser.new_context(base_url=site.origin, **options)
    context.set_default_timeout(15_000)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture
def page(chromium: Any, served_site: ServedSite) -> Iterator[Any]:
    """A fresh desktop-sized page (its own context: no storage carried over)."""
    yield from _new_page(chromium, served_site, viewport={"width": 1280, "height": 900})


@pytest.fixture
def dark_page(chromium: Any, served_site: ServedSite) -> Iterator[Any]:
    """A desktop page of a reader whose system prefers dark colours (Material's slate scheme)."""
    yield from _new_page(chromium, served_site, viewport={"width": 1280, "height": 900}, color_scheme="dark")


@pytest.fixture
def phone_page(chromium: Any, served_site: ServedSite) -> Iterator[Any]:
    """A page the size of a phone (390×844 CSS pixels), with touch and the meta viewport honoured."""
    yield from _new_page(
        chromium, served_site, viewport=PHONE, device_scale_factor=3, is_mobile=True, has_touch=True
    )


@pytest.fixture(scope="session")
def axe() -> Callable[[Any], list[dict]]:
    """Run axe-core (from node_modules) in a page; returns its violations."""
    require(AXE_SCRIPT.is_file(), f"axe-core is not installed at {AXE_SCRIPT} (run `npm ci`)")

    def run(page: Any) -> list[dict]:
        if not page.evaluate("typeof window.axe !== 'undefined'"):
            page.add_script_tag(path=str(AXE_SCRIPT))
        return page.evaluate(
            """async () => {
                const result = await axe.run(document, {resultTypes: ["violations"]});
                return result.violations.map((v) => ({
                    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                    nodes: v.nodes.map((n) => ({target: n.target.join(" "), summary: n.failureSummary})),
                }));
            }"""
        )

    return run
