"""The guides on paper and without a connection.

Each visitor card prints on exactly one A4 page in every language (Chromium's
own PDF, its pages counted). The service worker keeps the guides and the
disaster-prevention pages readable offline once visited, and leaves every
other page to the network.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from .reader import LANGUAGES, ServedSite

pytestmark = pytest.mark.browser

CARDS = ("visitor-card-bochum", "visitor-card-tsukuba")
# A page object of a PDF; "/Type /Pages" (the page tree) is not one.
PDF_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def pdf_pages(pdf: bytes) -> int:
    return len(PDF_PAGE.findall(pdf))


@pytest.mark.parametrize("card", CARDS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_visitor_card_prints_on_one_a4_page(page: Any, served_site: ServedSite, lang: str, card: str) -> None:
    page.goto(served_site.url(lang, f"guides/{card}/"))
    assert page.locator(".kk-card .kk-card__number").count() >= 2
    pdf = page.pdf(format="A4", print_background=False)
    assert pdf.startswith(b"%PDF")
    assert pdf_pages(pdf) == 1, f"{lang} {card}: {pdf_pages(pdf)} pages"


def test_a_long_page_prints_on_several_pages(page: Any, served_site: ServedSite) -> None:
    """The page count is real: the crosswalk, much longer than a card, takes several pages."""
    page.goto(served_site.url("de", "guides/disaster-prevention-crosswalk/"))
    assert pdf_pages(page.pdf(format="A4")) > 1


def _keep_offline(page: Any, served_site: ServedSite, path: str) -> None:
    """Open ``path`` online and wait until the service worker has kept it."""
    page.goto(served_site.origin + path)
    page.wait_for_function(
        "async () => Boolean(await caches.match(location.href))", polling=200, timeout=15_000
    )


def test_visited_guides_and_disaster_pages_stay_readable_offline(page: Any, served_site: ServedSite) -> None:
    card, crosswalk = "/ja/guides/visitor-card-bochum/", "/en/guides/disaster-prevention-crosswalk/"
    record = "/disaster-prevention/kiez-bochum/"
    for path in (record, crosswalk, card):  # the card last: it is the page reloaded
        _keep_offline(page, served_site, path)
    page.context.set_offline(True)
    try:
        page.reload()
        assert page.locator("h1").first.inner_text().startswith("ボーフム")
        assert page.locator(".kk-card__number", has_text="112").is_visible()
        # The stylesheets came from the cache too: the numbers are set large.
        font_size = "e => parseFloat(getComputedStyle(e).fontSize)"
        size = page.locator(".kk-card__number").first.evaluate(font_size)
        body = page.locator("article p").first.evaluate(font_size)
        assert size > body
        page.goto(served_site.origin + crosswalk)
        title = "Disaster prevention: the two systems side by side"
        assert page.locator("h1").first.inner_text().startswith(title)
        page.goto(served_site.origin + record)
        assert "KIEZ" in page.locator("h1").first.inner_text()
        # A page of the same folders never visited is not there: the copies above came from the cache.
        with pytest.raises(Exception, match=r"ERR_INTERNET_DISCONNECTED|ERR_FAILED"):
            page.goto(served_site.origin + "/ja/guides/visitor-card-tsukuba/")
    finally:
        page.context.set_offline(False)


def test_other_pages_are_not_kept_offline(page: Any, served_site: ServedSite) -> None:
    """The worker runs on every page but keeps only its folders: the rest of the site needs the network."""
    _keep_offline(page, served_site, "/guides/")
    page.goto(served_site.origin + "/partnership/")
    # A busy machine (two cores, the suite's other builds) can take its time to hand the page over.
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", polling=200, timeout=45_000)
    page.wait_for_timeout(500)  # time for the page's message to the worker, which must keep nothing
    assert not page.evaluate("async () => Boolean(await caches.match(location.href))")
    page.context.set_offline(True)
    try:
        with pytest.raises(Exception, match=r"ERR_INTERNET_DISCONNECTED|ERR_FAILED"):
            page.reload()
    finally:
        page.context.set_offline(False)


def test_service_worker_is_served_from_the_site_root(page: Any, served_site: ServedSite) -> None:
    response = page.request.get(served_site.origin + "/sw.js")
    assert response.ok
    assert "javascript" in response.headers["content-type"]
    page.goto(served_site.url("en", "guides/"))
    scope = page.evaluate("async () => (await navigator.serviceWorker.ready).scope")
    assert scope == served_site.origin + "/"
