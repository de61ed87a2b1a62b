"""The language switcher leads to the same content in the other language, and back."""

from __future__ import annotations

from typing import Any

import pytest

from .reader import KIND_PARAMS, LANGUAGES, PAGE_KINDS, ServedSite

pytestmark = pytest.mark.browser


def switch_to(page: Any, lang: str) -> None:
    """Open Material's language menu in the header and follow the link to ``lang``."""
    select = page.locator(".md-header .md-select")
    select.locator("button").click()  # the menu opens while focus is inside it
    link = select.locator(f'.md-select__link[hreflang="{lang}"]')
    link.wait_for(state="visible")
    link.click()


def content_identity(page: Any) -> str:
    """What names the same content in every language: the x-default alternate."""
    return page.locator('head link[rel="alternate"][hreflang="x-default"]').get_attribute("href")


@pytest.mark.parametrize(("lang", "kind"), KIND_PARAMS)
def test_switcher_round_trip_lands_on_the_same_content(
    page: Any, served_site: ServedSite, lang: str, kind: str
) -> None:
    start = served_site.url(lang, PAGE_KINDS[kind])
    page.goto(start)
    assert page.evaluate("document.documentElement.lang") == lang
    identity = content_identity(page)
    for other in LANGUAGES:
        if other == lang:
            continue
        switch_to(page, other)
        target = served_site.url(other, PAGE_KINDS[kind])
        page.wait_for_url(target)
        assert page.evaluate("document.documentElement.lang") == other, page.url
        assert content_identity(page) == identity, f"{lang}→{other}: other content at {page.url}"
        switch_to(page, lang)
        page.wait_for_url(start)
        assert page.evaluate("document.documentElement.lang") == lang, page.url
        assert content_identity(page) == identity
