"""The one loader: read, validate and cross-check all data of the site.

Every problem in every file is collected and raised together, so an editor
sees the whole list at once; nothing is built from data with problems.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kakehashi.sources.data_file import read_checked
from kakehashi.sources.gpx_tracks import Track, check_tracks
from kakehashi.sources.guide_files import Guide, read_guides
from kakehashi.sources.problems import Problem, SourceProblems
from kakehashi.sources.schema import allowed_values
from kakehashi.sources.yaml_source import YamlDocument

# Record ids that would take the URL of an index page of their section
# (``/<section>/page-2/``, kakehashi.site.urls.section_index_key).
RESERVED_ID = re.compile(r"^page-[0-9]+$")

SECTION_IDS: tuple[str, ...] = ("projects", "ecosystem", "cycling", "disaster-prevention")
# The closed list of topics across sections (the enum of ``topics`` in common.schema.json, tested).
TOPIC_IDS: tuple[str, ...] = (
    "health",
    "mobility",
    "science",
    "sports",
    "startups",
    "disaster-prevention",
    "urban-development",
)
CITIES = "cities"
# Dated events (data/events.yml): not a section (no record pages), but read and
# checked like one, and they may name records of every section under related.
EVENTS = "events"
# The section whose records may name a GPX track (data/tracks/).
TRACK_SECTION = "cycling"
# The section whose routes have a ``stage`` (the same facts for every route) and may name a ``pair``.
STAGE_SECTION = "cycling"
# The kinds of record that are routes: each has a ``stage``, and only they have one.
ROUTE_KINDS = ("route", "route-section")
# The facts of a ``stage``, in the order of the schema and of the page.
STAGE_FIELDS = ("distance", "climb", "surface", "rest_repair", "rental", "rail_start", "rail_end")

Record = dict[str, Any]
Reader = Callable[[Path, str, str, Path], tuple[YamlDocument, list[Problem]]]
_DATE_FORM = re.compile(r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one load, one Data
class Data:
    """All validated records: cities by id, and each section's records in file order."""

    cities: dict[str, Record]
    sections: dict[str, list[Record]]
    events: list[Record] = field(default_factory=list)  # data/events.yml, in file order
    # The GPX tracks the cycling records name, by file name (data/tracks/<name>.gpx).
    tracks: dict[str, Track] = field(default_factory=dict)
    # The guides of data/guides/<id>.yml by id, in the order of their file names.
    guides: dict[str, Guide] = field(default_factory=dict)


def load_data(root: Path, schema_dir: Path | None = None, reader: Reader = read_checked) -> Data:
    """Load ``root/data``; raise :class:`SourceProblems` listing every problem.

    ``schema_dir`` defaults to ``root/data/schema``; ``reader`` parses and checks
    one file (a :class:`RecordCache`'s ``read`` reuses unchanged records).
    """
    data_dir = root / "data"
    schema_dir = schema_dir or data_dir / "schema"
    problems: list[Problem] = []
    documents: dict[str, YamlDocument] = {}
    for name in (CITIES, *SECTION_IDS, EVENTS):
        path = data_dir / f"{name}.yml"
        display = f"data/{name}.yml"
        if not path.is_file():
            problems.append(Problem(display, 1, 1, "", "the file is missing"))
            continue
        doc, file_problems = reader(path, display, name, schema_dir)
        problems += file_problems
        if doc.value is not None:
            documents[name] = doc
    # Unreadable cities.yml: its own problems are reported; checking references
    # against no cities would add a false "unknown city" for every record.
    city_ids: set[str] | None = None
    if CITIES in documents:
        problems += _check_records(documents[CITIES], city_ids=None)
        city_ids = {c.get("id") for c in _records(documents[CITIES])}
    for name in SECTION_IDS:
        if name in documents:
            problems += _check_records(documents[name], city_ids=city_ids)
    if STAGE_SECTION in documents:
        kinds = allowed_values(schema_dir, STAGE_SECTION, "kind")
        problems += _check_stages_and_pairs(documents[STAGE_SECTION], kinds)
    if EVENTS in documents:
        problems += _check_records(documents[EVENTS], city_ids=city_ids)
        problems += _check_event_dates(documents[EVENTS], documents.get("projects"))
        problems += _check_event_reports(documents[EVENTS])
    # Links into a section that could not be read are not checked: its own problems are reported.
    linking = (*SECTION_IDS, EVENTS)
    problems += _check_related({name: documents[name] for name in linking if name in documents})
    tracks: dict[str, Track] = {}
    if TRACK_SECTION in documents:
        tracks, track_problems = check_tracks(documents[TRACK_SECTION], data_dir)
        problems += track_problems
    # The guides link records of the sections and name a city: checked against what could be read.
    def record_ids(section: str) -> set[str] | None:
        return {r.get("id") for r in _records(documents[section])} if section in documents else None

    guides, guide_problems = read_guides(data_dir, schema_dir, record_ids, city_ids)
    problems += guide_problems
    if problems:
        raise SourceProblems(problems)
    return Data(
        cities={city["id"]: city for city in documents[CITIES].value},
        sections={name: documents[name].value for name in SECTION_IDS},
        events=documents[EVENTS].value,
        tracks=tracks,
        guides=guides,
    )


