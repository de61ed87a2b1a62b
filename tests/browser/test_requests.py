"""Nothing a page loads comes from anywhere but the site itself: no fonts, CDNs or analytics."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest

from .reader import KIND_PARAMS, PAGE_KINDS, ServedSite

pytestmark = pytest.mark.browser

QUERY = {"de": "Bochum", "ja": "つくば", "en": "Bochum"}
# Inline resources never leave the browser (Material's icons are data: URLs in its CSS).
INLINE_SCHEMES = ("data", "blob")


@pytest.mark.parametrize(("lang", "kind"), KIND_PARAMS)
def test_no_request_leaves_the_sites_origin(page: Any, served_site: ServedSite, lang: str, kind: str) -> None:
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(served_site.url(lang, PAGE_KINDS[kind]), wait_until="networkidle")
    # What a reader does next: the language menu (Material looks up sitemaps
    # for it) and the search, whose UI, index and fragments load on demand.
    page.locator(".md-header .md-select button").hover()
    page.locator(".md-header .kk-search__open").click()
    page.locator("#kk-search-ui .pagefind-ui__search-input").fill(QUERY[lang])
    page.locator("#kk-search-ui .pagefind-ui__result-link").first.wait_for()
    page.wait_for_load_state("networkidle")

    origin = urlsplit(served_site.origin)
    elsewhere = [
        url
        for url in requests
        if urlsplit(url).scheme not in INLINE_SCHEMES
        and (urlsplit(url).scheme, urlsplit(url).netloc) != (origin.scheme, origin.netloc)
    ]
    assert not elsewhere, f"requests leaving {served_site.origin}: {elsewhere}"
    assert any("/pagefind/" in url for url in requests), "the search UI did not load"
    assert not errors, f"script errors: {errors}"
