"""A route's stage, its pair in the other city and the cycling crosswalk.

Every route and route section of data/cycling.yml has the same seven stage facts,
each with its sources or marked ``published: false``; its page shows them as one
table in the same order (kakehashi.site.stages). A ``pair`` links two routes of
the two cities both ways. The cycling crosswalk is a guide like the others.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import ROOT
from kakehashi.site.glossary import LABELS, term
from kakehashi.sources.loader import ROUTE_KINDS, STAGE_FIELDS, load_data
from kakehashi.sources.problems import SourceProblems
from kakehashi.sources.record_cache import RecordCache

PREFIX = {"de": "", "ja": "ja/", "en": "en/"}
CYCLING = "data/cycling.yml"


def edited_problems(project: Path, old: str, new: str, reader=None) -> list[str]:
    path = project / CYCLING
    text = path.read_text("utf-8")
    assert text.count(old) == 1, f"{old!r} is not in the file exactly once"
    path.write_text(text.replace(old, new), "utf-8")
    with pytest.raises(SourceProblems) as raised:
        load_data(project, reader=reader) if reader else load_data(project)
    return [str(problem) for problem in raised.value.problems]


def line_of(project: Path, needle: str, after: str = "") -> int:
    lines = (project / CYCLING).read_text("utf-8").splitlines()
    start = next(n for n, line in enumerate(lines) if after in line) if after else 0
    return next(n for n, line in enumerate(lines[start:], start=start + 1) if needle in line)


# --- the data ----------------------------------------------------------------------


def test_every_route_has_every_stage_fact_sourced_or_marked_unpublished() -> None:
    data = load_data(ROOT)
    routes = [r for r in data.sections["cycling"] if r["kind"] in ROUTE_KINDS]
    assert len(routes) >= 6
    for route in routes:
        assert list(route["stage"]) == list(STAGE_FIELDS), route["id"]
        for name, fact in route["stage"].items():
            assert fact == {"published": False} or fact["sources"], (route["id"], name)
    assert not any("stage" in r for r in data.sections["cycling"] if r["kind"] not in ROUTE_KINDS)


SURFACE = """    surface:
      text:
        de: "Asphalt; ein gemeinsamer Geh- und Radweg"
        ja: "アスファルト舗装。歩行者と自転車が共用する道です。"
        en: "Asphalt; a path shared by walkers and cyclists"
      sources:
        - url: "http://www.bahntrassenradeln.de/details/nw3_20.htm"
          title: "Bahntrassenradeln: Springorum-Trasse"
          lang: de