def _records(doc: YamlDocument) -> list[Record]:
    value = doc.value if isinstance(doc.value, list) else []
    return [record for record in value if isinstance(record, dict)]


def _check_records(doc: YamlDocument, city_ids: set[str] | None) -> list[Problem]:
    """Rules across records and fields that a JSON Schema cannot state."""
    problems: list[Problem] = []
    first_index_of_id: dict[str, int] = {}
    basics_of_city: dict[str, int] = {}  # city → index of the record holding its basics

    problem = doc.reporter(problems)
    for index, record, label in doc.records():
        record_id = record.get("id")
        if isinstance(record_id, str) and RESERVED_ID.match(record_id):
            problem(
                (index, "id"),
                f"{label}.id",
                f"the id '{record_id}' is the address of a page of the section's list; choose another id",
            )
        if isinstance(record_id, str):
            if record_id in first_index_of_id:
                # Positions are looked up only for messages (they may be packed away).
                first_line = doc.position((first_index_of_id[record_id], "id"))[0]
                problem(
                    (index, "id"),
                    f"{label}.id",
                    f"the id '{record_id}' is already used on line {first_line};"
                    " ids must be unique in a file",
                )
            else:
                first_index_of_id[record_id] = index
        city = record.get("city")
        if city_ids is not None and isinstance(city, str) and city not in city_ids:
            known = ", ".join(sorted(c for c in city_ids if isinstance(c, str)))
            problem(
                (index, "city"),
                f"{label}.city",
                f"unknown city '{city}'; cities are defined in data/cities.yml: {known}",
            )
        if "basics" in record and isinstance(city, str):
            if city in basics_of_city:
                first_line = doc.position((basics_of_city[city], "basics"), key=True)[0]
                line, column = doc.position((index, "basics"), key=True)
                message = (
                    f"the basics of '{city}' are already on line {first_line}; one record per city holds them"
                )
                problems.append(Problem(doc.file, line, column, f"{label}.basics", message))
            else:
                basics_of_city[city] = index
        # start and end are dates in events.yml (texts of routes elsewhere, which this skips).
        for name in ("date", "date_end", "opened", "start", "end", "updated"):
            value = record.get(name)
            if isinstance(value, str) and _DATE_FORM.match(value) and not parse_partial_date(value):
                problem((index, name), f"{label}.{name}", f"'{value}' is not a calendar date")
        start, end = record.get("date"), record.get("date_end")
        dates_valid = all(
            isinstance(d, str) and _DATE_FORM.match(d) and parse_partial_date(d) for d in (start, end)
        )
        if dates_valid and end < start:
            problem((index, "date_end"), f"{label}.date_end", "the end date is before the date")
        quantity_fields = ("length", "area")
        for name in quantity_fields:
            quantity = record.get(name)
            if isinstance(quantity, dict) and isinstance(quantity.get("max"), (int, float)):
                low = quantity.get("value")
                if isinstance(low, (int, float)) and quantity["max"] <= low:
                    problem(
                        (index, name, "max"),
                        f"{label}.{name}.max",
                        "the upper end of the range must be larger than value",
                    )
    return problems


