"""The printed form of a disaster-prevention record keeps what a reader needs on paper."""

from __future__ import annotations

from typing import Any

import pytest

from .reader import ADDRESS_RECORD, LANGUAGES, ServedSite

pytestmark = pytest.mark.browser

SOURCES = {"de": "Quellen", "ja": "出典", "en": "Sources"}
LAST_CHECKED = {"de": "Zuletzt geprüft", "ja": "最終確認日", "en": "Last checked"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_printed_record_carries_address_key_facts_and_sources(
    page: Any, served_site: ServedSite, lang: str
) -> None:
    record = ADDRESS_RECORD
    page.goto(served_site.url(lang, f"disaster-prevention/{record['id']}/"))
    page.emulate_media(media="print")
    assert page.evaluate("matchMedia('print').matches")

    assert page.locator("article h1").first.is_visible()
    facts = page.locator(".kk-facts")
    assert facts.is_visible(), "key facts are not printed"
    terms, values = facts.locator("dt"), facts.locator("dd")
    assert terms.count() >= 2 and terms.count() == values.count()
    for i in range(terms.count()):
        assert terms.nth(i).is_visible() and values.nth(i).is_visible(), terms.nth(i).inner_text()
    address = facts.locator("dd", has_text=record["address"][lang])
    assert address.is_visible(), f"address {record['address'][lang]!r} is not printed"

    heading = page.locator("article h2", has_text=SOURCES[lang])
    assert heading.is_visible(), "the sources heading is not printed"
    # The list right after the heading: the official website may share a source's address.
    sources = heading.locator("xpath=following-sibling::ul[1]")
    for source in record["sources"]:
        link = sources.locator(f'a[href="{source["url"]}"]')
        assert link.is_visible(), f"source {source['url']} is not printed"
        # On paper a link is only useful with its address: extra.css prints it after the text.
        after = link.evaluate("a => getComputedStyle(a, '::after').content")
        assert source["url"] in after, f"the URL of {source['url']} is not printed: {after}"
    checked = page.locator("article p", has_text=LAST_CHECKED[lang])
    assert checked.is_visible() and checked.locator("time").is_visible()

    # The page chrome stays off the paper.
    for chrome in (".md-header", ".md-sidebar--primary", "#kk-search"):
        assert not page.locator(chrome).is_visible(), f"{chrome} is printed"
