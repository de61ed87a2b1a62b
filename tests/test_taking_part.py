"""The taking-part guides: one page per audience and language, saying what exists
today, where to turn and what has not been published, every row with its sources
and links to the records and events it names; refused with file, line and field
when wrong."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from urllib.parse import unquote, urljoin

import pytest

from conftest import ROOT
from conftest import edit_guide as edit
from conftest import guide_line as line_of
from conftest import source_problems as problems
from kakehashi.sources.guide_files import AUDIENCES, TAKING_PART_LISTS
from kakehashi.sources.loader import load_data

DATA = load_data(ROOT)
PREFIX = {"de": "", "ja": "ja/", "en": "en/"}
NOTHING = {
    "de": "Die gelesenen Quellen nennen in der Partnerschaft nichts, woran diese Gruppe heute "
    "teilnehmen kann.",
    "ja": "参照した出典には、この連携で現在参加できる取り組みは記載されていません。",
    "en": "The sources read name nothing in the partnership that this audience can take part in today.",
}
HEADINGS = {
    "de": ("Was es heute gibt", "An wen man sich wenden kann", "Was nicht veröffentlicht ist"),
    "ja": ("現在の取り組み", "相談先", "公表されていないこと"),
    "en": ("What exists today", "Where to turn", "What has not been published"),
}


def guide_for(audience: str) -> tuple[str, dict]:
    return next((gid, g) for gid, g in DATA.guides.items() if g.get("audience") == audience)


def test_the_schema_and_the_code_know_the_same_audiences() -> None:
    schema = json.loads((ROOT / "data/schema/guide.schema.json").read_text("utf-8"))
    assert tuple(schema["properties"]["audience"]["enum"]) == AUDIENCES


def test_one_guide_per_audience_each_saying_what_is_not_published() -> None:
    taking_part = [g for g in DATA.guides.values() if g["kind"] == "taking-part"]
    assert sorted(g["audience"] for g in taking_part) == sorted(AUDIENCES)
    for guide in taking_part:
        assert guide["not_published"], guide["id"]
        for name in TAKING_PART_LISTS:
            for row in guide.get(name, ()):
                assert row["sources"] and all(set(row[f]) == {"de", "ja", "en"} for f in ("topic", "text"))
    # Where nothing is sourced the guide says so instead of listing anything.
    assert "offers" not in guide_for("citizens")[1]


# --- the data ------------------------------------------------------------------------


def test_a_link_to_a_missing_event_is_refused_where_it_stands(project_copy: Path) -> None:
    line = line_of(project_copy, "taking-part-founders", "      - startup-mou-2025")
    edit(project_copy, "taking-part-founders", "      - startup-mou-2025\n", "      - startup-mou-2052\n")
    assert problems(project_copy) == [
        f"data/guides/taking-part-founders.yml:{line}:9: offers[1].events[1]: "
        "there is no event 'startup-mou-2052' in data/events.yml"
    ]


def test_a_link_to_a_missing_record_of_any_section_is_refused(project_copy: Path) -> None:
    line = line_of(project_copy, "taking-part-clubs", "- projects/vfl-bochum-university-of-tsukuba")
    record = "projects/vfl-bochum-university-of-tsukuba"
    edit(project_copy, "taking-part-clubs", record, "projects/vfl-nowhere")
    assert problems(project_copy) == [
        f"data/guides/taking-part-clubs.yml:{line}:9: offers[1].records[1]: "
        "there is no record 'vfl-nowhere' in data/projects.yml"
    ]


def test_a_row_without_sources_and_an_unknown_field_are_refused(project_copy: Path) -> None:
    guide = "taking-part-citizens"
    sources = line_of(project_copy, guide, "    sources:")
    text = (project_copy / "data" / "guides" / f"{guide}.yml").read_text("utf-8")
    edit(project_copy, guide, text[text.index("    sources:\n") :], "    email: someone@example.org\n")
    assert problems(project_copy) == [
        f"data/guides/{guide}.yml:{line_of(project_copy, guide, '  - topic:')}:5: "
        "not_published[1].sources: the required field 'sources' is missing",
        f"data/guides/{guide}.yml:{sources}:5: not_published[1].email: unknown field 'email';"
        " allowed here: events, records, sources, text, topic, website",
    ]


def test_a_guide_without_what_is_not_published_and_a_second_guide_for_an_audience(
    project_copy: Path,
) -> None:
    guides = project_copy / "data" / "guides"
    text = (guides / "taking-part-founders.yml").read_text("utf-8")
    (guides / "taking-part-start-ups.yml").write_text(text[: text.index("not_published:")], "utf-8")
    audience = line_of(project_copy, "taking-part-start-ups", "audience: founders")
    assert problems(project_copy) == [
        "data/guides/taking-part-start-ups.yml:5:1: not_published: "
        "the required field 'not_published' is missing",
        f"data/guides/taking-part-start-ups.yml:{audience}:11: audience: the guide for 'founders' is already"
        " data/guides/taking-part-founders.yml; write one per audience",
    ]


def test_a_field_of_another_kind_is_refused(project_copy: Path) -> None:
    line = line_of(project_copy, "taking-part-schools", "updated:")
    updated = 'updated: "2026-12-05"\n'
    edit(project_copy, "taking-part-schools", updated, updated + "city: bochum\n")
    assert problems(project_copy) == [
        f"data/guides/taking-part-schools.yml:{line + 1}:1: city: the field 'city' belongs to a visitor-card;"
        " a taking-part has: audience, offers, contacts, not_published",
    ]


# --- the pages -------------------------------------------------------------------------


def page_of(site: Path, guide_id: str, lang: str) -> str:
    return (site / PREFIX[lang] / "guides" / guide_id / "index.html").read_text("utf-8")


def target_exists(site: Path, page_path: str, href: str) -> bool:
    """Whether a relative link from the page at ``page_path`` (below the site) leads to a page."""
    path = unquote(urljoin(page_path, href).split("#")[0])
    return (site / path / "index.html").is_file() or (site / path).is_file()


@pytest.mark.parametrize("lang", PREFIX)
@pytest.mark.parametrize("audience", AUDIENCES)
def test_each_audience_has_a_page_whose_rows_carry_their_sources_and_links(
    built_site: Path, audience: str, lang: str
) -> None:
    guide_id, guide = guide_for(audience)
    page = page_of(built_site, guide_id, lang)
    page_path = f"{PREFIX[lang]}guides/{guide_id}/"
    assert f'<html lang="{lang}"' in page
    title = re.search(r"<h1[^>]*>(.*?)<a", page, re.S)
    assert title and html.unescape(title.group(1)) == guide["title"][lang]
    rows = re.findall(r'<section class="kk-crosswalk__row kk-taking-part__row">(.*?)</section>', page, re.S)
    listed = [row for name in TAKING_PART_LISTS for row in guide.get(name, ())]
    assert len(rows) == len(listed)
    for shown, row in zip(rows, listed, strict=True):
        topic = re.search(r"<h3[^>]*>(.*?)<a", shown, re.S)
        assert topic and re.sub(r"<[^>]+>", "", html.unescape(topic.group(1))) == row["topic"][lang]
        sources = shown[shown.index('class="kk-guide__sources"') :]
        for source in row["sources"]:
            assert f'href="{html.escape(source["url"])}"' in sources, (guide_id, source["url"])
        links = re.findall(r'<p class="kk-guide__records">(.*?)</p>', shown, re.S)
        hrefs = re.findall(r'href="([^"]+)"', links[0]) if links else []
        assert len(hrefs) == len(row.get("records", ())) + len(row.get("events", ()))
        for record in row.get("records", ()):
            assert any(href.endswith(f"{record}/") for href in hrefs), (guide_id, record)
        for event in row.get("events", ()):
            assert any(href.endswith(f"events/#{event}") for href in hrefs), (guide_id, event)
        assert all(target_exists(built_site, page_path, href) for href in hrefs)
        if "website" in row:
            assert f'href="{row["website"]}"' in shown
    headings = re.findall(r"<h2[^>]*>(.*?)<a class=\"headerlink\"", page)
    expected = [h for name, h in zip(TAKING_PART_LISTS, HEADINGS[lang], strict=True) if guide.get(name)]
    if "offers" not in guide:
        expected.insert(0, HEADINGS[lang][0])
    assert headings == expected
    assert (NOTHING[lang] in html.unescape(page)) == ("offers" not in guide)


@pytest.mark.parametrize("lang", PREFIX)
def test_the_partnership_page_leads_to_every_audience_page(built_site: Path, lang: str) -> None:
    partnership = (built_site / PREFIX[lang] / "partnership" / "index.html").read_text("utf-8")
    for audience in AUDIENCES:
        guide_id, _ = guide_for(audience)
        assert f'href="../guides/{guide_id}/"' in partnership
    home = (built_site / PREFIX[lang] / "index.html").read_text("utf-8")
    anchor = {"de": "mitmachen", "ja": "参加するには", "en": "taking-part"}[lang]
    assert f'href="partnership/#{anchor}"' in home
    assert f'<h2 id="{anchor}"' in partnership
    listing = (built_site / PREFIX[lang] / "guides" / "index.html").read_text("utf-8")
    places = [listing.index(f'href="{guide_for(a)[0]}/"') for a in AUDIENCES]
    assert places == sorted(places), "the listing follows the audiences' order"
