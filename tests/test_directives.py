"""Generated parts of editorial pages, as Markdown."""

from __future__ import annotations

import copy
import dataclasses

from conftest import ROOT
from kakehashi.site.whole_site import directives, load_site

DATA = load_site(ROOT).data


def test_timeline_text_in_another_language_comes_with_the_notice() -> None:
    assert "lang=" not in directives.timeline(DATA, "partnership", "ja")
    projects = copy.deepcopy(DATA.sections["projects"])
    projects[0]["summary"].pop("ja")
    data = dataclasses.replace(DATA, sections={**DATA.sections, "projects": projects})
    timeline = directives.timeline(data, "partnership", "ja")
    assert "未翻訳の部分があります" in timeline.split("\n- ")[0], "the notice stands above the list"
    assert timeline.count('<span lang="en" data-pagefind-ignore="all">') == 1
    assert "未翻訳" not in directives.timeline(data, "partnership", "en")


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
