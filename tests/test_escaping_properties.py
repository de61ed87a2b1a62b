"""Property: any text in any text field of a record reaches the reader as that
text, never as markup.

Each example renders a record page twice with Python-Markdown set up as the
site's build sets it up: once with a neutral word in one field, once with a
random text there. The random page must hold only elements the neutral page
holds (same tags, same attributes), and its visible text must be the neutral
page's with the word replaced by the random text, whitespace collapsed as
HTML collapses it.
"""

from __future__ import annotations

import copy
import html
import re
from html.parser import HTMLParser

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import page_to_html
from kakehashi.site import directives, translation_status
from kakehashi.site.languages import LANGUAGES
from kakehashi.site.record_pages import render_record, render_section_index
from kakehashi.sources.loader import SECTION_IDS, Data

NEUTRAL = "zqxneutralqxz"


def yaml_carries(char: str) -> bool:
    """Characters a data file can hold as text (YAML's printable set). Not U+0085
    (NEL): written as it is, YAML reads it as a line break; escaped, the loader
    refuses it like every other control character."""
    code = ord(char)
    return (
        char in "\t\n\r"
        or 0x20 <= code <= 0x7E
        or 0xA0 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or code >= 0x10000
    )


# Pieces of syntax of HTML, Markdown and the enabled extensions, so that
# examples hit them far more often than random characters alone would.
MARKUP = [
    "<script>alert(1)</script>",
    "<b>",
    "</p>",
    "<!--",
    "-->",
    "<div markdown>",
    "&amp;",
    "&#60;",
    "&lt;",
    "*",
    "**",
    "_",
    "__",
    "`",
    "```",
    "~~~",
    "[x](https://e.org)",
    "![i](x.png)",
    "[TOC]",
    "# ",
    "## ",
    "- ",
    "+ ",
    "1. ",
    "2) ",
    "> ",
    "|",
    "---",
    "===",
    "{: .x }",
    "{#id}",
    "!!! note",
    "??? note",
    "--8<--",
    ":smile:",
    "\\",
    "\\*",
    "    ",
    "\t",
    "\n",
    "\n\n",
    "\r\n",
    ": ",
    "[^1]",
    "<https://e.org>",
    "https://e.org",
    "==",
    "^^",
    "~~",
    "++",
    "\u00a0",
    "\u3000",
    "\u2028",
    "\u200b",
    "\ufeff",
    "つくば霞ヶ浦",
    "防災",
    "Ü",
    "ß",
    "😀",
    "🇯🇵",
    "👩‍🔬",
]
TEXT = (
    st.lists(
        st.one_of(st.sampled_from(MARKUP), st.characters(codec="utf-8").filter(yaml_carries)),
        min_size=1,
        max_size=12,
    )
    .map("".join)
    # The schema refuses texts without a visible character.
    .filter(lambda text: any(not char.isspace() for char in text))
)


def base_record() -> dict:
    """A record with every text field the record pages show, in every language."""

    def texts(word: str) -> dict[str, str]:
        return {lang: f"{word} {lang}" for lang in LANGUAGES}

    def source(name: str, lang: str) -> dict[str, str]:
        return {"url": f"https://example.org/{name}", "title": name.upper(), "lang": lang}

    return {
        "id": "sample",
        "city": "sample-city",
        "kind": "route",
        "title": texts("Title"),
        "summary": texts("Summary"),
        "body": texts("Body"),
        "unverified": texts("Unverified"),
        "start": texts("Start"),
        "end": texts("End"),
        "district": texts("District"),
        "address": texts("Address"),
        "location": {"lat": 36.08, "lon": 140.2, "precision": "approximate", "label": texts("Label")},
        "waypoints": [
            {"label": texts("Waypoint"), "lat": 36.08, "lon": 140.2, "precision": "approximate"},
            {"label": texts("Other waypoint"), "lat": 36.2, "lon": 140.1, "precision": "exact"},
        ],
        "stage": {
            "distance": {"value": 40, "unit": "km", "sources": [source("d", "ja")]},
            "climb": {"published": False},
            "surface": {"text": texts("Surface"), "sources": [source("s", "de")]},
            "rest_repair": {"published": False},
            "rental": {"published": False},
            "rail_start": {"text": texts("Station"), "sources": [source("r", "en")]},
            "rail_end": {"published": False},
        },
        "basics": texts("Basics"),
        "basics_sources": [{"url": "https://example.org/basics", "title": "Basics source", "lang": "de"}],
        "sources": [{"url": "https://example.org/", "title": "Source", "lang": "ja"}],
        "updated": "2026-11-27",
    }


