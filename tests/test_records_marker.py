"""The records marker and the topic pages: what editors write, what they get back, and what readers see.

The build tests place records markers in a page of a copy of the project and
read the built HTML; the error tests load a copy with a broken page and compare
every problem line as the editor reads it.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from test_incremental import OLD, changed_pages, edited

from conftest import ROOT, build, copy_project
from kakehashi.mkdocs_adapter.serve_update import candidate_keys, changed_records
from kakehashi.site.editorial import EditorialPage
from kakehashi.site.glossary import TOPICS
from kakehashi.site.languages import LANGUAGES, pick
from kakehashi.site.record_pages import CARDS_PER_PAGE
from kakehashi.site.whole_site import Site, load_site
from kakehashi.sources.loader import SECTION_IDS, TOPIC_IDS
from kakehashi.sources.problems import SourceProblems

HOSTILE = "<img src=x onerror=alert(1)>"
# The kinds the ecosystem schema allows, in its order, as the message lists them.
ECOSYSTEM_SCHEMA = json.loads((ROOT / "data" / "schema" / "ecosystem.schema.json").read_text("utf-8"))
ECOSYSTEM_KINDS = ", ".join(ECOSYSTEM_SCHEMA["items"]["properties"]["kind"]["enum"])


def problems_of_page(tmp_path: Path, text: str, name: str = "content/en/lists.md") -> list[str]:
    project = copy_project(tmp_path / "project")
    (project / name).parent.mkdir(parents=True, exist_ok=True)
    (project / name).write_text(text, "utf-8")
    with pytest.raises(SourceProblems) as raised:
        load_site(project)
    return [str(problem) for problem in raised.value.problems]


# --- what an editor gets back for a mistake ---------------------------------

ERRORS = [
    pytest.param(
        "<!-- kakehashi:timline -->",
        "content/en/lists.md:3:16: unknown marker 'kakehashi:timline'; known markers: contact, glossary, "
        "operator, records, sections, timeline",
        id="unknown-marker-name",
    ),
    pytest.param(
        "<!-- kakehashi:timline view=table -->",
        "content/en/lists.md:3:16: unknown marker 'kakehashi:timline'; known markers: contact, glossary, "
        "operator, records, sections, timeline",
        id="unknown-marker-name-with-arguments",  # used to be read as text and silently dropped
    ),
    pytest.param(
        "<!-- Kakehashi:Records section=cycling -->",
        "content/en/lists.md:3:16: unknown marker 'kakehashi:Records'; known markers: contact, glossary, "
        "operator, records, sections, timeline",
        id="capitalised-marker-name",
    ),
    pytest.param(
        "<!-- kakehashi:records section=ecosystm -->",
        "content/en/lists.md:3:32: kakehashi:records.section: unknown section 'ecosystm'; use one of: "
        "projects, ecosystem, cycling, disaster-prevention",
        id="unknown-section",
    ),
    pytest.param(
        "<!-- kakehashi:records view=list -->",
        "content/en/lists.md:3:16: kakehashi:records: the argument 'section' is missing, e.g. "
        "section=ecosystem (sections: projects, ecosystem, cycling, disaster-prevention)",
        id="no-section",
    ),
    pytest.param(
        "<!-- kakehashi:records section=ecosystem,cycling -->",
        "content/en/lists.md:3:32: kakehashi:records.section: name one section (found 'ecosystem,cycling')",
        id="two-sections",
    ),
    pytest.param(
        "<!-- kakehashi:records section=ecosystem colour=red -->",
        "content/en/lists.md:3:42: kakehashi:records: unknown argument 'colour'; allowed: section, city, "
        "kind, topic, view, sort",
        id="unknown-key",
    ),
    pytest.param(
        "<!-- kakehashi:records section=ecosystem city=tsukuba,bohum -->",
        "content/en/lists.md:3:55: kakehashi:records.city: unknown city 'bohum'; cities are defined in "
        "data/cities.yml: bochum, tokyo, tsukuba",
        id="unknown-city-second-of-two",
    ),
    pytest.param(
        "<!-- kakehashi:records section=ecosystem kind=route -->",
        "content/en/lists.md:3:47: kakehashi:records.kind: 'route' is not a kind of section ecosystem; use "
        "one of: " + ECOSYSTEM_KINDS,
        id="kind-of-another-section",
    ),
    pytest.param(
        "<!-- kakehashi:records section=cycling topic=helth -->",
        "content/en/lists.md:3:46: kakehashi:records.topic: unknown topic 'helth'; use one of: health, "
        "mobility, science, sports, startups, disaster-prevention, urban-development",
        id="unknown-topic",
    ),
    pytest.param(
        "<!-- kakehashi:records section=cycling view=grid -->",
        "content/en/lists.md:3:45: kakehashi:records.view: unknown view 'grid'; use one of: cards, "
        "table, list",
        id="unknown-view",
    ),
    pytest.param(
        "<!-- kakehashi:records section=cycling view=cards,table -->",
        "content/en/lists.md:3:45: kakehashi:records.view: write one value (found 'cards,table')",
        id="two-views",
    ),
    pytest.param(
        "<!-- kakehashi:records section=cycling sort=date -->",
        "content/en/lists.md:3:45: kakehashi:records.sort: unknown sort order 'date' for section cycling; "
        "use one of: title, city",
        id="sort-by-date-where-records-have-no-date",
    ),
    pytest.param(
        "<!-- kakehashi:records section=cycling city=bochum,bochum sort -->",
        "content/en/lists.md:3:59: write each argument as key=value, e.g. view=table (found 'sort')",
        id="argument-without-value",
    ),
    pytest.param(
        "<!-- kakehashi:records section=cycling section=projects -->",
        "content/en/lists.md:3:40: 'section' is given twice in this marker; keep one",
        id="key-twice",
    ),
    pytest.param(
        "<!-- kakehashi:timeline view=table -->",
        "content/en/lists.md:3:25: kakehashi:timeline: this marker takes no arguments (found 'view=table')",
        id="arguments-to-a-marker-without-any",
    ),
    pytest.param(
        "<!-- kakehashi:records section=cycling",
        "content/en/lists.md:3:1: a marker is one whole line, from its first column to '-->': "
        "<!-- kakehashi:NAME key=value … -->",
        id="marker-over-two-lines",
    ),
]


@pytest.mark.parametrize(("marker", "expected"), ERRORS)
def test_a_wrong_marker_is_named_with_file_line_and_what_is_allowed(
    tmp_path: Path, marker: str, expected: str
) -> None:
    assert problems_of_page(tmp_path, f"# Lists\n\n{marker}\n\nText.\n") == [expected]


def test_several_wrong_values_are_reported_at_once(tmp_path: Path) -> None:
    text = (
        "# Listen\n\n<!-- kakehashi:records section=ecosystem city=bohum kind=route -->\n\n"
        "<!-- kakehashi:sectionz -->\n"
    )
    assert problems_of_page(tmp_path, text, "content/de/lists.md") == [
        "content/de/lists.md:3:47: kakehashi:records.city: unknown city 'bohum'; cities are defined in "
        "data/cities.yml: bochum, tokyo, tsukuba",
        "content/de/lists.md:3:58: kakehashi:records.kind: 'route' is not a kind of section ecosystem; use "
        "one of: " + ECOSYSTEM_KINDS,
        "content/de/lists.md:5:16: unknown marker 'kakehashi:sectionz'; known markers: contact, glossary, "
        "operator, records, sections, timeline",
    ]


def test_a_wrong_marker_is_reported_with_the_problems_of_the_data(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "content/en/lists.md").write_text(
        "# Lists\n\n<!-- kakehashi:records section=cycling city=bohum view=grid -->\n", "utf-8"
    )
    path = project / "data" / "cycling.yml"
    path.write_text(path.read_text("utf-8").replace("  kind: route\n", "  kind: rout\n", 1), "utf-8")
    with pytest.raises(SourceProblems) as raised:
        load_site(project)
    assert [str(problem) for problem in raised.value.problems] == [
        "content/en/lists.md:3:56: kakehashi:records.view: unknown view 'grid'; use one of: cards, table, "
        "list",
        "data/cycling.yml:6:9: ring-ring-road.kind: 'rout' is not allowed; use one of: route, route-section, "
        "facility",
    ]  # the cities are not known while the data has problems: city=bohum waits for the next check


def test_markers_quoted_in_code_are_left_alone(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    text = (
        "# Lists\n\nWrite `<!-- kakehashi:records section=nowhere -->` on a line of its own:\n\n"
        "```markdown\n<!-- kakehashi:records section=nowhere view=grid -->\n```\n"
    )
    (project / "content/en/lists.md").write_text(text, "utf-8")
    markdown = load_site(project).markdown("lists", "en")
    assert "<!-- kakehashi:records section=nowhere view=grid -->" in markdown


def test_an_unknown_topic_in_the_data_names_file_line_and_the_topics(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    path = project / "data" / "cycling.yml"
    text = path.read_text("utf-8")
    assert "  topics: [mobility]\n" in text
    path.write_text(text.replace("  topics: [mobility]\n", "  topics: [mobility, Cycling]\n", 1), "utf-8")
    with pytest.raises(SourceProblems) as raised:
        load_site(project)
    assert [str(problem) for problem in raised.value.problems] == [
        "data/cycling.yml:7:22: ring-ring-road.topics[2]: 'Cycling' is not allowed; use one of: health, "
        "mobility, science, sports, startups, disaster-prevention, urban-development"
    ]


def test_the_topics_are_one_closed_list_with_names_in_every_language() -> None:
    schema = json.loads((ROOT / "data/schema/common.schema.json").read_text("utf-8"))
    assert tuple(schema["definitions"]["topics"]["items"]["enum"]) == TOPIC_IDS
    assert list(TOPICS) == list(TOPIC_IDS)
    for section in SECTION_IDS:
        section_schema = json.loads((ROOT / f"data/schema/{section}.schema.json").read_text("utf-8"))
        assert section_schema["items"]["properties"]["topics"] == {
            "$ref": "common.schema.json#/definitions/topics"
        }


def test_pages_may_not_take_the_folder_of_the_topic_pages(tmp_path: Path) -> None:
    assert problems_of_page(tmp_path, "# Extra\n", "content/en/topics/extra.md") == [
        "content/en/topics/extra.md:1:1: pages under 'topics/' are generated from the topics of the "
        "records; move this page to another folder"
    ]


# --- what readers see -------------------------------------------------------

PAGE = {
    "de": "Datensichten",
    "ja": "データ表示",
    "en": "Data views",
}
MARKERS = """
## Cards

