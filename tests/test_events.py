"""data/events.yml: its checks, the split into upcoming and past, the calendar
feeds read back with icalendar, and the timeline drawn from the events."""

from __future__ import annotations

import copy
import dataclasses
import shutil
from datetime import date, datetime, timedelta
from pathlib import Path

import icalendar
import pytest

from conftest import ROOT
from kakehashi.site import directives, events
from kakehashi.site.calendar_feeds import feed
from kakehashi.site.whole_site import load_site
from kakehashi.sources.loader import Data, load_data
from kakehashi.sources.problems import SourceProblems

MINI = Path(__file__).parent / "fixtures" / "mini"
SCHEMA = ROOT / "data" / "schema"
SITE_URL = "https://bochum-tsukuba.example.org/"
DATA = load_site(ROOT).data


def problems_after(tmp_path: Path, edits: list[tuple[str, str]], file: str = "events.yml") -> list[str]:
    shutil.copytree(MINI / "data", tmp_path / "data")
    path = tmp_path / "data" / file
    text = path.read_text("utf-8")
    for old, new in edits:
        assert old in text, f"the fixture does not contain {old!r}"
        text = text.replace(old, new, 1)
    path.write_text(text, "utf-8")
    with pytest.raises(SourceProblems) as raised:
        load_data(tmp_path, SCHEMA)
    return [str(problem) for problem in raised.value.problems]


def test_the_fixture_and_the_shipped_events_are_valid() -> None:
    assert [event["id"] for event in load_data(MINI, SCHEMA).events] == ["test-trip", "test-opening"]
    assert len(DATA.events) >= 15
    assert all(event["sources"] and {"de", "ja", "en"} <= set(event["title"]) for event in DATA.events)


def test_every_problem_of_the_dates_at_once(tmp_path: Path) -> None:
    assert problems_after(
        tmp_path,
        [
            ('  end: "2025-04-24"\n', '  end: "2025-04-20"\n'),
            ("    - projects/test-visit\n", "    - projects/no-such-visit\n"),
            ('  date: "2025-05"\n', '  start: "2025-05-02"\n'),
        ],
    ) == [
        "data/events.yml:5:8: test-trip.end: the end (2025-04-20) is before the start (2025-04-22)",
        "data/events.yml:10:7: test-trip.related[1]: there is no record 'no-such-visit' in data/projects.yml",
        "data/events.yml:17:10: test-opening.start: a start needs an end (the last day); "
        "for one day, write date instead",
    ]


@pytest.mark.parametrize(
    ("edits", "expected"),
    [
        pytest.param(
            [('  date: "2025-05"\n', "")],
            [
                "data/events.yml:15:3: test-opening.date: the event has no date: write date for one day, "
                "or start and end for several days"
            ],
            id="no-date",
        ),
        pytest.param(
            [('  date: "2025-05"\n', '  date: "2025-05"\n  end: "2025-05-03"\n')],
            [
                "data/events.yml:18:8: test-opening.end: write either date (one day) or start and end "
                "(several days), not both"
            ],
            id="date-and-end",
        ),
        pytest.param(
            [('  start: "2025-04-22"\n', '  start: "2025-02-30"\n')],
            ["data/events.yml:4:10: test-trip.start: '2025-02-30' is not a calendar date"],
            id="a-day-that-does-not-exist",
        ),
        pytest.param(
            [('  start: "2025-04-22"\n', '  start: "22.04.2025"\n')],
            [
                'data/events.yml:4:10: test-trip.start: write a date as "YYYY-MM-DD" in quotes, '
                "e.g. \"2025-04-23\" (found '22.04.2025')"
            ],
            id="german-date",
        ),
        pytest.param(
            [('  end: "2025-04-24"\n', '  end: "2025-04-22"\n')],
            ["data/events.yml:5:8: test-trip.end: the end is the start: for one day, write date instead"],
            id="a-span-of-one-day",
        ),
        pytest.param(
            [("- id: test-opening\n", "- id: past\n")],
            [
                "data/events.yml:15:7: past.id: the id 'past' names a part of the events page; "
                "choose another id"
            ],
            id="the-id-of-a-heading",
        ),
        pytest.param(
            [("  city: bochum\n", "  city: dortmund\n")],
            [
                "data/events.yml:18:9: test-opening.city: unknown city 'dortmund'; cities are defined in "
                "data/cities.yml: bochum, tsukuba"
            ],
            id="unknown-city",
        ),
        pytest.param(
            [("- id: test-trip\n", "- id: test-visit\n"), ('  end: "2025-04-24"\n', '  end: "2025-04-23"\n')],
            [
                "data/events.yml:4:10: test-visit.start: the record 'test-visit' in data/projects.yml "
                "is dated 2025-04-22 to 2025-04-24, this event 2025-04-22 to 2025-04-23; an event with "
                "the id of a project is that project's happening: give both the same dates"
            ],
            id="other-dates-than-its-project",
        ),
    ],
)
def test_an_editor_reads_exactly(tmp_path: Path, edits: list[tuple[str, str]], expected: list[str]) -> None:
    assert problems_after(tmp_path, edits) == expected