# Where a text sits: a path into the record, or into the city ("city" first).
LOCALIZED_FIELDS = [
    ("title",),
    ("summary",),
    ("body",),
    ("unverified",),
    ("start",),
    ("end",),
    ("district",),
    ("address",),
    ("location", "label"),
    ("waypoints", 0, "label"),
    ("city", "name"),
    ("basics",),
    ("stage", "surface", "text"),
    ("stage", "rail_start", "text"),
]
PLAIN_FIELDS = [
    ("sources", 0, "title"),
    ("basics_sources", 0, "title"),
    ("stage", "surface", "sources", 0, "title"),
]


def render(field: tuple, text: str, lang: str) -> tuple[str, dict]:
    record = base_record()
    city = {"id": "sample-city", "name": {language: f"City {language}" for language in LANGUAGES}}
    target = city if field[0] == "city" else record
    path = list(field[1:] if field[0] == "city" else field)
    if field not in PLAIN_FIELDS:
        path.append(lang)
    holder = target
    for step in path[:-1]:
        holder = holder[step]
    holder[path[-1]] = text
    data = Data(cities={"sample-city": city}, sections={"cycling": [record]})
    return page_to_html(render_record(data, "cycling", copy.deepcopy(record), lang))


# The map's button block (site/interactive_map.py) carries the record's title and
# the point's note as attributes, read by its script as text.
MAP_TEXT_ATTRIBUTES = {"data-title", "data-note"}
# A stage's source links carry the source's title as their title attribute.
TEXT_ATTRIBUTES = {"id", "title", *MAP_TEXT_ATTRIBUTES}


