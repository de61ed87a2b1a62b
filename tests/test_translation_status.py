"""The translation status: the report from data and pages, and the site's page showing it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import ROOT, page_to_html
from kakehashi.site.editorial import EditorialPage
from kakehashi.site.glossary import FIELDS
from kakehashi.site.languages import LANGUAGES
from kakehashi.site.translation_status import (
    PAGE_KEY,
    MissingPage,
    MissingText,
    localized_texts,
    render_page,
    translation_report,
)
from kakehashi.site.whole_site import load_site
from kakehashi.sources.loader import EVENTS, SECTION_IDS, load_data
from kakehashi.sources.problems import SourceProblems

MINI = Path(__file__).parent / "fixtures" / "mini"
SCHEMA = ROOT / "data" / "schema"
MINI_DATA = load_data(MINI, SCHEMA)  # test-centre has no Japanese summary
PAGES = {
    "about": EditorialPage("about", {"de": "content/de/about.md"}, {"de": "# Über uns\n"}),
    "index": EditorialPage(
        "index",
        {lang: f"content/{lang}/index.md" for lang in LANGUAGES},
        {lang: "# Start\n" for lang in LANGUAGES},
    ),
}


def test_localized_texts_include_nested_labels_and_nothing_else() -> None:
    record = next(r for r in MINI_DATA.sections["cycling"])
    fields = [field for field, _ in localized_texts(record)]
    stage = ["stage.surface.text", "stage.rail_start.text"]
    assert fields == ["start", "title", "summary", "body", "location.label", *stage]


def test_report_names_each_gap_and_its_fallback() -> None:
    report = translation_report(MINI_DATA, PAGES)
    ecosystem = next(s for s in report.sections if s.section == "ecosystem")
    assert ecosystem.missing == (MissingText("ecosystem", "test-centre", "summary", "ja", "en"),)
    assert ecosystem.complete == {"de": 1, "ja": 0, "en": 1}
    cycling = next(s for s in report.sections if s.section == "cycling")
    # the body exists in English only: German readers fall back to English, Japanese readers too
    assert {(m.field, m.lang, m.shown_in) for m in cycling.missing} == {
        ("body", "de", "en"),
        ("body", "ja", "en"),
    }
    assert report.missing_pages == (MissingPage("about", "ja", "de"), MissingPage("about", "en", "de"))
    assert report.pages_complete == {"de": 2, "ja": 1, "en": 1}
    assert str(cycling.missing[0]) == "cycling/test-route: body (de)"
    assert str(report.missing_pages[0]) == "content/ja/about.md"
    assert not report.complete


def test_every_localized_field_of_the_schemas_has_a_name_in_the_glossary() -> None:
    fields = set()
    for section in (*SECTION_IDS, EVENTS):
        schema = json.loads((SCHEMA / f"{section}.schema.json").read_text("utf-8"))
        def walk(properties: dict, prefix: str, definitions: dict) -> None:
            for name, definition in properties.items():
                ref = definition.get("$ref", "")
                if ref.endswith("/localizedText"):
                    fields.add(f"{prefix}{name}")
                elif ref.endswith("/location"):
                    fields.add(f"{prefix}{name}.label")
                elif ref.startswith("#/definitions/"):  # a definition of this schema (a stage's fact)
                    own = definitions[ref.removeprefix("#/definitions/")]
                    walk(own.get("properties", {}), f"{prefix}{name}.", definitions)
                elif "properties" in definition:
                    walk(definition["properties"], f"{prefix}{name}.", definitions)

        walk(schema["items"]["properties"], "", schema.get("definitions", {}))
    assert fields == set(FIELDS)


def test_page_shows_gaps_and_fallbacks_in_the_readers_language() -> None:
    english = render_page(MINI_DATA, PAGES, "en")
    assert "# Translation status" in english
    assert "| [Start-up ecosystems](ecosystem/index.md) | 1 | complete | 0 of 1 | complete |" in english
    assert "| Other pages | 2 | complete | 1 of 2 | 1 of 2 |" in english
    assert "- [Test centre](ecosystem/test-centre.md): Summary (shown in English)" in english
    # the title of a page missing in English is the German one, marked as German
    assert '\n__Missing in English__\n\n- [<span lang="de"' in english
    assert ">Über uns</span>](about.md): shown in German\n" in english
    japanese = render_page(MINI_DATA, PAGES, "ja")
    assert "__日本語訳がないもの__" in japanese
    assert "- [テストセンター](ecosystem/test-centre.md)：概要（英語で表示）" in japanese
    assert (
        "| [スタートアップ・エコシステム](ecosystem/index.md) | 1 | 翻訳済み | 1件中0件 | 翻訳済み |"
        in japanese
    )
    german = render_page(MINI_DATA, PAGES, "de")
    assert "- [Testzentrum](ecosystem/test-centre.md): Zusammenfassung (auf Englisch angezeigt)" in german
    assert "- __Japanisch__: Englisch → Deutsch" in german


def test_page_of_complete_data_says_so() -> None:
    data = load_data(ROOT)
    complete = {"index": PAGES["index"]}
    html, meta = page_to_html(render_page(data, complete, "en"))
    assert "Every entry and page is available in all three languages." in html
    assert meta["title"] == "Translation status"


def test_built_page_exists_in_every_language_outside_the_nav(built_site: Path) -> None:
    expected = {"de": "Übersetzungsstand", "ja": "翻訳状況", "en": "Translation status"}
    for prefix, lang in (("", "de"), ("ja/", "ja"), ("en/", "en")):
        html = (built_site / prefix / PAGE_KEY / "index.html").read_text("utf-8")
        assert f'<html lang="{lang}"' in html
        assert re.search(rf"<h1[^>]*>{expected[lang]}<", html), f"no heading {expected[lang]!r}"
    home = (built_site / "index.html").read_text("utf-8")
    assert PAGE_KEY not in home  # reached by its URL, not from the nav


def test_an_editorial_page_cannot_take_the_generated_pages_name(project_copy: Path) -> None:
    (project_copy / "content" / "en" / f"{PAGE_KEY}.md").write_text("# Mine\n", "utf-8")
    with pytest.raises(SourceProblems) as raised:
        load_site(project_copy)
    assert [str(problem) for problem in raised.value.problems] == [
        f"content/en/{PAGE_KEY}.md:1:1: the page name '{PAGE_KEY}' is taken by a generated page; "
        "rename this file"
    ]
