"""On a phone (390×844): no sideways scrolling, and the navigation drawer opens."""

from __future__ import annotations

from typing import Any

import pytest

from .reader import KIND_PARAMS, PAGE_KINDS, ServedSite

pytestmark = pytest.mark.browser

# Elements reaching past the right edge of the viewport, outermost first
# (fixed ones, such as Material's hidden toast, do not make the page scroll).
OVERFLOW_JS = """() => {
    const width = document.documentElement.clientWidth;
    const fixed = (element) => {
        for (let e = element; e; e = e.parentElement) {
            if (getComputedStyle(e).position === "fixed") return true;
        }
        return false;
    };
    const out = [];
    for (const element of document.body.querySelectorAll("*")) {
        const box = element.getBoundingClientRect();
        if (box.width > 0 && box.right > width + 0.5 && !fixed(element)
            && !out.some((o) => o.element.contains(element))) {
            out.push({element, right: Math.round(box.right)});
        }
    }
    return out.map((o) => ({
        selector: o.element.tagName.toLowerCase() + (typeof o.element.className === "string"
            && o.element.className ? "." + o.element.className.trim().split(/\\s+/).join(".") : ""),
        inLanguageMenu: Boolean(o.element.closest(".md-select")),
        right: o.right,
    }));
}"""


@pytest.mark.parametrize(("lang", "kind"), KIND_PARAMS)
def test_no_horizontal_scrolling_on_a_phone(
    phone_page: Any, served_site: ServedSite, lang: str, kind: str
) -> None:
    phone_page.goto(served_site.url(lang, PAGE_KINDS[kind]))
    scroll_width, client_width = phone_page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    if scroll_width > client_width:
        overflow = phone_page.evaluate(OVERFLOW_JS)
        raise AssertionError(f"scrollWidth {scroll_width} > clientWidth {client_width}: {overflow}")


@pytest.mark.parametrize(("lang", "kind"), KIND_PARAMS)
def test_navigation_drawer_opens_on_a_phone(
    phone_page: Any, served_site: ServedSite, lang: str, kind: str
) -> None:
    phone_page.goto(served_site.url(lang, PAGE_KINDS[kind]))
    drawer = phone_page.locator(".md-sidebar--primary")
    nav = drawer.locator("nav.md-nav--primary")
    box = drawer.bounding_box()
    assert box["x"] + box["width"] <= 0, "the navigation is on screen before the drawer is opened"
    phone_page.locator('.md-header label.md-header__button[for="__drawer"]').click()
    phone_page.wait_for_function(
        "document.querySelector('.md-sidebar--primary').getBoundingClientRect().left >= 0"
    )
    assert phone_page.evaluate("document.getElementById('__drawer').checked")
    assert nav.is_visible()
    # The sections can be reached from the open drawer.
    link = nav.locator(
        ".md-nav__link", has_text={"de": "Radwege", "ja": "サイクリング", "en": "Cycling"}[lang]
    )
    assert link.first.is_visible()
    link_box = link.first.bounding_box()
    assert link_box["x"] >= 0 and link_box["x"] + link_box["width"] <= 390


# The site's name in the header and the width it needs: all of it is shown (no ellipsis).
TITLE_JS = """() => {
    const title = document.querySelector(".md-header__title .md-header__topic .md-ellipsis");
    return [title.textContent.trim(), title.scrollWidth, title.clientWidth];
}"""


@pytest.mark.parametrize(("lang", "kind"), KIND_PARAMS)
def test_the_sites_name_is_not_cut_off_in_the_header_on_a_phone(
    phone_page: Any, served_site: ServedSite, lang: str, kind: str
) -> None:
    phone_page.goto(served_site.url(lang, PAGE_KINDS[kind]))
    assert phone_page.evaluate("document.documentElement.clientWidth") == 390
    name, needed, shown = phone_page.evaluate(TITLE_JS)
    assert name == {"de": "Bochum ⇄ Tsukuba", "ja": "ボーフム ⇄ つくば", "en": "Bochum ⇄ Tsukuba"}[lang]
    assert needed <= shown, f"{name!r} needs {needed} px but has {shown} px: cut off"