class Elements(HTMLParser):
    """The elements of a page (tag and attributes) and its visible text."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: set[tuple] = set()
        self.text: list[str] = []
        self.attributes: dict[str, str | None] = {}
        self.feed(page)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # Heading ids and their permalinks follow the title's words, and the map's
        # attributes carry the text itself (checked in `check`): only their presence counts.
        normal = [
            (name, "*" if name in TEXT_ATTRIBUTES or (value or "").startswith("#") else value)
            for name, value in attrs
        ]
        self.attributes.update((name, value) for name, value in attrs if name in MAP_TEXT_ATTRIBUTES)
        self.elements.add((tag, tuple(sorted(normal, key=lambda a: (a[0], a[1] or "")))))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def visible(self) -> str:
        return collapse("".join(self.text))


def collapse(text: str) -> str:
    """Whitespace as HTML shows it: runs of ASCII whitespace as one space. Other
    spaces (U+00A0, U+3000) are characters of the text and stay."""
    return re.sub(r"[ \t\n\r\f]+", " ", text).strip(" ")


# Markup the generator itself adds around parts of a text, not markup from data:
# Japanese script inside German or English text is marked lang="ja".
GENERATOR_MARKUP = {("span", (("lang", "ja"),))}


def check(field: tuple, text: str, lang: str) -> None:
    neutral_html, neutral_meta = render(field, NEUTRAL, lang)
    page_html, meta = render(field, text, lang)
    neutral, page = Elements(neutral_html), Elements(page_html)
    extra = page.elements - neutral.elements - GENERATOR_MARKUP
    assert not extra, sorted(extra)
    assert page.visible() == neutral.visible().replace(NEUTRAL, collapse(text))
    if field == ("title",):
        assert html.unescape(meta["title"]) == collapse(text)
        assert page.attributes["data-title"] == collapse(text)
    if field == ("summary",):
        assert html.unescape(meta["description"]) == collapse(text)
    assert neutral_meta.keys() == meta.keys()


PROPERTY_SETTINGS = settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow]
)


@PROPERTY_SETTINGS
@given(field=st.sampled_from(LOCALIZED_FIELDS + PLAIN_FIELDS), text=TEXT, lang=st.sampled_from(LANGUAGES))
def test_any_text_in_any_field_shows_as_that_text(field: tuple, text: str, lang: str) -> None:
    check(field, text, lang)


# --- another record's text, where other pages show it --------------------------
#
# A record's title and summary also appear on other pages: under "See also" of
# the records related to it, on its section's index cards, in the partnership
# timeline and on the translation status page. Search entries are made from
# these same pages (Pagefind reads the built HTML), so they are covered with them.

OTHER_PLACES = [
    ("see-also", ("title",)),
    ("card", ("title",)),
    ("card", ("summary",)),
    ("card", ("district",)),
    ("timeline", ("title",)),
    ("timeline", ("summary",)),
    ("timeline-report", ("summary",)),  # one city's report of a partnership event, beside the other's
    ("translation-status", ("title",)),
]


def render_elsewhere(place: str, field: tuple, text: str, lang: str) -> tuple[str, dict]:
    """Record ``other`` carries ``text`` in ``field``; render the page of ``place`` that shows it."""
    city = {"id": "sample-city", "name": {language: f"City {language}" for language in LANGUAGES}}
    here = base_record() | {"id": "here", "related": ["cycling/other"]}
    other = base_record() | {"id": "other"}
    event = {
        "id": "other",
        "scope": "partnership",
        "city": "sample-city",
        "date": "2019-05-01",
        "title": {language: f"Project {language}" for language in LANGUAGES},
        "summary": {language: f"About {language}" for language in LANGUAGES},
        "sources": [{"url": "https://example.org/", "title": "Source", "lang": "ja"}],
        "updated": "2026-11-27",
    }
    source = {"url": "https://example.org/", "title": "Source", "lang": "de"}
    reports = {
        city_id: {"summary": {lang_id: f"{city_id} {lang_id}" for lang_id in LANGUAGES}, "sources": [source]}
        for city_id in ("bochum", "tsukuba")
    }
    if place == "timeline-report":
        event["reports"] = reports
        target = reports["bochum"]
    else:
        target = event if place == "timeline" else other
    target[field[0]] = dict(target[field[0]]) | {lang: text}
    if place == "translation-status":
        # Listed there only while one of its texts is missing in some language.
        target["body"] = {language: body for language, body in target["body"].items() if language != lang}
    sections = {section: [] for section in SECTION_IDS}
    # One card only on the index: the cards are sorted by title, which the text changes.
    sections["cycling"] = [other] if place == "card" else [here, other]
    cities = {"sample-city": city}
    cities |= {c: {"id": c, "name": {language: f"{c} {language}" for language in LANGUAGES}} for c in reports}
    data = Data(cities=cities, sections=sections, events=[event])
    if place == "see-also":
        return page_to_html(render_record(data, "cycling", here, lang))
    if place == "card":
        return page_to_html(render_section_index(data, "cycling", lang))
    if place in ("timeline", "timeline-report"):
        return page_to_html(directives.timeline(data, "partnership", lang))
    return page_to_html(translation_status.render_page(data, {}, lang))


@PROPERTY_SETTINGS
@given(place=st.sampled_from(OTHER_PLACES), text=TEXT, lang=st.sampled_from(LANGUAGES))
def test_any_text_of_another_record_shows_as_that_text(place: tuple, text: str, lang: str) -> None:
    where, field = place
    neutral_html, _ = render_elsewhere(where, field, NEUTRAL, lang)
    page_html, _ = render_elsewhere(where, field, text, lang)
    neutral, page = Elements(neutral_html), Elements(page_html)
    assert NEUTRAL in neutral.visible(), f"the {where} page does not show the {field} it is tested with"
    extra = page.elements - neutral.elements - GENERATOR_MARKUP
    assert not extra, sorted(extra)
    assert page.visible() == neutral.visible().replace(NEUTRAL, collapse(text))