def _check_stages_and_pairs(doc: YamlDocument, kinds: tuple[str, ...]) -> list[Problem]:
    """A stage belongs to a route; a fact marked ``published: false`` holds nothing else;
    a pair names another route, in another city, that exists."""
    problems: list[Problem] = []
    problem = doc.reporter(problems)
    routes = {r.get("id"): r for r in _records(doc) if isinstance(r.get("id"), str)}
    for index, record, label in doc.records():
        stage = record.get("stage")
        kind = record.get("kind")
        # (A kind the schema does not know is named by the schema.)
        if isinstance(stage, dict) and kind in kinds and kind not in ROUTE_KINDS:
            line, column = doc.position((index, "stage"), key=True)
            route_kinds = " and ".join(ROUTE_KINDS)
            message = f"a stage is for the kinds {route_kinds}; this record is a {kind}: remove it"
            problems.append(Problem(doc.file, line, column, f"{label}.stage", message))
        for name, fact in (stage.items() if isinstance(stage, dict) else ()):
            if not isinstance(fact, dict) or fact.get("published") is not False:
                continue
            for other in fact:
                if other != "published":
                    line, column = doc.position((index, "stage", name, other), key=True)
                    message = f"a fact with published: false has no other fields; remove '{other}'"
                    problems.append(Problem(doc.file, line, column, f"{label}.stage.{name}.{other}", message))
        pair = record.get("pair")
        target = pair.get("record") if isinstance(pair, dict) else None
        if not isinstance(target, str) or not target.startswith(f"{STAGE_SECTION}/"):
            continue  # the schema names the form
        other = routes.get(target.split("/", 1)[1])
        message = None
        if other is None:
            message = f"there is no record '{target.split('/', 1)[1]}' in data/{STAGE_SECTION}.yml"
        elif other is record:
            message = "a route cannot be its own pair"
        elif other.get("kind") not in ROUTE_KINDS:
            message = f"'{target}' is a {other.get('kind')}, not a route: a pair names a route"
        elif other.get("city") == record.get("city"):
            message = f"'{target}' is in the same city; a pair names a route in the other city"
        elif isinstance(other.get("pair"), dict):
            message = f"'{target}' names a pair itself; name the pair on one of the two records only"
        if message:
            problem((index, "pair", "record"), f"{label}.pair.record", message)
    return problems


# An event's id is its anchor on the events page, beside these (kakehashi.site.events).
EVENT_PAGE_ANCHORS = frozenset({"upcoming", "past"})

# The fields of an event's dates that cannot stand together: where, and what to write.
_ONE_DAY_OR_SPAN = "write either date (one day) or start and end (several days), not both"
_SPAN_PROBLEMS: dict[frozenset[str], tuple[str, str]] = {
    frozenset(): ("date", "the event has no date: write date for one day, or start and end for several days"),
    frozenset({"start"}): ("start", "a start needs an end (the last day); for one day, write date instead"),
    frozenset({"end"}): ("end", "an end needs a start (the first day); for one day, write date instead"),
    frozenset({"date", "start"}): ("start", _ONE_DAY_OR_SPAN),
    frozenset({"date", "end"}): ("end", _ONE_DAY_OR_SPAN),
    frozenset({"date", "start", "end"}): ("start", _ONE_DAY_OR_SPAN),
}


def _valid_date(value: object) -> bool:
    return isinstance(value, str) and bool(_DATE_FORM.match(value)) and parse_partial_date(value) is not None


def event_days(event: Record) -> tuple[str, str]:
    """An event's first and last day as written: ``date`` twice, or ``start`` and ``end``."""
    if "date" in event:
        return event["date"], event["date"]
    return event["start"], event["end"]


