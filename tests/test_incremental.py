"""Which pages an edit can change while serving: every page that does, and few more.

The serve shortcut renders only the candidate pages of an edit again, so a
page missing from the candidates would keep stale text in the preview. These
tests compare the Markdown of every page before and after an edit.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Callable
from dataclasses import replace

import pytest
from test_pagination import many_cycling_records, site_with

from conftest import ROOT
from kakehashi.mkdocs_adapter.serve_update import candidate_keys, changed_records
from kakehashi.site.data_catalogue import CATALOGUE_KEY
from kakehashi.site.editorial import EditorialPage
from kakehashi.site.languages import LANGUAGES
from kakehashi.site.record_pages import index_page_cards, index_page_count
from kakehashi.site.translation_status import PAGE_KEY as STATUS_PAGE
from kakehashi.site.urls import record_key, topic_key
from kakehashi.site.whole_site import Site, load_site
from kakehashi.sources.loader import Data

# Enough routes for several index pages per city.
OLD = site_with(many_cycling_records(260))


def edited(site: Site, section: str, index: int, change: Callable[[dict], None]) -> Site:
    """A copy of ``site`` with one record changed; the other records stay the same objects,
    as the data file read record by record gives them."""
    sections = {name: list(records) for name, records in site.data.sections.items()}
    record = copy.deepcopy(sections[section][index])
    change(record)
    sections[section][index] = record
    data = Data(site.data.cities, sections, site.data.events, site.data.tracks, site.data.guides)
    return replace(site, data=data, editorial=dict(site.editorial))


def changed_pages(old: Site, new: Site, lang: str) -> set[str]:
    return {key for key in new.page_keys() if old.markdown(key, lang) != new.markdown(key, lang)}


def set_text(field: str, lang: str, text: str) -> Callable[[dict], None]:
    return lambda record: record[field].__setitem__(lang, text)


def set_value(field: str, value: str) -> Callable[[dict], None]:
    return lambda record: record.__setitem__(field, value)


def other_city(record: dict) -> None:
    record["city"] = "bochum" if record["city"] == "tsukuba" else "tsukuba"


EDITS = {
    "English title moves the card to the front": ("cycling", 130, set_text("title", "en", "Aaa first route")),
    "German title moves the card to the end": ("cycling", 3, set_text("title", "de", "Zzz letzte Route")),
    "summary": ("cycling", 70, set_text("summary", "ja", "新しい概要")),
    "another city": ("cycling", 10, other_city),
    "project date (timeline, newest-first index)": ("projects", 2, set_value("date", "1999-05")),
    "a Japanese text removed (translation status)": ("ecosystem", 1, lambda r: r["summary"].pop("ja")),
    # Worldfactory's page names MARK 51°7 under "See also".
    "title of a record another names under See also": ("ecosystem", 3, set_text("title", "ja", "新しい名前")),
    # The other pages of Bochum (reserve areas too) point to the record holding its basics.
    "a city's basics taken away": (
        "disaster-prevention",
        1,
        lambda r: (r.pop("basics"), r.pop("basics_sources")),
    ),
    "title of the record holding a city's basics": (
        "disaster-prevention",
        1,
        set_text("title", "en", "KIEZ"),
    ),
    # The visitor card for Bochum shows this school's address (data/guides/visitor-card-bochum.yml).
    "address of a place on a visitor card": (
        "disaster-prevention",
        [r["id"] for r in OLD.data.sections["disaster-prevention"]].index("kiez-graf-engelbert-schule"),
        set_text("address", "de", "Königsallee 80, Bochum"),
    ),
}


@pytest.mark.parametrize("name", EDITS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_the_edit_changes_is_a_candidate(name: str, lang: str) -> None:
    section, index, change = EDITS[name]
    new = edited(OLD, section, index, change)
    edit = changed_records(OLD, new)
    assert edit is not None and list(edit) == [section]
    assert changed_pages(OLD, new, lang) <= candidate_keys(OLD, new, edit, lang)


@pytest.mark.parametrize("name", EDITS)
def test_each_edit_changes_its_record_page(name: str) -> None:
    section, index, change = EDITS[name]
    new = edited(OLD, section, index, change)
    key = record_key(section, new.data.sections[section][index]["id"])
    assert any(key in changed_pages(OLD, new, lang) for lang in LANGUAGES)


def test_an_edit_that_keeps_the_order_renders_its_page_and_one_index_page() -> None:
    new = edited(OLD, "cycling", 70, set_text("summary", "ja", "新しい概要"))
    edit = changed_records(OLD, new)
    assert edit is not None
    assert index_page_count(new.data, "cycling") >= 3
    for lang in LANGUAGES:
        candidates = candidate_keys(OLD, new, edit, lang)
        index_pages = {key for key in candidates if key.startswith("cycling/") and key != "cycling/route-70"}
        assert len(index_pages) == 1, index_pages
        # No directive shows routes; the status page names no route of this edit.
        assert not candidates & (set(OLD.editorial) | {STATUS_PAGE})
        assert CATALOGUE_KEY in candidates


def test_a_title_edit_reorders_only_its_own_language() -> None:
    first = index_page_cards(OLD.data, "cycling", "en", 1)[0][1][0]
    index = OLD.data.sections["cycling"].index(first)
    new = edited(OLD, "cycling", index, set_text("title", "en", "Zzz last route"))
    edit = changed_records(OLD, new)
    assert edit is not None
    english = candidate_keys(OLD, new, edit, "en")
    german = candidate_keys(OLD, new, edit, "de")
    # and the pages of the record's topics, which show its card, and the catalogue of the
    # data files, whose sizes change with any edit
    topics = {topic_key(topic) for topic in first.get("topics", ())}
    assert german == {record_key("cycling", first["id"]), "cycling/index", *topics, CATALOGUE_KEY}
    # The card moves from the first page to the last: every page of its city shifts.
    assert {"cycling/index", "cycling/page-2", "cycling/page-3"} <= english


def test_the_timeline_page_is_no_candidate_for_record_edits_and_an_events_edit_rebuilds_all() -> None:
    # The timeline shows data/events.yml only; an edit of the events rebuilds the whole site.
    route = edited(OLD, "cycling", 5, set_text("summary", "en", "New summary"))
    project = edited(OLD, "projects", 0, set_text("title", "en", "New project title"))
    for new in (route, project):
        edit = changed_records(OLD, new)
        assert edit is not None
        assert "partnership" not in candidate_keys(OLD, new, edit, "de")
    events = copy.deepcopy(OLD.data.events)
    events[0]["title"]["en"] = "New event title"
    new = Site(dataclasses.replace(OLD.data, events=events), OLD.editorial, OLD.operator, OLD.today)
    assert changed_records(OLD, new) is None


def test_the_events_page_is_a_candidate_when_a_record_it_names_changes() -> None:
    named = next(
        key for event in OLD.data.events for key in event.get("related", ()) if key.startswith("projects/")
    )
    index = next(i for i, r in enumerate(OLD.data.sections["projects"]) if f"projects/{r['id']}" == named)
    project = edited(OLD, "projects", index, set_text("title", "en", "New project title"))
    route = edited(OLD, "cycling", 5, set_text("summary", "en", "New summary"))
    for new, expected in ((project, True), (route, False)):
        edit = changed_records(OLD, new)
        assert edit is not None
        assert ("events" in candidate_keys(OLD, new, edit, "en")) is expected
        assert ("events" in changed_pages(OLD, new, "en")) is expected


def test_an_edited_editorial_page_is_a_candidate() -> None:
    page = OLD.editorial["accessibility"]
    texts = {**page.texts, "en": page.texts["en"] + "\nOne more sentence.\n"}
    edited_page = EditorialPage(page.key, page.files, texts)
    new = replace(OLD, editorial={**OLD.editorial, "accessibility": edited_page})
    edit = changed_records(OLD, new)
    assert edit == {}
    assert changed_pages(OLD, new, "en") == {"accessibility"}
    assert candidate_keys(OLD, new, edit, "en") == {"accessibility", STATUS_PAGE}


def test_the_only_location_of_a_section_removed_changes_every_index_page() -> None:
    records = many_cycling_records(260)
    for record in records[1:]:
        record.pop("location", None)
    assert "location" in records[0]
    old = site_with(records)
    new = edited(old, "cycling", 0, lambda record: record.pop("location"))
    edit = changed_records(old, new)
    assert edit is not None
    for lang in LANGUAGES:
        changed = changed_pages(old, new, lang)
        index_pages = {key for key in new.page_keys() if key.startswith("cycling/") and "route-" not in key}
        assert len(index_pages) > 2 and index_pages <= changed  # the map is gone from each
        assert changed <= candidate_keys(old, new, edit, lang)


def test_added_records_and_changed_cities_need_a_full_rebuild() -> None:
    more = site_with(many_cycling_records(261))
    assert changed_records(OLD, more) is None
    cities = {**OLD.data.cities, "bochum": {**OLD.data.cities["bochum"], "name": {"de": "Bochum (Ruhr)"}}}
    renamed = replace(OLD, data=Data(cities, OLD.data.sections))
    assert changed_records(OLD, renamed) is None


def test_an_edited_guide_needs_a_full_rebuild() -> None:
    guides = copy.deepcopy(OLD.data.guides)
    guides["visitor-card-bochum"]["phrases"][0]["kana"] = "ヒルフェー"
    data = Data(OLD.data.cities, OLD.data.sections, OLD.data.events, OLD.data.tracks, guides)
    new = Site(data, OLD.editorial, OLD.operator)
    assert changed_records(OLD, new) is None


def test_an_edit_of_either_route_of_a_pair_renders_both_pages() -> None:
    old = load_site(ROOT)
    ids = [r["id"] for r in old.data.sections["cycling"]]
    both = {"cycling/springorum-trasse", "cycling/ring-ring-road-rail-section"}
    for index, change in (
        (ids.index("ring-ring-road-rail-section"), set_text("title", "en", "A new title")),
        (ids.index("springorum-trasse"), lambda r: r["pair"]["shared"].__setitem__("ja", "新しい文です。")),
    ):
        new = edited(old, "cycling", index, change)
        edit = changed_records(old, new)
        changed_anywhere: set[str] = set()
        for lang in LANGUAGES:
            changed = changed_pages(old, new, lang)
            assert changed <= candidate_keys(old, new, edit, lang)
            changed_anywhere |= changed
        assert both <= changed_anywhere
