"""The events pages and the calendar feeds in a real build, on a fixed day."""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import icalendar
import pytest

from conftest import build, copy_project

SITE_URL = "https://bochum-tsukuba.example.org/"
PREFIX = {"de": "", "ja": "ja/", "en": "en/"}
# 1 September 2022, 00:00 UTC: the day after the plaque was unveiled, before Mayor Igarashi's visit.
EPOCH = "1661990400"
ATTACK = '<script>alert("x")</script> *fett* [l](javascript:x)'
HOSTILE_EVENT = f"""
- id: hostile-event
  scope: city
  date: "2030-01-15"
  city: bochum
  title: {{de: '{ATTACK}', ja: '{ATTACK}'}}
  summary: {{de: Zusammenfassung.}}
  sources:
    - {{url: "https://example.org/x", title: Quelle, lang: de}}
  updated: "2026-12-01"
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("project"))
    events = project / "data" / "events.yml"
    events.write_text(events.read_text("utf-8") + HOSTILE_EVENT, "utf-8")
    target = tmp_path_factory.mktemp("site")
    build(project, target, {"SOURCE_DATE_EPOCH": EPOCH})
    return target


def events_html(site: Path, lang: str) -> str:
    return (site / PREFIX[lang] / "events" / "index.html").read_text("utf-8")


def html_text(fragment: str) -> str:
    """What a reader sees of an HTML fragment: its text, tags left out."""
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def ids_in(html: str) -> list[str]:
    return re.findall(r'<h3 id="([a-z0-9-]+)"', html)


@pytest.mark.parametrize("lang", PREFIX)
def test_upcoming_and_past_are_split_on_the_day_of_source_date_epoch(site: Path, lang: str) -> None:
    html = events_html(site, lang)
    upcoming, past = html.split('<h2 id="past"')
    assert '<h2 id="upcoming"' in upcoming
    assert ids_in(upcoming) == [
        "mayor-igarashi-visit-2022",
        "mt-tsukuba-gate-park-opening-2023",
        "kiez-first-exercise-2024",
        "haus-des-wissens-foundation-stone-2024",
        "delegation-visit-2025",
        "startup-mou-2025",
        "global-health-innovations-conference-2025",
        "haus-des-wissens-completion-2027",
        "hostile-event",
    ]
    assert ids_in(past) == [
        "tsukuba-delegation-visit-2022",
        "partnership-anniversary-2020",
        "partnership-agreement-2019",
        "tsukuba-delegation-visit-2019",
        "rub-science-day-2018",
        "rub-rector-visit-2018",
        "mayor-eiskirch-visit-2017",
    ]
    as_of = {"de": "1. September 2022", "ja": "2022年9月1日", "en": "1 September 2022"}[lang]
    shown = re.search(r'<time datetime="2022-09-01">(.*?)</time>', upcoming).group(1)
    assert html_text(shown) == as_of


def test_dates_are_written_in_each_language(site: Path) -> None:
    spans = {"de": "10.–11. November 2022", "ja": "2022年11月10日～11日", "en": "10–11 November 2022"}
    months = {"de": "Juni 2027", "ja": "2027年6月", "en": "June 2027"}
    for lang in PREFIX:
        html = events_html(site, lang)
        assert html_text(re.search(r'<time datetime="2022-11-10">(.*?)</time>', html).group(1)) == spans[lang]
        assert html_text(re.search(r'<time datetime="2027-06">(.*?)</time>', html).group(1)) == months[lang]
    assert "<h1" in events_html(site, "ja") and '<html lang="ja"' in events_html(site, "ja")


def test_related_records_are_linked(site: Path) -> None:
    html = events_html(site, "en")
    assert (
        '<a href="../projects/mayor-igarashi-visit-2022/">Mayor Igarashi’s first visit to Bochum, 2022</a>'
        in html
    )
    assert (site / "en" / "projects" / "mayor-igarashi-visit-2022" / "index.html").is_file()


def test_a_hostile_title_is_shipped_as_text(site: Path) -> None:
    for lang in ("de", "ja", "en"):
        html = events_html(site, lang)
        entry = html[html.index('<h3 id="hostile-event"') :]
        entry = entry[: entry.index("</h3>")]
        assert ATTACK in html_text(entry)
        assert "<script>alert" not in html and "<em>fett" not in html and 'href="javascript' not in html
    # English readers get the German title, marked as German, with the notice.
    english = events_html(site, "en")
    assert '<h3 id="hostile-event"><span lang="de" data-pagefind-ignore="all">&#60;script&#62;' in english
    assert "Not yet translated" in english


@pytest.mark.parametrize("lang", PREFIX)
def test_the_page_links_its_feed_which_points_back_at_the_page(site: Path, lang: str) -> None:
    html = events_html(site, lang)
    href = re.search(r'<a href="([^"]+)" type="text/calendar">', html).group(1)
    page_url = f"{SITE_URL}{PREFIX[lang]}events/"
    feed_url = urljoin(page_url, href)
    assert feed_url == f"{SITE_URL}{PREFIX[lang]}events.ics"
    data = (site / urlsplit(feed_url).path.lstrip("/")).read_bytes()
    assert data.startswith(b"BEGIN:VCALENDAR\r\n")
    entries = {str(e["UID"]): e for e in icalendar.Calendar.from_ical(data).walk("VEVENT")}
    hostile = entries["hostile-event@bochum-tsukuba.example.org"]
    assert str(hostile["SUMMARY"]) == ATTACK
    assert hostile["SUMMARY"].params["LANGUAGE"] == ("de" if lang == "en" else lang)
    for entry in entries.values():
        url = str(entry["URL"])
        assert url.startswith(page_url + "#")
        assert f'<h3 id="{url.split("#")[1]}"' in html
    assert "haus-des-wissens-completion-2027@bochum-tsukuba.example.org" not in entries


def test_the_timeline_shows_the_2022_visits_and_links_to_the_events(site: Path) -> None:
    html = (site / "en" / "partnership" / "index.html").read_text("utf-8")
    timeline = html[html.index('id="timeline"') : html.index('id="sources"')]
    assert "The list is not complete." in timeline
    assert (
        '<strong>31 August 2022</strong> – <a href="../events/#tsukuba-delegation-visit-2022">'
        "University of Tsukuba delegation in Bochum; plaque at Rathaus-Nord station</a>"
    ) in timeline
    assert (
        '<strong>10–11 November 2022</strong> – <a href="../events/#mayor-igarashi-visit-2022">' in timeline
    )
    assert "hostile-event" not in timeline and "kiez-first-exercise-2024" not in timeline


def test_the_sitemap_lists_the_events_pages(site: Path) -> None:
    sitemap = (site / "sitemap.xml").read_text("utf-8")
    for prefix in PREFIX.values():
        assert f"<loc>{SITE_URL}{prefix}events/</loc>" in sitemap
