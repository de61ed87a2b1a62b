"""Generated parts of editorial pages, as Markdown."""

from __future__ import annotations

import copy
import dataclasses
import re

from conftest import ROOT, page_to_html
from kakehashi.site.whole_site import directives, load_site
from kakehashi.sources.loader import SECTION_IDS, load_data

DATA = load_site(ROOT).data


def test_timeline_text_in_another_language_comes_with_the_notice() -> None:
    assert "<span lang=" not in directives.timeline(DATA, "partnership", "ja"), "nothing fell back"
    changed = copy.deepcopy(DATA.events)
    first_partnership_event = next(event for event in changed if event["scope"] == "partnership")
    first_partnership_event["summary"].pop("ja")
    data = dataclasses.replace(DATA, events=changed)
    timeline = directives.timeline(data, "partnership", "ja")
    assert "未翻訳の部分があります" in timeline.split("\n- ")[0], "the notice stands above the list"
    assert timeline.count('<span lang="en" data-pagefind-ignore="all">') == 1
    assert "未翻訳" not in directives.timeline(data, "partnership", "en")


def test_each_section_card_counts_the_records_of_its_own_section() -> None:
    # A different count for every section, so that a card showing another's count fails.
    counts = {section: number for number, section in enumerate(SECTION_IDS, start=1)}
    sections = {section: DATA.sections[section][: counts[section]] for section in SECTION_IDS}
    assert all(len(records) == counts[s] for s, records in sections.items()), "the shipped data is too small"
    data = dataclasses.replace(DATA, sections=sections)
    for lang in ("de", "ja", "en"):
        html, _ = page_to_html(directives.sections(data, "index", lang))
        cards = re.findall(r'<li>\s*<p><a href="([^"]+)/index\.md">.*?</li>', html, re.S)
        assert [href.rsplit("/", 1)[-1] for href in cards] == list(SECTION_IDS)
        for section, card in zip(SECTION_IDS, re.findall(r"<li>.*?</li>", html, re.S), strict=True):
            count_line = re.findall(r"<p>(.*?)</p>", card, re.S)[-1]  # the card's last line
            assert re.findall(r"\d+", count_line) == [str(counts[section])], (lang, section, card)


def test_timeline_shows_the_partnership_events_only_and_follows_the_events_data() -> None:
    timeline = directives.timeline(DATA, "partnership", "en")
    partnership = [event for event in DATA.events if event["scope"] == "partnership"]
    assert timeline.count("\n- __") == len(partnership)
    assert "(events.md#tsukuba-delegation-visit-2022)" in timeline
    assert "(events.md#mayor-igarashi-visit-2022)" in timeline
    assert "(events.md#kiez-first-exercise-2024)" not in timeline
    changed = copy.deepcopy(DATA.events)
    changed[0]["title"]["en"] = "A renamed event"
    assert "[A renamed event](events.md#" in directives.timeline(
        dataclasses.replace(DATA, events=changed), "partnership", "en"
    )


def test_section_cards_count_in_the_form_each_language_uses_for_the_number() -> None:
    one_each = load_data(ROOT / "tests" / "fixtures" / "mini", ROOT / "data" / "schema")
    assert all(len(records) == 1 for records in one_each.sections.values())
    cards = {lang: directives.sections(one_each, "index", lang) for lang in ("de", "ja", "en")}
    assert cards["de"].count("\n    1 Eintrag\n") == 4 and "Einträge" not in cards["de"]
    assert cards["en"].count("\n    1 entry\n") == 4 and "entries" not in cards["en"]
    assert cards["ja"].count("\n    1件\n") == 4
    sections = {section: [*records, *records] for section, records in one_each.sections.items()}
    two_each = dataclasses.replace(one_each, sections=sections)
    assert directives.sections(two_each, "index", "de").count("\n    2 Einträge\n") == 4
    assert directives.sections(two_each, "index", "en").count("\n    2 entries\n") == 4


def test_timeline_separates_date_and_title_as_each_language_does() -> None:
    lines = {lang: directives.timeline(DATA, "partnership", lang).split("\n") for lang in ("de", "ja", "en")}
    first = {lang: next(line for line in found if line.startswith("- __")) for lang, found in lines.items()}
    assert first["ja"].startswith("- __2017年10月2日__：[")
    assert first["de"].startswith("- __2&#46; Oktober 2017__ – [")  # "2." escaped: not a list
    assert first["en"].startswith("- __2 October 2017__ – [")


def test_generated_japanese_follows_one_typography() -> None:
    """Japanese pages: units without a space, one tilde (～) for ranges, 、 between card facts."""
    site = load_site(ROOT)
    pages = "\n".join(site.markdown(key, "ja") for key in site.page_keys())
    assert re.findall(r"\d[\u00a0 ](?:km|m²|ha)\b", pages) == []
    assert "\u301c" not in pages, "WAVE DASH: ranges take the FULLWIDTH TILDE"
    assert " · " not in pages
    assert "約180km" in pages and "～" in pages


EMPTY_OPERATOR = {
    "name": "",
    "address": [],
    "email": "",
    "phone": "",
    "responsible": {"name": "", "address": []},
}
OPERATOR = {
    "name": "Verein <Brücke> e. V.",
    "address": ["Musterstraße 1", "44787 Bochum"],
    "email": "info@example.org",
    "phone": "+49 234 000000",
    "responsible": {"name": "Erika Mustermann", "address": ["Musterstraße 1", "44787 Bochum"]},
}


def test_imprint_shows_the_operator_and_the_person_responsible_for_the_content() -> None:
    assert directives.operator(OPERATOR, "de") == (
        "__Verein &#60;Brücke&#62; e. V.__  \n"
        "Musterstraße 1  \n"
        "44787 Bochum  \n"
        'E-Mail: <a href="mailto:info@example.org">info@example.org</a>  \n'
        "Telefon: &#43;49 234 000000\n\n"
        "__Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV__  \n"
        "Erika Mustermann  \n"
        "Musterstraße 1  \n"
        "44787 Bochum"
    )
    # The contact (privacy and accessibility statements) is the operator alone.
    assert directives.contact(OPERATOR, "en") == directives.operator(OPERATOR, "en").split("\n\n")[0]


def test_empty_operator_settings_show_that_the_details_are_still_to_be_added() -> None:
    assert directives.operator(EMPTY_OPERATOR, "ja") == (
        "*運営者情報は現在準備中です。*\n\n"
        "__内容に関する責任者（ドイツ州間メディア協定第18条第2項）__  \n*この情報は現在準備中です。*"
    )
    assert directives.contact({}, "en") == "*The operator's details are still to be added.*"
    # An organisation also names who represents it and its register entry, in the imprint only.
    association = {**OPERATOR, "representative": "Erika Mustermann (Vorsitz)", "register": "VR 0000"}
    imprint = directives.operator(association, "de")
    assert "Telefon: &#43;49 234 000000  \nVertreten durch: Erika Mustermann (Vorsitz)  \n" in imprint
    assert "Registereintrag: VR 0000\n\n__Verantwortlich" in imprint
    assert "VR 0000" not in directives.contact(association, "de")
    # A half-filled imprint shows what is there and says what is missing.
    half = {**OPERATOR, "responsible": {"name": " "}}
    assert directives.operator(half, "en").endswith("__  \n*The details are still to be added.*")