<!-- kakehashi:records section=ecosystem city=tsukuba -->

## Table

<!-- kakehashi:records section=projects kind=agreement,memorandum view=table sort=date -->

## List

<!-- kakehashi:records section=cycling topic=mobility,sports view=list sort=city -->

## Empty

<!-- kakehashi:records section=disaster-prevention city=tsukuba kind=crisis-centre view=table -->
"""


@pytest.fixture(scope="module")
def site_with_views(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("project"))
    for lang, title in PAGE.items():
        (project / "content" / lang / "views.md").write_text(f"# {title}\n{MARKERS}", "utf-8")
    path = project / "data" / "ecosystem.yml"
    text = path.read_text("utf-8")
    quoted = '    en: "Tsukuba Startup Park"\n'
    assert quoted in text
    path.write_text(text.replace(quoted, f"    en: '{HOSTILE} Tsukuba Startup Park'\n", 1), "utf-8")
    site = tmp_path_factory.mktemp("site")
    build(project, site)
    return site


def section_of(page: str, heading: str) -> str:
    """The HTML of the page between the ``<h2>`` named ``heading`` and the next ``<h2>``."""
    start = page.index(f">{heading}<")
    end = page.find("<h2", start)
    return page[start : end if end != -1 else page.index("</article>")]


def record_links(fragment: str, section: str) -> list[str]:
    return re.findall(rf'href="\.\./(?:\.\./)?{section}/([a-z0-9-]+)/"', fragment)


def expected_ids(section: str, keep) -> set[str]:
    return {r["id"] for r in load_site(ROOT).data.sections[section] if keep(r)}


@pytest.mark.build
@pytest.mark.parametrize("lang", LANGUAGES)
def test_views_show_the_filtered_records_in_each_language(site_with_views: Path, lang: str) -> None:
    prefix = "" if lang == "de" else f"{lang}/"
    page = (site_with_views / prefix / "views/index.html").read_text("utf-8")
    cards = section_of(page, "Cards")
    assert 'class="grid cards"' in cards
    in_tsukuba = expected_ids("ecosystem", lambda r: r["city"] == "tsukuba")
    assert set(record_links(cards, "ecosystem")) == in_tsukuba
    table = section_of(page, "Table")
    rows = re.findall(r"<tr>(.*?)</tr>", table, re.DOTALL)
    headers = {"de": ["Titel", "Datum", "Stadt", "Art"], "ja": ["名称", "日付", "都市", "種別"]}
    header = headers.get(lang, ["Title", "Date", "City", "Type"])
    assert re.findall(r"<th>(.*?)</th>", rows[0]) == header
    # newest first: the start-up memorandum of 2025, the planned memorandum of 2020, the agreement of 2019
    linked = [record_links(row, "projects") for row in rows[1:]]
    assert linked == [["startup-mou-2025"], ["project-mou-2020"], ["partnership-agreement-2019"]]
    listing = section_of(page, "List")
    items = re.findall(r"<li>(.*?)</li>", listing, re.DOTALL)
    mobile = expected_ids("cycling", lambda r: {"mobility", "sports"} & set(r.get("topics", ())))
    assert [record_links(item, "cycling")[0] for item in items] == sorted_by_city(mobile, lang)
    empty = section_of(page, "Empty")
    no_entries = {
        "de": "Derzeit gibt es hier keine Einträge.",
        "ja": "現在、該当する項目はありません。",
        "en": "There are no entries here at present.",
    }
    assert f"<p>{no_entries[lang]}</p>" in empty and "<table" not in empty


def sorted_by_city(ids: set[str], lang: str) -> list[str]:
    """Cycling records by their city's name in ``lang``, each city's records by title (the index order)."""
    data = load_site(ROOT).data
    records = [r for r in data.sections["cycling"] if r["id"] in ids]
    title = lambda r: pick(r["title"], lang).text.casefold()  # noqa: E731
    city = lambda r: pick(data.cities[r["city"]]["name"], lang).text.casefold()  # noqa: E731
    return [r["id"] for r in sorted(records, key=lambda r: (city(r), title(r), r["id"]))]


@pytest.mark.build
def test_a_hostile_title_is_shown_as_text_in_cards_tables_and_topic_pages(site_with_views: Path) -> None:
    # the editor's guide shows the records of Tsukuba's ecosystem as a table
    for path in (
        "en/views/index.html",
        "en/contribute/lists-and-topics/index.html",
        "en/topics/startups/index.html",
    ):
        page = (site_with_views / path).read_text("utf-8")
        assert "<img src=x" not in page
        assert html.unescape(re.sub(r"<[^>]+>", "", page)).count(f"{HOSTILE} Tsukuba Startup Park") == 1


@pytest.mark.build
@pytest.mark.parametrize("lang", LANGUAGES)
def test_topic_pages_list_exactly_the_tagged_records_by_section(site_with_views: Path, lang: str) -> None:
    data = load_site(ROOT).data
    prefix = "" if lang == "de" else f"{lang}/"
    for topic in TOPIC_IDS:
        page = (site_with_views / prefix / f"topics/{topic}/index.html").read_text("utf-8")
        article = page[page.index("<article") : page.index("</article>")]
        found = re.findall(r'href="\.\./\.\./([a-z-]+)/([a-z0-9-]+)/"', article)
        tagged = [
            (section, r["id"])
            for section in SECTION_IDS
            for r in data.sections[section]
            if topic in r.get("topics", ())
        ]
        assert sorted(found) == sorted(tagged), topic
        # grouped by section, in the order of the sections
        order = [section for section, _ in found]
        assert order == sorted(order, key=SECTION_IDS.index)


@pytest.mark.build
def test_the_topics_overview_and_record_pages_link_the_topic_pages(site_with_views: Path) -> None:
    overview = (site_with_views / "ja/topics/index.html").read_text("utf-8")
    assert 'href="health/"' in overview and "スポーツ" in overview
    record = (site_with_views / "en/projects/vfl-bochum-university-of-tsukuba/index.html").read_text("utf-8")
    facts = record[record.index('class="kk-facts"') :]
    facts = facts[: facts.index("</dl>")]
    assert '<a href="../../topics/sports/">Sports</a>, <a href="../../topics/science/">Science</a>' in facts
    sitemap = (site_with_views / "sitemap.xml").read_text("utf-8")
    assert "https://bochum-tsukuba.example.org/ja/topics/mobility/" in sitemap
    nav = (site_with_views / "index.html").read_text("utf-8")
    assert 'href="topics/" class="md-nav__link"' in nav


# --- the serve update -------------------------------------------------------


def with_page(site: Site, key: str, text: str) -> Site:
    page = EditorialPage(key, {"en": f"content/en/{key}.md"}, {"en": text})
    return Site(site.data, {**site.editorial, key: page}, site.operator)


def test_a_page_with_a_records_marker_is_rendered_again_when_its_section_changes() -> None:
    old = with_page(OLD, "routes", "# Routes\n\n<!-- kakehashi:records section=cycling view=table -->\n")
    route = edited(old, "cycling", 5, lambda r: r["title"].__setitem__("en", "Renamed route"))
    project = edited(old, "projects", 0, lambda r: r["title"].__setitem__("en", "Renamed project"))
    for new, expected in ((route, True), (project, False)):
        edit = changed_records(old, new)
        assert edit is not None
        assert ("routes" in candidate_keys(old, new, edit, "en")) is expected
        assert ("routes" in changed_pages(old, new, "en")) is expected


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_topic_edit_renders_the_old_and_new_topic_pages_and_the_overview(lang: str) -> None:
    index = next(i for i, r in enumerate(OLD.data.sections["projects"]) if "sports" in r.get("topics", ()))
    new = edited(OLD, "projects", index, lambda r: r.__setitem__("topics", ["health"]))
    edit = changed_records(OLD, new)
    assert edit is not None
    changed = changed_pages(OLD, new, lang)
    assert {"topics/sports", "topics/health", "topics/science", "topics/index"} <= changed
    assert changed <= candidate_keys(OLD, new, edit, lang)


def test_a_topic_with_more_records_than_an_index_page_has_cards_lists_their_titles() -> None:
    tagged = [r for r in OLD.data.sections["cycling"] if "mobility" in r.get("topics", ())]
    assert len(tagged) > CARDS_PER_PAGE
    markdown = OLD.markdown("topics/mobility", "en")
    cycling = markdown[markdown.index("## Cycling") :]
    assert "grid cards" not in cycling
    assert cycling.count("\n- [") == len(tagged)
    assert "grid cards" in OLD.markdown("topics/sports", "en")  # a few: cards