def test_an_event_with_the_id_and_dates_of_its_project_is_accepted(tmp_path: Path) -> None:
    shutil.copytree(MINI / "data", tmp_path / "data")
    path = tmp_path / "data" / "events.yml"
    path.write_text(path.read_text("utf-8").replace("- id: test-trip\n", "- id: test-visit\n"), "utf-8")
    assert load_data(tmp_path, SCHEMA).events[0]["id"] == "test-visit"


def test_the_day_comes_from_source_date_epoch_else_today() -> None:
    assert events.as_of({"SOURCE_DATE_EPOCH": "1764201600"}) == date(2025, 11, 27)
    assert events.as_of({"SOURCE_DATE_EPOCH": "1764201599"}) == date(2025, 11, 26)  # UTC, not local time
    assert events.as_of({}) == date.today()


def event(event_id: str, **dates: str) -> dict:
    return {"id": event_id, **dates}


def test_an_event_is_upcoming_until_its_last_day_is_over() -> None:
    listed = [
        event("one-day", date="2026-12-05"),
        event("span", start="2026-12-01", end="2026-12-05"),
        event("month", date="2026-12"),
        event("year", date="2026"),
        event("yesterday", date="2026-12-04"),
        event("last-month", date="2026-11"),
        event("later", date="2027-01-10"),
    ]
    upcoming, past = events.split(listed, date(2026, 12, 5))
    assert [e["id"] for e in upcoming] == ["year", "month", "span", "one-day", "later"]
    assert [e["id"] for e in past] == ["yesterday", "last-month"]
    upcoming, past = events.split(listed, date(2026, 12, 6))
    assert [e["id"] for e in upcoming] == ["year", "month", "later"]
    assert [e["id"] for e in past] == ["span", "one-day", "yesterday", "last-month"]


def calendar_of(data: Data, lang: str) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(feed(data, SITE_URL, lang))


@pytest.mark.parametrize("lang", ["de", "ja", "en"])
def test_each_feed_holds_every_event_with_a_day_as_its_data_say(lang: str) -> None:
    calendar = calendar_of(DATA, lang)
    assert (
        str(calendar["X-WR-CALNAME"])
        == {
            "de": "Bochum ⇄ Tsukuba: Termine",
            "ja": "ボーフム ⇄ つくば：イベント",
            "en": "Bochum ⇄ Tsukuba: events",
        }[lang]
    )
    assert str(calendar["NAME"]) == str(calendar["X-WR-CALNAME"])
    assert (
        calendar["REFRESH-INTERVAL"].params["VALUE"] == "DURATION"
        and str(calendar["X-PUBLISHED-TTL"]) == "P1D"
    )
    entries = {str(entry["UID"]): entry for entry in calendar.walk("VEVENT")}
    dated = [e for e in DATA.events if len(e.get("date", "2000-01-01")) == 10]
    assert len(entries) == len(dated) and len(dated) < len(DATA.events)  # a month alone is left out
    prefix = {"de": "", "ja": "ja/", "en": "en/"}[lang]
    for item in dated:
        entry = entries[f"{item['id']}@bochum-tsukuba.example.org"]
        first = date.fromisoformat(item.get("date") or item["start"])
        last = date.fromisoformat(item.get("date") or item["end"])
        assert entry.decoded("DTSTART") == first and type(entry.decoded("DTSTART")) is date
        assert entry.decoded("DTEND") == last + timedelta(days=1)  # exclusive: the day after
        assert entry["DTSTART"].params["VALUE"] == "DATE"
        assert str(entry["URL"]) == f"{SITE_URL}{prefix}events/#{item['id']}"
        assert str(entry["SUMMARY"]) == item["title"][lang]
        assert entry["SUMMARY"].params["LANGUAGE"] == lang
        assert str(entry["DESCRIPTION"]).startswith(item["summary"][lang])
        assert all(source["url"] in str(entry["DESCRIPTION"]) for source in item["sources"])
        stamp = entry.decoded("DTSTAMP")
        assert isinstance(stamp, datetime) and stamp.date() == date.fromisoformat(item["updated"])


