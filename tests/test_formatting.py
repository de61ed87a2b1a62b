"""Numbers, dates and quantities in each language's conventions."""

from __future__ import annotations

import pytest

from kakehashi import formatting
from kakehashi.glossary import missing_translations


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("de", "23. April 2025"), ("ja", "2025年4月23日"), ("en", "April 23, 2025")],
)
def test_long_date(lang: str, expected: str) -> None:
    assert formatting.partial_date("2025-04-23", lang) == expected


@pytest.mark.parametrize(
    ("lang", "month", "year"),
    [("de", "April 2025", "2007"), ("ja", "2025年4月", "2007年"), ("en", "April 2025", "2007")],
)
def test_dates_only_as_precise_as_the_source(lang: str, month: str, year: str) -> None:
    assert formatting.partial_date("2025-04", lang) == month
    assert formatting.partial_date("2007", lang) == year


@pytest.mark.parametrize(
    ("lang", "expected"), [("de", "ca. 40,1\u00a0km"), ("ja", "約40.1\u00a0km"), ("en", "about 40.1\u00a0km")]
)
def test_approximate_length(lang: str, expected: str) -> None:
    assert formatting.quantity({"value": 40.1, "unit": "km", "approximate": True}, lang) == expected


def test_range_and_thousands() -> None:
    assert formatting.quantity({"value": 230, "max": 240, "unit": "km"}, "de") == "230–240\u00a0km"
    assert formatting.quantity({"value": 230, "max": 240, "unit": "km"}, "ja") == "230～240\u00a0km"
    assert formatting.quantity({"value": 11500, "unit": "m2"}, "de") == "11.500\u00a0m²"
    assert formatting.quantity({"value": 11500, "unit": "m2"}, "en") == "11,500\u00a0m²"


def test_period_of_days() -> None:
    assert formatting.period("2025-04-22", "2025-04-24", "ja") == "2025年4月22日～24日"
    assert formatting.period("2025-04-22", None, "en") == "April 22, 2025"


def test_glossary_is_complete() -> None:
    assert missing_translations() == []