"""


def test_a_fact_without_sources_is_refused_where_it_stands(project_copy: Path) -> None:
    line = line_of(project_copy, "    surface:", after="- id: springorum-trasse")
    without_sources = SURFACE.split("      sources:")[0]
    assert edited_problems(project_copy, SURFACE, without_sources) == [
        f"{CYCLING}:{line + 1}:7: springorum-trasse.stage.surface.sources: "
        "the required field 'sources' is missing"
    ]


def test_an_unknown_stage_field_names_the_allowed_ones(project_copy: Path) -> None:
    stage = line_of(project_copy, "  stage:", after="- id: springorum-trasse")
    line = line_of(project_copy, "    surface:", after="- id: springorum-trasse")
    found = edited_problems(project_copy, SURFACE, SURFACE.replace("    surface:", "    gradient:"))
    assert found == [
        f"{CYCLING}:{stage + 1}:5: springorum-trasse.stage.surface: the required field 'surface' is missing",
        f"{CYCLING}:{line}:5: springorum-trasse.stage.gradient: unknown field 'gradient'; allowed here: "
        "climb, distance, rail_end, rail_start, rental, rest_repair, surface",
    ]


def test_an_unpublished_fact_holds_nothing_else_in_a_full_read_and_a_cached_one(project_copy: Path) -> None:
    old = "    climb:\n      published: false\n"
    first_climb = line_of(project_copy, "    climb:", after="- id: springorum-trasse")
    text = (project_copy / CYCLING).read_text("utf-8")
    start = text.index("- id: springorum-trasse")
    end = text.index(old, start) + len(old)
    edited = text[:start] + text[start:end].replace(old, old + "      value: 120\n") + text[end:]
    (project_copy / CYCLING).write_text(edited, "utf-8")
    expected = [
        f"{CYCLING}:{first_climb + 2}:7: springorum-trasse.stage.climb.value: "
        "a fact with published: false has no other fields; remove 'value'"
    ]
    for reader in (None, RecordCache().read):
        with pytest.raises(SourceProblems) as raised:
            load_data(project_copy, reader=reader) if reader else load_data(project_copy)
        assert [str(p) for p in raised.value.problems] == expected


def test_a_route_without_a_stage_and_a_facility_with_one_are_refused(project_copy: Path) -> None:
    text = (project_copy / CYCLING).read_text("utf-8")
    start = text.index("\n  stage:\n", text.index("- id: rs1-bochum")) + 1
    end = text.index("\n  sources:\n", start) + 1
    stage = text[start:end]
    text = text[:start] + text[end:]
    facility = text.index("\n  sources:\n", text.index("- id: cycle-park-tsukuba")) + 1
    text = text[:facility] + stage + text[facility:]
    (project_copy / CYCLING).write_text(text, "utf-8")
    rs1 = line_of(project_copy, "- id: rs1-bochum")
    park_stage = line_of(project_copy, "  stage:", after="- id: cycle-park-tsukuba")
    with pytest.raises(SourceProblems) as raised:
        load_data(project_copy)
    assert sorted(str(p) for p in raised.value.problems) == sorted(
        [
            f"{CYCLING}:{rs1}:3: rs1-bochum.stage: the required field 'stage' is missing",
            f"{CYCLING}:{park_stage}:3: cycle-park-tsukuba.stage: a stage is for the kinds route and "
            "route-section; this record is a facility: remove it",
        ]
    )


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("cycling/nowhere", "there is no record 'nowhere' in data/cycling.yml"),
        (
            "cycling/springorum-trasse",
            "'cycling/springorum-trasse' is in the same city; a pair names a route in the other city",
        ),
        (
            "cycling/cycle-park-tsukuba",
            "'cycling/cycle-park-tsukuba' is a facility, not a route: a pair names a route",
        ),
        ("projects/delegation-visit-2025", None),
    ],
)
def test_a_pair_must_name_a_route_of_the_other_city(
    project_copy: Path, target: str, message: str | None
) -> None:
    rail_section = "cycling/ring-ring-road-rail-section"
    line = line_of(project_copy, f"    record: {rail_section}", after="- id: erzbahntrasse")
    pair = "  pair:\n    record: {}\n    shared:\n      de: \"Beide Radwege verlaufen"
    found = edited_problems(
        project_copy, pair.format(rail_section), pair.format(target)
    )
    if message is None:  # the schema names the form
        message = (
            f"write cycling/ and the id of a route in the other city, e.g. {rail_section} (found '{target}')"
        )
    assert found == [f"{CYCLING}:{line}:13: erzbahntrasse.pair.record: {message}"]


def test_a_guide_row_may_link_cycling_records_but_a_card_place_may_not(project_copy: Path) -> None:
    guides = project_copy / "data" / "guides"
    crosswalk = guides / "cycling-crosswalk.yml"
    crosswalk_text = crosswalk.read_text("utf-8")
    crosswalk.write_text(crosswalk_text.replace("- cycling/erzbahntrasse", "- cycling/nowhere", 1), "utf-8")
    card = guides / "visitor-card-bochum.yml"
    card_text = card.read_text("utf-8")
    place = re.search(r"record: (disaster-prevention/[a-z0-9-]+)", card_text).group(1)
    card.write_text(card_text.replace(f"record: {place}", "record: cycling/erzbahntrasse", 1), "utf-8")
    with pytest.raises(SourceProblems) as raised:
        load_data(project_copy)
    messages = [p.message for p in raised.value.problems]
    assert messages == [
        "there is no record 'nowhere' in data/cycling.yml",
        "a place on a visitor card is a record of the disaster-prevention section: write "
        "disaster-prevention/ and its id, e.g. disaster-prevention/kiez-bochum "
        "(found 'cycling/erzbahntrasse')",
    ]


# --- the pages of a real build ------------------------------------------------------


class StageTable(HTMLParser):
    """The rows of the page's stage table: (label, value text, source links)."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[tuple[str, str, list[str]]] = []
        self.tables = 0
        self._in_table = False
        self._cell: str | None = None
        self._row: list = []
        self.feed(page)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "table" and "kk-stage" in (a.get("class") or ""):
            self._in_table, self.tables = True, self.tables + 1
        elif self._in_table and tag == "tr":
            self._row = ["", "", []]
        elif self._in_table and tag in ("th", "td"):
            sources = "kk-stage__sources" in (a.get("class") or "")
            self._cell = "th" if tag == "th" else ("sources" if sources else "td")
        elif self._in_table and tag == "a" and self._cell == "sources":
            self._row[2].append(a.get("href") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "table" and self._in_table:
            self._in_table = False
        elif self._in_table and tag == "tr":
            self.rows.append((self._row[0].strip(), self._row[1].strip(), self._row[2]))
        elif tag in ("th", "td"):
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell == "th":
            self._row[0] += data
        elif self._cell == "td":
            self._row[1] += data


def page(site: Path, lang: str, key: str) -> str:
    return (site / PREFIX[lang] / key / "index.html").read_text("utf-8")


@pytest.mark.parametrize("lang", PREFIX)
def test_every_route_page_shows_the_same_stage_rows_in_the_same_order(built_site: Path, lang: str) -> None:
    data = load_data(ROOT)
    labels = [term(LABELS, f"stage_{name}", lang) for name in STAGE_FIELDS]
    not_published = term(LABELS, "stage_not_published", lang)
    seen_unpublished = seen_published = 0
    for record in data.sections["cycling"]:
        table = StageTable(page(built_site, lang, f"cycling/{record['id']}"))
        if record["kind"] not in ROUTE_KINDS:
            assert table.tables == 0, record["id"]
            continue
        assert table.tables == 1, record["id"]
        assert [label for label, _, _ in table.rows] == labels, record["id"]
        for (_, value, links), name in zip(table.rows, STAGE_FIELDS, strict=True):
            fact = record["stage"][name]
            if fact.get("published") is False:
                assert (value, links) == (not_published, []), (record["id"], name)
                seen_unpublished += 1
            else:
                assert value and value != not_published, (record["id"], name)
                assert links == [s["url"] for s in fact["sources"]], (record["id"], name)
                seen_published += 1
    assert seen_unpublished and seen_published


@pytest.mark.parametrize("lang", PREFIX)
def test_paired_rail_trails_link_each_other_with_what_they_share(built_site: Path, lang: str) -> None:
    data = load_data(ROOT)
    heading = html.escape(term(LABELS, "pair", lang), quote=False)
    routes = data.sections["cycling"]
    pairs = [(r["id"], r["pair"]["record"].split("/")[1]) for r in routes if "pair" in r]
    trails = ("springorum-trasse", "erzbahntrasse", "rs1-bochum")
    assert {(trail, "ring-ring-road-rail-section") for trail in trails} <= set(pairs)
    for one, other in pairs:
        for here, there in ((one, other), (other, one)):
            text = page(built_site, lang, f"cycling/{here}")
            found = re.search(rf"<h2[^>]*>{re.escape(heading)}", text)
            assert found, (lang, here, "has no counterpart heading")
            part = text[found.end() :]
            assert re.search(rf'<a href="\.\./{there}/"', part[: part.index("</ul>")]), (lang, here, there)


@pytest.mark.parametrize("lang", PREFIX)
def test_the_cycling_crosswalk_has_sources_on_each_row_and_links_routes(built_site: Path, lang: str) -> None:
    guide = load_data(ROOT).guides["cycling-crosswalk"]
    text = page(built_site, lang, "guides/cycling-crosswalk")
    assert f'<html lang="{lang}"' in text
    rows = [row for group in guide["groups"] for row in group["rows"]]
    assert text.count('class="kk-guide__sources"') == len(rows) >= 8
    for chunk, row in zip(text.split('<section class="kk-crosswalk__row"')[1:], rows, strict=True):
        for source in row["sources"]:
            assert f'<a href="{html.escape(source["url"])}" hreflang="{source["lang"]}"' in chunk
    assert 'href="../../cycling/erzbahntrasse/"' in text
    assert 'href="../../cycling/ring-ring-road-rail-section/"' in text
    assert 'href="cycling-crosswalk/"' in page(built_site, lang, "guides")