def _check_event_dates(doc: YamlDocument, projects: YamlDocument | None) -> list[Problem]:
    """Each event has ``date``, or ``start`` and ``end`` in order; an event with the id of
    a project record is that record's happening and has its dates."""
    problems: list[Problem] = []
    project_days = {}
    if projects is not None:
        for record in _records(projects):
            start, end = record.get("date"), record.get("date_end", record.get("date"))
            if isinstance(record.get("id"), str) and _valid_date(start) and _valid_date(end):
                project_days[record["id"]] = (start, end)  # (its own problems are reported)

    problem = doc.reporter(problems)
    for index, event, label in doc.records():
        if label in EVENT_PAGE_ANCHORS:
            problem(
                (index, "id"),
                f"{label}.id",
                f"the id '{label}' names a part of the events page; choose another id",
            )
        has = {name for name in ("date", "start", "end") if name in event}
        missing = _SPAN_PROBLEMS.get(frozenset(has))
        if missing:
            name, message = missing
            problem((index, name) if name in event else (index,), f"{label}.{name}", message)
            continue
        first, last = event_days(event)
        if not (_valid_date(first) and _valid_date(last)):
            continue  # the schema or the date check names the problem
        if last < first:
            problem((index, "end"), f"{label}.end", f"the end ({last}) is before the start ({first})")
        elif "start" in has and last == first:
            problem((index, "end"), f"{label}.end", "the end is the start: for one day, write date instead")
        if label in project_days and project_days[label] != (first, last):
            start, end = project_days[label]
            dated = start if start == end else f"{start} to {end}"
            mine = first if first == last else f"{first} to {last}"
            name = "date" if "date" in has else "start"
            problem(
                (index, name),
                f"{label}.{name}",
                f"the record '{label}' in data/projects.yml is dated {dated}, this event {mine};"
                " an event with the id of a project is that project's happening: give both the same dates",
            )
    return problems


def _check_event_reports(doc: YamlDocument) -> list[Problem]:
    """The two cities' reports belong to an event between them (``scope: partnership``)."""
    problems: list[Problem] = []
    problem = doc.reporter(problems)
    for index, event, label in doc.records():
        if "reports" in event and event.get("scope") == "city":
            problem(
                (index, "reports"),
                f"{label}.reports",
                "the reports of both cities belong to an event between them: set scope to partnership,"
                " or remove reports",
            )
    return problems


def _check_related(sections: dict[str, YamlDocument]) -> list[Problem]:
    """Every record named under ``related`` exists, and is another record."""
    ids = {name: {r.get("id") for r in _records(doc)} for name, doc in sections.items()}
    problems: list[Problem] = []
    for name, doc in sections.items():
        for index, record in enumerate(doc.value if isinstance(doc.value, list) else []):
            related = record.get("related") if isinstance(record, dict) else None
            if not isinstance(related, list):
                continue
            label = record.get("id") if isinstance(record.get("id"), str) else f"[{index + 1}]"
            for number, target in enumerate(related):
                if not isinstance(target, str) or "/" not in target:
                    continue  # the schema names the form
                section, target_id = target.split("/", 1)
                message = None
                if section in ids and target_id not in ids[section]:
                    message = f"there is no record '{target_id}' in data/{section}.yml"
                elif (section, target_id) == (name, label):
                    message = "a record cannot be related to itself"
                if message:
                    line, column = doc.position((index, "related", number))
                    field = f"{label}.related[{number + 1}]"
                    problems.append(Problem(doc.file, line, column, field, message))
    return problems


def parse_partial_date(text: str) -> tuple[dt.date, str] | None:
    """``"2025-04-23"``, ``"2025-04"`` or ``"2025"`` as (first day, precision)."""
    parts = text.split("-")
    try:
        numbers = [int(p) for p in parts]
        if len(numbers) == 1:
            return dt.date(numbers[0], 1, 1), "year"
        if len(numbers) == 2:
            return dt.date(numbers[0], numbers[1], 1), "month"
        if len(numbers) == 3:
            return dt.date(*numbers), "day"
    except ValueError:
        return None
    return None
