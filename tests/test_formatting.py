"""Numbers, dates and quantities in each language's conventions."""

from __future__ import annotations

import pytest

from kakehashi.site import formatting
from kakehashi.site.glossary import missing_translations


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("de", "23. April 2025"), ("ja", "2025年4月23日"), ("en", "23 April 2025")],
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
    ("lang", "round_number", "decimals", "interval"),
    [
        ("de", "rund 180\u00a0km", "etwa 40,1\u00a0km", "etwa 230–240\u00a0km"),
        ("ja", "約180km", "約40.1km", "約230～240km"),
        ("en", "about 180\u00a0km", "about 40.1\u00a0km", "about 230–240\u00a0km"),
    ],
)
def test_approximate_length(lang: str, round_number: str, decimals: str, interval: str) -> None:
    """German says "rund" of a round number only; Japanese writes no space before the unit."""
    assert formatting.quantity({"value": 180, "unit": "km", "approximate": True}, lang) == round_number
    assert formatting.quantity({"value": 40.1, "unit": "km", "approximate": True}, lang) == decimals
    assert (
        formatting.quantity({"value": 230, "max": 240, "unit": "km", "approximate": True}, lang) == interval
    )


def test_range_and_thousands() -> None:
    assert formatting.quantity({"value": 230, "max": 240, "unit": "km"}, "de") == "230–240\u00a0km"
    assert formatting.quantity({"value": 230, "max": 240, "unit": "km"}, "ja") == "230～240km"
    assert formatting.quantity({"value": 13.2, "unit": "ha"}, "ja") == "13.2ha"
    assert formatting.quantity({"value": 11500, "unit": "m2"}, "de") == "11.500\u00a0m²"
    assert formatting.quantity({"value": 11500, "unit": "m2"}, "en") == "11,500\u00a0m²"


@pytest.mark.parametrize(
    ("lang", "same_month", "across_months", "across_years"),
    [
        ("de", "22.–24. April 2025", "30. März – 2. April 2025", "30. Dezember 2024 – 2. Januar 2025"),
        ("ja", "2025年4月22日～24日", "2025年3月30日～4月2日", "2024年12月30日～2025年1月2日"),
        ("en", "22–24 April 2025", "30 March – 2 April 2025", "30 December 2024 – 2 January 2025"),
    ],
)
def test_period_of_days_writes_months_as_single_dates_do(
    lang: str, same_month: str, across_months: str, across_years: str
) -> None:
    thin = "\u2009"  # CLDR's spaces around the dash between two months
    assert formatting.period("2025-04-22", "2025-04-24", lang) == same_month
    assert formatting.period("2025-03-30", "2025-04-02", lang).replace(thin, " ") == across_months
    assert formatting.period("2024-12-30", "2025-01-02", lang).replace(thin, " ") == across_years
    assert formatting.period("2025-04-22", None, lang) == formatting.partial_date("2025-04-22", lang)


@pytest.mark.parametrize(
    ("lang", "months", "years", "month_to_day"),
    [
        ("de", "Mai 2019 bis Juli 2019", "2017 bis 2018", "Mai 2019 bis 3. Juni 2019"),
        ("ja", "2019年5月～2019年7月", "2017年～2018年", "2019年5月～2019年6月3日"),
        ("en", "May 2019 to July 2019", "2017 to 2018", "May 2019 to 3 June 2019"),
    ],
)
def test_period_of_months_or_years_runs_from_start_to_end(
    lang: str, months: str, years: str, month_to_day: str
) -> None:
    # Where a source gives only the month or the year, each end keeps its own precision.
    assert formatting.period("2019-05", "2019-07", lang) == months
    assert formatting.period("2017", "2018", lang) == years
    assert formatting.period("2019-05", "2019-06-03", lang) == month_to_day
    assert formatting.period("2019-05", "2019-05", lang) == formatting.partial_date("2019-05", lang)


@pytest.mark.parametrize(
    ("lang", "counts"),
    [
        ("de", {0: "0 Einträge", 1: "1 Eintrag", 2: "2 Einträge", 1000: "1.000 Einträge"}),
        ("ja", {0: "0件", 1: "1件", 2: "2件", 1000: "1,000件"}),
        ("en", {0: "0 entries", 1: "1 entry", 2: "2 entries", 1000: "1,000 entries"}),
    ],
)
def test_counts_take_the_plural_form_of_the_catalog(lang: str, counts: dict[int, str]) -> None:
    assert {count: formatting.counted("records", count, lang) for count in counts} == counts


def test_glossary_is_complete() -> None:
    assert missing_translations() == []