def test_the_2022_visits_are_in_the_feed_on_their_days() -> None:
    entries = {str(e["UID"]).split("@")[0]: e for e in calendar_of(DATA, "de").walk("VEVENT")}
    plaque = entries["tsukuba-delegation-visit-2022"]
    assert (plaque.decoded("DTSTART"), plaque.decoded("DTEND")) == (date(2022, 8, 31), date(2022, 9, 1))
    assert "Rathaus-Nord" in str(plaque["LOCATION"])
    igarashi = entries["mayor-igarashi-visit-2022"]
    assert (igarashi.decoded("DTSTART"), igarashi.decoded("DTEND")) == (
        date(2022, 11, 10),
        date(2022, 11, 12),
    )


def test_a_missing_translation_falls_back_along_the_chain_and_says_its_language() -> None:
    changed = copy.deepcopy(DATA.events)
    del changed[0]["title"]["ja"]
    del changed[0]["summary"]["ja"], changed[0]["summary"]["en"]
    data = dataclasses.replace(DATA, events=changed)
    entry = next(
        e for e in calendar_of(data, "ja").walk("VEVENT") if str(e["UID"]).startswith(changed[0]["id"])
    )
    assert str(entry["SUMMARY"]) == changed[0]["title"]["en"] and entry["SUMMARY"].params["LANGUAGE"] == "en"
    assert entry["DESCRIPTION"].params["LANGUAGE"] == "de"


def test_markup_and_long_lines_are_escaped_and_folded_by_the_feed() -> None:
    changed = copy.deepcopy(DATA.events)
    hostile = "Tafel; enthüllt, <b>fett</b>\nzweite Zeile " + "sehr lang " * 20
    changed[0]["title"]["de"] = hostile
    raw = feed(dataclasses.replace(DATA, events=changed), SITE_URL, "de")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    assert b"Tafel\\; enth" in raw and b"\\, <b>fett</b>\\nzweite" in raw.replace(b"\r\n ", b"")
    entry = icalendar.Calendar.from_ical(raw).walk("VEVENT")[0]
    assert str(entry["SUMMARY"]) == hostile


def test_the_feeds_do_not_depend_on_the_day_of_the_build() -> None:
    site = load_site(ROOT)
    later = dataclasses.replace(site, today=site.today + timedelta(days=400))
    assert later.downloads(SITE_URL) == site.downloads(SITE_URL)
    assert later.markdown("events", "de") != site.markdown("events", "de")


def test_the_timeline_draws_the_partnership_events_and_says_it_is_not_complete() -> None:
    timeline = directives.timeline(DATA, "partnership", "en")
    assert timeline.startswith(
        "Events of the partnership for which this site has sources, oldest first. The list is not complete."
    )
    assert (
        "- __31 August 2022__ – [University of Tsukuba delegation in Bochum; plaque at Rathaus-Nord "
        "station](events.md#tsukuba-delegation-visit-2022)" in timeline
    )
    assert (
        "- __10–11 November 2022__ – [Mayor Igarashi’s first visit to Bochum]"
        "(events.md#mayor-igarashi-visit-2022)" in timeline
    )
    assert (
        timeline.index("2 October 2017")
        < timeline.index("31 August 2022")
        < timeline.index("22–24 April 2025")
    )
    assert "KIEZ" not in timeline, "an event in one city is not on the partnership's timeline"
    assert timeline.endswith("[All events, upcoming ones too, and the calendar to subscribe to](events.md)")
    german = directives.timeline(DATA, "partnership", "de")
    assert "- __31&#46; August 2022__ – [Delegation der Universität Tsukuba in Bochum; Tafel am " in german
    assert "Die Liste ist nicht vollständig." in german
