"""Search in the reader's language: Pagefind's index of the page's <html lang>, in the header's dialog.

Japanese is segmented by Pagefind's extended build, so 霞ヶ浦 is found inside
つくば霞ヶ浦りんりんロード and 防災センター finds pages with 防災 and センター.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
import yaml

from .reader import LANGUAGES, ServedSite, in_language, site_path

pytestmark = pytest.mark.browser

UI = "#kk-search-ui"

TOKYO_PARK = "disaster-prevention/tokyo-rinkai-disaster-prevention-park/"
EVACUATION = "disaster-prevention/tsukuba-evacuation-sites/"
# (reader's language, query, pages that must be among the results, below the language's root)
SEARCHES = [
    ("ja", "霞ヶ浦", ["cycling/ring-ring-road/"]),
    ("ja", "防災", ["disaster-prevention/", TOKYO_PARK]),
    ("ja", "防災センター", ["disaster-prevention/kiez-bochum/"]),
    ("ja", "筑波山", ["cycling/cycle-park-tsukuba/"]),
    ("ja", "サイクリング", ["cycling/", "cycling/ring-ring-road/"]),
    ("de", "Katastrophenschutz", ["disaster-prevention/", TOKYO_PARK]),
    ("de", "Radweg", ["cycling/ruhrtalradweg-kemnader-see/"]),
    ("en", "cycle route", ["cycling/ring-ring-road/"]),
    ("en", "evacuation", [EVACUATION]),
    # A Japanese term quoted on the German and English pages too: each reader
    # gets the page in their own language only.
    ("de", "指定緊急避難場所", [EVACUATION]),
    ("ja", "指定緊急避難場所", [EVACUATION]),
    ("en", "指定緊急避難場所", [EVACUATION]),
    # Residents' basics: emergency numbers and warnings lead the section page.
    ("ja", "救急", ["disaster-prevention/"]),
    ("ja", "警報", ["disaster-prevention/"]),
    ("de", "Notruf", ["disaster-prevention/"]),
    ("de", "112", ["disaster-prevention/"]),
    ("ja", "112", ["disaster-prevention/"]),
    ("en", "emergency", ["disaster-prevention/"]),
    ("en", "112", ["disaster-prevention/"]),
]

# Readers' words that the editors' guide also uses: readers get readers' pages only.
# The records that hold a city's basics (emergency numbers, warnings) in the shipped data.
DISASTER_DATA = Path(__file__).parents[2] / "data" / "disaster-prevention.yml"
BASICS_HOLDERS = [r["id"] for r in yaml.safe_load(DISASTER_DATA.read_text("utf-8")) if "basics" in r]
READERS_ONLY = [("de", "Notruf"), ("de", "112"), ("ja", "112"), ("en", "112"), ("en", "emergency")]

# Where most results of a query must come from (the section the word belongs to).
MOSTLY_FROM = {
    "防災": "/ja/disaster-prevention/",
    "防災センター": "/ja/disaster-prevention/",
    "Katastrophenschutz": "/disaster-prevention/",
}

RESULTS_JS = """(results) => results.map((result) => ({
    links: [...result.querySelectorAll(".pagefind-ui__result-link")].map((a) => a.getAttribute("href")),
    marks: [...result.querySelectorAll(".pagefind-ui__result-excerpt mark")].map((m) => m.textContent),
}))"""


def open_search(page: Any) -> Any:
    """Open the search dialog with the header's button; returns the search field."""
    page.locator(".md-header .kk-search__open").click()
    field = page.locator(f"{UI} .pagefind-ui__search-input")
    field.wait_for(state="visible")
    page.wait_for_function("document.activeElement?.classList.contains('pagefind-ui__search-input')")
    return field


def run_query(page: Any, query: str) -> list[dict]:
    """Type ``query`` and return every result (all pages of them loaded)."""
    from playwright.sync_api import Error as PlaywrightError

    open_search(page).fill(query)
    message = page.locator(f"{UI} .pagefind-ui__message")
    # Pagefind says "Searching for …" first, then the count: wait for a number.
    try:
        page.wait_for_function(
            "([selector, query]) => /\\d/.test((document.querySelector(selector)?.textContent || '')"
            ".replace(query, ''))",
            arg=[f"{UI} .pagefind-ui__message", query],
        )
    except PlaywrightError:
        shown = message.inner_text() if message.count() else "no message"
        pytest.fail(f"no results counted for {query!r}: {shown!r}", pytrace=False)
    expected = int(re.search(r"\d+", message.inner_text().replace(query, "")).group(0))
    more = page.locator(f"{UI} .pagefind-ui__button")
    while True:
        page.wait_for_function(f"!document.querySelector('{UI} .pagefind-ui__loading')")
        if more.count() and more.is_visible():
            more.click()
            continue
        break
    results = page.locator(f"{UI} .pagefind-ui__result").evaluate_all(RESULTS_JS)
    assert len(results) == expected, f"{message.inner_text()!r}, but {len(results)} results shown"
    return results


def result_page(result: dict) -> str:
    return unquote(urlsplit(result["links"][0]).path)


def related(mark: str, query: str) -> bool:
    """A highlighted word belongs to the query (itself, a stem or, in Japanese, a segment)."""
    mark = mark.strip(" .,:;、。（）()").lower()
    return bool(mark) and any(mark in word or word in mark for word in query.lower().split())


