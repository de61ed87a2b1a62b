"""Generated parts of editorial pages, as Markdown."""

from __future__ import annotations

import copy
import dataclasses
import re

from conftest import ROOT
from kakehashi.site.whole_site import directives, load_site
from kakehashi.sources.loader import load_data

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
    first = {
        lang: directives.timeline(DATA, "partnership", lang).split("\n")[0] for lang in ("de", "ja", "en")
    }
    assert first["ja"].startswith("- __2007年__：[")
    assert first["de"].startswith("- __2007__ – [") and first["en"].startswith("- __2007__ – [")


def test_generated_japanese_follows_one_typography() -> None:
    """Japanese pages: units without a space, one tilde (～) for ranges, 、 between card facts."""
    site = load_site(ROOT)
    pages = "\n".join(site.markdown(key, "ja") for key in site.page_keys())
    assert re.findall(r"\d[\u00a0 ](?:km|m²|ha)\b", pages) == []
    assert "\u301c" not in pages, "WAVE DASH: ranges take the FULLWIDTH TILDE"
    assert " · " not in pages
    assert "約180km" in pages and "～" in pages
