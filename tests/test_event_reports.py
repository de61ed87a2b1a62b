"""Each city's own reports of a partnership event (``reports`` in data/events.yml):
refused with their file, line and field when wrong; side by side, with each
city's sources, on the events page and the timeline in every language; in the
calendar feeds and the open data."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import icalendar
import pytest

from conftest import ROOT
from kakehashi.site.calendar_feeds import feed
from kakehashi.site.open_data import flatten, schema_columns
from kakehashi.sources.loader import load_data
from kakehashi.sources.problems import SourceProblems

DATA = load_data(ROOT)
REPORTED = [event for event in DATA.events if "reports" in event]
PREFIX = {"de": "", "ja": "ja/", "en": "en/"}
# The heading of each city's column, as a reader of each language sees it.
HEADINGS = {
    "de": ("Berichte aus Bochum", "Berichte aus Tsukuba"),
    "ja": ("ボーフム市側の報告", "つくば市側の報告"),
    "en": ("Reports from Bochum", "Reports from Tsukuba"),
}
# Where each city's sources are published: the Bochum side in Bochum, the Tsukuba side in Tsukuba.
SIDE_HOSTS = {
    "bochum": ("bochum.de", "radiobochum.de", "bochum-tourismus.de", "bochum-journal.de", "4630.de"),
    "tsukuba": ("tsukuba.ac.jp", "city.tsukuba.lg.jp", "newstsukuba.jp"),
}


def test_the_events_with_sources_from_both_cities_carry_both_reports() -> None:
    assert {event["id"] for event in REPORTED} == {
        "partnership-agreement-2019",
        "delegation-visit-2025",
        "startup-mou-2025",
    }
    for event in REPORTED:
        assert event["scope"] == "partnership"
        for city, hosts in SIDE_HOSTS.items():
            report = event["reports"][city]
            assert set(report["summary"]) == {"de", "ja", "en"}, (event["id"], city)
            for source in report["sources"]:
                host = re.sub(r"^https?://", "", source["url"]).split("/")[0]
                assert host.endswith(hosts), (event["id"], city, source["url"])


# --- the data ------------------------------------------------------------------------


def problems_after_edit(project: Path, old: str, new: str) -> list[str]:
    path = project / "data" / "events.yml"
    text = path.read_text("utf-8")
    assert text.count(old) >= 1, f"events.yml does not contain {old!r}"
    path.write_text(text.replace(old, new, 1), "utf-8")
    with pytest.raises(SourceProblems) as raised:
        load_data(project)
    return [str(problem) for problem in raised.value.problems]


def line_of(project: Path, needle: str, after: int = 0) -> int:
    lines = (project / "data" / "events.yml").read_text("utf-8").splitlines()
    return next(n for n, line in enumerate(lines, start=1) if n > after and needle in line)


def test_a_report_for_another_city_is_refused_with_the_cities_allowed(project_copy: Path) -> None:
    start = line_of(project_copy, "- id: partnership-agreement-2019")
    reports = line_of(project_copy, "  reports:", after=start)
    line = line_of(project_copy, "    tsukuba:", after=start)
    found = problems_after_edit(project_copy, "    tsukuba:\n      summary:", "    tokyo:\n      summary:")
    assert found == [
        f"data/events.yml:{reports + 1}:5: partnership-agreement-2019.reports.tsukuba: "
        "the required field 'tsukuba' is missing",
        f"data/events.yml:{line}:5: partnership-agreement-2019.reports.tokyo: "
        "unknown field 'tokyo'; allowed here: bochum, tsukuba",
    ]


def test_a_report_without_sources_is_refused_where_it_stands(project_copy: Path) -> None:
    # The first event with this report is the 2025 delegation visit; its other fields stay.
    start = line_of(project_copy, "- id: delegation-visit-2025")
    line = line_of(project_copy, "    tsukuba:", after=start)
    sources = (
        "      sources:\n"
        '        - url: "https://www.bgi.sec.tsukuba.ac.jp/post-bochum-jp/'
        'delegation-from-the-city-of-bochum-and-ruhr-university-bochum"\n'
        '          title: "筑波大学：ボーフム市・ボーフム大学代表団が本学を訪問"\n'
        "          lang: ja\n"
        "  sources:\n"
    )
    found = problems_after_edit(project_copy, sources, "  sources:\n")
    assert found == [
        f"data/events.yml:{line + 1}:7: delegation-visit-2025.reports.tsukuba.sources: "
        "the required field 'sources' is missing",
    ]


def test_the_reports_of_an_event_in_one_city_are_refused(project_copy: Path) -> None:
    start = line_of(project_copy, "- id: startup-mou-2025")
    scope = line_of(project_copy, "  scope: partnership", after=start)
    reports = line_of(project_copy, "  reports:", after=start)
    text = (project_copy / "data" / "events.yml").read_text("utf-8")
    head = text.index("- id: startup-mou-2025")
    edited = text[:head] + text[head:].replace("  scope: partnership", "  scope: city", 1)
    (project_copy / "data" / "events.yml").write_text(edited, "utf-8")
    with pytest.raises(SourceProblems) as raised:
        load_data(project_copy)
    assert scope < reports
    assert [str(problem) for problem in raised.value.problems] == [
        f"data/events.yml:{reports + 1}:5: startup-mou-2025.reports: the reports of both cities belong to "
        "an event between them: set scope to partnership, or remove reports",
    ]


# --- the calendar feeds and the open data --------------------------------------------


@pytest.mark.parametrize("lang", ["de", "ja", "en"])
def test_the_feeds_carry_each_report_with_its_sources(lang: str) -> None:
    calendar = icalendar.Calendar.from_ical(feed(DATA, "https://bochum-tsukuba.example.org/", lang))
    entries = {str(e["UID"]).split("@")[0]: str(e["DESCRIPTION"]) for e in calendar.walk("VEVENT")}
    for event in REPORTED:
        description = entries[event["id"]]
        bochum, tsukuba = (description.index(heading) for heading in HEADINGS[lang])
        assert bochum < tsukuba
        for city, start, end in (("bochum", bochum, tsukuba), ("tsukuba", tsukuba, len(description))):
            part = description[start:end]
            assert event["reports"][city]["summary"][lang] in part
            assert all(source["url"] in part for source in event["reports"][city]["sources"])


def test_the_csv_has_a_column_per_language_of_each_report() -> None:
    schema = json.loads((ROOT / "data/schema/events.schema.json").read_text("utf-8"))
    common = json.loads((ROOT / "data/schema/common.schema.json").read_text("utf-8"))
    columns = schema_columns(schema, common)
    for city in ("bochum", "tsukuba"):
        names = [f"reports_{city}_summary_{lang}" for lang in ("de", "ja", "en")]
        assert [*names, f"reports_{city}_sources"] == columns[columns.index(names[0]) :][:4]
    for event in REPORTED:
        cells = flatten(event)
        for city in ("bochum", "tsukuba"):
            report = event["reports"][city]
            assert all(cells[f"reports_{city}_summary_{lang}"] == report["summary"][lang] for lang in PREFIX)
            assert json.loads(cells[f"reports_{city}_sources"]) == report["sources"]


# --- the pages -------------------------------------------------------------------------


def reports_block(page: str, event_id: str) -> str:
    """The two columns shown for an event: on the events page after its heading, on the
    timeline inside its item."""
    start = page.index(f'id="{event_id}"') if f'id="{event_id}"' in page else page.index(f"#{event_id}")
    block = page[page.index('<div class="kk-compare kk-reports">', start) :]
    return block[: block.index("</div>")]


def columns_of(block: str) -> list[tuple[str, str]]:
    return re.findall(r'<section class="kk-report" data-city="([a-z]+)">(.*?)</section>', block, re.S)


def check_side_by_side(page: str, lang: str) -> None:
    assert " markdown" not in re.sub(r"<(?:pre|code)[^>]*>.*?</(?:pre|code)>", "", page, flags=re.S)
    assert not re.search(r"<p>\s*</?(?:div|section)", page), "a block inside a paragraph"
    for event in REPORTED:
        columns = columns_of(reports_block(page, event["id"]))
        assert [city for city, _ in columns] == ["bochum", "tsukuba"], event["id"]
        for (city, column), heading in zip(columns, HEADINGS[lang], strict=True):
            assert f"<strong>{heading}</strong>" in column
            for source in event["reports"][city]["sources"]:
                assert f'href="{source["url"].replace("&", "&amp;")}"' in column, (event["id"], city)
            other = "tsukuba" if city == "bochum" else "bochum"
            assert not any(s["url"] in column for s in event["reports"][other]["sources"])


@pytest.mark.parametrize("lang", PREFIX)
def test_the_events_page_shows_both_reports_side_by_side(built_site: Path, lang: str) -> None:
    page = (built_site / PREFIX[lang] / "events" / "index.html").read_text("utf-8")
    assert f'<html lang="{lang}"' in page
    check_side_by_side(page, lang)
    assert page.count('class="kk-compare kk-reports"') == len(REPORTED)


@pytest.mark.parametrize("lang", PREFIX)
def test_the_timeline_shows_both_reports_in_the_events_item(built_site: Path, lang: str) -> None:
    page = (built_site / PREFIX[lang] / "partnership" / "index.html").read_text("utf-8")
    check_side_by_side(page, lang)
    heading = {"de": "zeitleiste", "ja": "年表", "en": "timeline"}[lang]
    timeline = page[page.index("<ul>", page.index(f'<h2 id="{heading}"')) :]
    timeline = timeline[: timeline.index("</ul>")]
    partnership = [event for event in DATA.events if event["scope"] == "partnership"]
    items = re.findall(r"<li>(.*?)</li>", timeline, re.S)
    assert len(items) == len(partnership), "every event is an item of its own"
    assert "</div>\n-" not in timeline and "<p></div>" not in timeline
    for event in REPORTED:
        item = next(item for item in items if f"events/#{event['id']}\"" in item)
        assert len(re.findall(r'href="\.\./events/#', item)) == 1
        assert 'class="kk-compare kk-reports"' in item, "the columns belong to the event's item"


def test_the_columns_stack_on_a_narrow_screen() -> None:
    css = (ROOT / "docs/assets/stylesheets/extra.css").read_text("utf-8")
    for selector in (".kk-compare {", ".kk-compare.kk-reports {"):
        rule = css[css.index(selector) :]
        rule = rule[: rule.index("}")]
        assert "repeat(auto-fit, minmax(min(100%," in rule  # one column when two do not fit


def test_the_reports_csv_reads_back_from_the_built_site(built_site: Path) -> None:
    text = (built_site / "data" / "events.csv").read_bytes().decode("utf-8-sig")
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(text))}
    for event in REPORTED:
        for city in ("bochum", "tsukuba"):
            for lang in PREFIX:
                expected = event["reports"][city]["summary"][lang]
                assert rows[event["id"]][f"reports_{city}_summary_{lang}"] == expected
    assert rows["kiez-first-exercise-2024"]["reports_bochum_summary_de"] == ""