@pytest.mark.parametrize(
    ("lang", "query", "expected"), [pytest.param(*s, id=f"{s[0]}-{s[1]}") for s in SEARCHES]
)
def test_search_finds_the_records_in_the_readers_language(
    page: Any, served_site: ServedSite, lang: str, query: str, expected: list[str]
) -> None:
    page.goto(served_site.url(lang, ""))
    results = run_query(page, query)
    found = [result_page(r) for r in results]
    expected = [site_path(lang, path) for path in expected]
    for path in expected:
        assert path in found, f"{query!r} in {lang}: {path} not among {found}"
    links = [unquote(urlsplit(link).path) for r in results for link in r["links"]]
    foreign = [link for link in links if not in_language(lang, link)]
    assert not foreign, f"{query!r} in {lang} found pages of another language: {foreign}"
    unmarked = [result_page(r) for r in results if not r["marks"]]
    assert not unmarked, f"{query!r}: excerpts without a highlighted <mark>: {unmarked}"
    for path in expected:
        marks = next(r["marks"] for r in results if result_page(r) == path)
        assert any(related(mark, query) for mark in marks), f"{query!r}: {path} highlights {marks}"
    if query in MOSTLY_FROM:
        section = MOSTLY_FROM[query]
        assert found[0].startswith(section), f"{query!r}: first result {found[0]}"
        share = sum(path.startswith(section) for path in found) / len(found)
        assert share >= 0.5, f"{query!r}: only {share:.0%} of the results in {section}: {found}"


@pytest.mark.parametrize(("lang", "key"), [("de", "f"), ("ja", "s"), ("en", "/")])
def test_keyboard_shortcut_opens_the_search_with_focus_in_the_field(
    page: Any, served_site: ServedSite, lang: str, key: str
) -> None:
    page.goto(served_site.url(lang, "cycling/"))
    dialog = page.locator("#kk-search")
    assert not dialog.is_visible()
    page.keyboard.press(key)
    dialog.wait_for(state="visible")
    page.wait_for_function("document.activeElement?.classList.contains('pagefind-ui__search-input')")
    page.keyboard.type({"de": "Radweg", "ja": "霞ヶ浦", "en": "evacuation"}[lang])
    page.locator(f"{UI} .pagefind-ui__result-link").first.wait_for()
    page.keyboard.press("Escape")
    dialog.wait_for(state="hidden")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_button_is_in_the_header_and_named(page: Any, served_site: ServedSite, lang: str) -> None:
    page.goto(served_site.url(lang, "partnership/"))
    button = page.locator(".md-header .kk-search__open")
    assert button.is_visible()
    name = button.get_attribute("aria-label")
    assert name == {"de": "Suche", "ja": "検索", "en": "Search"}[lang]


@pytest.mark.parametrize(("lang", "query"), [("de", "Bochum"), ("ja", "つくば"), ("en", "Tsukuba")])
def test_search_reads_every_bundle_of_a_language_indexed_in_parts(
    page: Any, served_site: ServedSite, lang: str, query: str
) -> None:
    page.goto(served_site.url(lang, ""))
    dialog = page.locator("#kk-search")
    bundles = [dialog.get_attribute("data-bundle"), *dialog.get_attribute("data-merge").split()]
    assert len(bundles) >= 2, "the served site is built with small search bundles"
    home = urlsplit(page.url).path
    folders = {posixpath.normpath(posixpath.join(home, bundle)) + "/" for bundle in bundles}
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(unquote(urlsplit(request.url).path)))
    results = run_query(page, query)
    assert results
    for folder in folders:
        index_files = [path for path in fetched if path.startswith(folder) and ".pf_" in path]
        assert index_files, f"{query!r} in {lang}: nothing read from {folder}; read {fetched}"


@pytest.mark.parametrize(("lang", "query"), [("de", "Bochum"), ("ja", "つくば"), ("en", "Tsukuba")])
def test_search_works_on_the_not_found_page_at_any_missing_address(
    page: Any, served_site: ServedSite, lang: str, query: str
) -> None:
    response = page.goto(served_site.url(lang, "no/such/page/"))
    assert response is not None and response.status == 404
    assert page.locator("html").get_attribute("lang") == lang
    results = run_query(page, query)
    assert results, f"{query!r}: nothing found on the not-found page"
    links = [unquote(urlsplit(link).path) for r in results for link in r["links"]]
    foreign = [link for link in links if not in_language(lang, link)]
    assert not foreign, f"{query!r} on the {lang} not-found page found pages of another language: {foreign}"
    missing = [link for link in links if not (served_site.root / link.lstrip("/") / "index.html").is_file()]
    assert not missing, f"results lead to missing pages: {missing}"


@pytest.mark.parametrize(("lang", "query"), [pytest.param(*q, id=f"{q[0]}-{q[1]}") for q in READERS_ONLY])
def test_the_editors_guide_does_not_answer_readers_searches(
    page: Any, served_site: ServedSite, lang: str, query: str
) -> None:
    page.goto(served_site.url(lang, ""))
    found = [result_page(r) for r in run_query(page, query)]
    guide = [path for path in found if path.startswith(site_path(lang, "contribute/"))]
    assert not guide, f"{query!r} in {lang} found the editors' guide: {guide}"
    # A page that gives the emergency numbers comes first: the section page or a guide (the
    # visitor cards carry them too). The section page is among the first three, unless all
    # three give the numbers: pages of guides, or the records that hold a city's basics,
    # which the section page shows (their order moves with the lengths of all pages).
    section, shown = site_path(lang, "disaster-prevention/"), f"{query!r} in {lang}: {found[:5]}"
    holders = {site_path(lang, f"disaster-prevention/{record_id}/") for record_id in BASICS_HOLDERS}
    guide = lambda path: path.startswith(site_path(lang, "guides/"))  # noqa: E731 - a local shorthand
    assert found[0] == section or guide(found[0]), shown
    numbers_only = all(p == section or guide(p) or p in holders for p in found[:3])
    assert section in found[:3] or numbers_only, shown
    assert section in found, shown
