"""Numbers, dates and quantities in the reader's conventions (Babel/CLDR)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import cache, lru_cache
from typing import Any

from babel import Locale
from babel.dates import format_date, format_skeleton
from babel.numbers import format_decimal
from babel.units import format_unit

from kakehashi.site import glossary
from kakehashi.site.glossary import VALUE_WORDS, term
from kakehashi.sources.loader import parse_partial_date

_UNITS = {"km": "km", "m": "m", "m2": "m²", "ha": "ha"}

# The English texts are British (centre, programme, 25 November 2019): so are their dates.
LOCALES = {"de": Locale.parse("de_DE"), "ja": Locale.parse("ja_JP"), "en": Locale.parse("en_GB")}


# Babel takes about a tenth of a millisecond for a number; lengths, areas, amounts and
# counts repeat across pages. Typed: 40 and 40.0 are kept apart.
@lru_cache(maxsize=4096, typed=True)
def number(value: float, lang: str) -> str:
    """40.1 → "40,1" (de), "40.1" (ja, en); 11500 → "11.500" / "11,500"."""
    return format_decimal(value, locale=LOCALES[lang])


def counted(key: str, count: int, lang: str) -> str:
    """A number of things, in the form the language uses for that number:
    "1 Eintrag", "1.000 Einträge" / "1件" / "1 entry", "2 entries"."""
    return glossary.counted(key, count, lang).format(count=number(count, lang))


# Dates repeat across records and pages, and Babel takes tens of microseconds
# for each; the few distinct ones are formatted once.
@cache
def partial_date(text: str, lang: str) -> str:
    """ "2025-04-23" → "23. April 2025" / "2025年4月23日" / "23 April 2025"; month or
    year alone where the source gives no more."""
    parsed = parse_partial_date(text)
    if parsed is None:
        raise ValueError(f"not a date: {text!r}")
    day, precision = parsed
    locale = LOCALES[lang]
    if precision == "day":
        return format_date(day, format="long", locale=locale)
    if precision == "month":
        return format_skeleton("yMMMM", day, locale=locale)
    return format_skeleton("y", day, locale=locale)


@cache
def period(start: str, end: str | None, lang: str) -> str:
    """A date, or a span such as "22.–24. April 2025" / "2025年4月22日～24日"."""
    if not end or end == start:
        return partial_date(start, lang)
    first, last = parse_partial_date(start), parse_partial_date(end)
    if first and last and first[1] == last[1] == "day":
        return _days(first[0], last[0], LOCALES[lang])
    words = term(VALUE_WORDS, "period", lang)
    return words.format(start=partial_date(start, lang), end=partial_date(end, lang))


_ABBREVIATED_MONTH = re.compile(r"(?<!M)MMM(?!M)")


def _days(first: date, last: date, locale: Locale) -> str:
    """A span of days with the month written out, as in single dates ("22.–24. April 2025").

    CLDR has span patterns for abbreviated months only ("22.–24. Apr. 2025"), and
    Babel does not widen them as UTS #35 describes; this widens the month field.
    """
    differs = "y" if first.year != last.year else "M" if first.month != last.month else "d"
    parts = locale.interval_formats["yMMMd"][differs]
    return "".join(
        format_date(day, format=_ABBREVIATED_MONTH.sub("MMMM", pattern), locale=locale)
        for day, pattern in zip((first, last), parts, strict=True)
    )


def quantity(value: Mapping[str, Any], lang: str) -> str:
    """{value: 180, unit: km, approximate: true} → "rund 180 km" / "約180km" / "about 180 km".

    A number and its unit are joined as the language writes them: with a no-break space in
    German and English, without a space in Japanese. German says "rund" only of a round
    number; a number with decimals or a range is "etwa" (``approximately_not_round``).
    """
    amount = number(value["value"], lang)
    if "max" in value:
        amount = term(VALUE_WORDS, "range", lang).format(low=amount, high=number(value["max"], lang))
    text = term(VALUE_WORDS, "quantity", lang).format(amount=amount, unit=_UNITS[value["unit"]])
    if value.get("approximate"):
        round_number = "max" not in value and float(value["value"]).is_integer()
        words = "approximately" if round_number else "approximately_not_round"
        text = term(VALUE_WORDS, words, lang).format(value=text)
    return text


_MONEY_WORDS = {"EUR": "money_eur", "JPY": "money_jpy"}


def money(value: float, currency: str, lang: str) -> str:
    """An amount as published: 1200 EUR → "1.200 €" / "1,200ユーロ" / "€1,200"; 75000 JPY →
    "75.000 Yen" / "75,000円" / "¥75,000", the number as :func:`number` writes it."""
    return term(VALUE_WORDS, _MONEY_WORDS[currency], lang).format(amount=number(value, lang))


def file_size(size: int, lang: str) -> str:
    """A file's size in decimal units: 850 → "850 Byte"; 12345 → "12,3 kB" / "12.3 KB" / "12.3 kB"."""
    locale = LOCALES[lang]
    if size < 1000:
        return format_unit(size, "digital-byte", length="short", locale=locale)
    # Rounded first: the plural form follows the number shown ("1,0 kB", not "1,0 kbyte"),
    # and 999,950 bytes are "1.0 MB", not "1,000.0 kB".
    amount, unit = Decimal(size).scaleb(-3).quantize(_TENTH, ROUND_HALF_UP), "digital-kilobyte"
    if amount >= 1000:
        amount, unit = Decimal(size).scaleb(-6).quantize(_TENTH, ROUND_HALF_UP), "digital-megabyte"
    return format_unit(amount, unit, length="short", format="#,##0.0", locale=locale)


_TENTH = Decimal("0.1")


def coordinates(lat: float, lon: float) -> str:
    """Decimal degrees as the source gave them, with a point in every language,
    so that they can be pasted into any map."""
    return f"{lat}, {lon}"


def kilometres(metres: float, lang: str) -> str:
    """5562.4 → "5,6 km" / "5.6km" / "5.6 km": a distance to a tenth of a kilometre, joined
    to its unit as ``quantity`` joins them."""
    return term(VALUE_WORDS, "quantity", lang).format(amount=number(round(metres / 1000, 1), lang), unit="km")


def metres(value: float, lang: str) -> str:
    """An elevation or a climb to the metre: 1234.4 → "1.234 m" / "1,234m" / "1,234 m"."""
    return term(VALUE_WORDS, "quantity", lang).format(amount=number(round(value), lang), unit="m")
