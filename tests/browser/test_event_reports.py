"""The two cities' reports of an event: side by side on a wide screen, one below the other on a phone."""

from __future__ import annotations

from typing import Any

import pytest

from .reader import ServedSite

pytestmark = pytest.mark.browser

# The boxes of the two columns of the first event with reports on the page.
COLUMNS_JS = """() => [...document.querySelector(".kk-reports").querySelectorAll(":scope > .kk-report")]
    .map((column) => {
        const box = column.getBoundingClientRect();
        return {city: column.dataset.city, left: box.left, top: box.top, bottom: box.bottom};
    })"""


@pytest.mark.parametrize("path", ["events/", "partnership/"])
@pytest.mark.parametrize("lang", ["de", "ja", "en"])
def test_the_reports_stand_side_by_side_and_stack_on_a_phone(
    page: Any, phone_page: Any, served_site: ServedSite, lang: str, path: str
) -> None:
    page.goto(served_site.url(lang, path))
    bochum, tsukuba = page.evaluate(COLUMNS_JS)
    assert (bochum["city"], tsukuba["city"]) == ("bochum", "tsukuba")
    assert tsukuba["left"] > bochum["left"] and tsukuba["top"] == pytest.approx(bochum["top"], abs=1)
    phone_page.goto(served_site.url(lang, path))
    bochum, tsukuba = phone_page.evaluate(COLUMNS_JS)
    assert tsukuba["top"] >= bochum["bottom"] - 1 and tsukuba["left"] == pytest.approx(bochum["left"], abs=1)
