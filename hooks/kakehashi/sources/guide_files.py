"""The guides: one file per guide in ``data/guides/``, checked against ``guide.schema.json``.

A guide is a mapping, not a list of records: the file's name is its id and the
address of its page (``data/guides/visitor-card-bochum.yml`` → ``/guides/visitor-card-bochum/``).
Besides the schema, this checks what a schema cannot state: the file name, the
records, events and city a guide names, which fields belong to which kind, that
no two taking-part guides are for the same audience, and the reading aids of a
phrase. Every problem is returned with its position.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kakehashi.sources.data_file import read_checked
from kakehashi.sources.problems import Problem
from kakehashi.sources.yaml_source import YamlDocument

GUIDES_FOLDER = "guides"
GUIDE_SCHEMA = "guide"
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# The listing of all guides has the key guides/index: no guide may take that name.
_RESERVED = frozenset({"index"})
# The fields only one kind of guide has.
KIND_FIELDS: dict[str, tuple[str, ...]] = {
    "crosswalk": ("groups",),
    "visitor-card": ("city", "numbers", "warnings", "places", "phrases"),
    "taking-part": ("audience", "offers", "contacts", "not_published"),
}
# The audiences of the taking-part guides, in the order the listing shows them.
AUDIENCES = ("schools", "clubs", "researchers", "founders", "citizens")
# The lists of rows of a taking-part guide, in the order of its page.
TAKING_PART_LISTS = ("offers", "contacts", "not_published")
# Where the ids of data/events.yml are looked up (``record_ids(EVENTS_FILE)``).
EVENTS_FILE = "events"
# [漢字](かんじ): a run of text and its reading, in a phrase's furigana.
FURIGANA = re.compile(r"\[([^\[\]()]+)\]\(([^\[\]()]+)\)")

Guide = dict[str, Any]


def guide_files(data_dir: Path) -> list[Path]:
    """The guide files in the order of their names (no folder: no guides)."""
    folder = data_dir / GUIDES_FOLDER
    return sorted(folder.glob("*.yml")) if folder.is_dir() else []


def furigana_parts(furigana: str) -> list[tuple[str, str]]:
    """``"[救急車](きゅうきゅうしゃ)です"`` → ``[("救急車", "きゅうきゅうしゃ"), ("です", "")]``."""
    parts: list[tuple[str, str]] = []
    position = 0
    for match in FURIGANA.finditer(furigana):
        if match.start() > position:
            parts.append((furigana[position : match.start()], ""))
        parts.append((match.group(1), match.group(2)))
        position = match.end()
    if position < len(furigana):
        parts.append((furigana[position:], ""))
    return parts


def read_guides(
    data_dir: Path,
    schema_dir: Path,
    record_ids: Callable[[str], set[str] | None],
    city_ids: set[str] | None,
) -> tuple[dict[str, Guide], list[Problem]]:
    """Every guide by id, in the order of the file names, and the problems found.

    ``record_ids(section)`` gives the ids of a section's records (of the events for
    ``"events"``), or None where the file could not be read (its own problems are
    reported, links into it are not checked); ``city_ids`` likewise.
    """
    guides: dict[str, Guide] = {}
    problems: list[Problem] = []
    audiences: dict[str, str] = {}  # audience → the file of the taking-part guide for it
    for path in guide_files(data_dir):
        display = f"data/{GUIDES_FOLDER}/{path.name}"
        guide_id = path.stem
        if not _ID.match(guide_id) or guide_id in _RESERVED:
            problems.append(
                Problem(
                    display,
                    1,
                    1,
                    "",
                    f"the file name '{guide_id}' becomes the guide's address: use lowercase letters a–z, "
                    "digits and single hyphens (not 'index'), e.g. visitor-card-bochum.yml",
                )
            )
            continue
        doc, file_problems = read_checked(path, display, GUIDE_SCHEMA, schema_dir)
        problems += file_problems
        if not isinstance(doc.value, dict):
            continue
        problems += _check_guide(doc, record_ids, city_ids)
        audience = doc.value.get("audience")
        if doc.value.get("kind") == "taking-part" and isinstance(audience, str):
            if audience in audiences:
                line, column = doc.position(("audience",))
                message = (
                    f"the guide for '{audience}' is already {audiences[audience]}; write one per audience"
                )
                problems.append(Problem(display, line, column, "audience", message))
            else:
                audiences[audience] = display
        if not file_problems:
            guides[guide_id] = {"id": guide_id, **doc.value}
    return guides, problems


def _check_guide(
    doc: YamlDocument, record_ids: Callable[[str], set[str] | None], city_ids: set[str] | None
) -> list[Problem]:
    guide = doc.value
    problems: list[Problem] = []

    def problem(path: tuple, message: str, key: bool = False) -> None:
        line, column = doc.position(path, key=key)
        problems.append(Problem(doc.file, line, column, doc.field_name(path), message))

    kind = guide.get("kind")
    if kind in KIND_FIELDS:
        for other, fields in KIND_FIELDS.items():
            if other == kind:
                continue
            for name in fields:
                if name in guide and name not in KIND_FIELDS[kind]:
                    mine = ", ".join(KIND_FIELDS[kind])
                    problem((name,), f"the field '{name}' belongs to a {other}; a {kind} has: {mine}", True)
    city = guide.get("city")
    if city_ids is not None and isinstance(city, str) and city not in city_ids:
        known = ", ".join(sorted(c for c in city_ids if isinstance(c, str)))
        problem(("city",), f"unknown city '{city}'; cities are defined in data/cities.yml: {known}")
    links: list[tuple[tuple, Any]] = []
    for g, group in _items(guide.get("groups")):
        for r, row in _items(group.get("rows")):
            records = row.get("records")
            named = enumerate(records) if isinstance(records, list) else ()
            links += [(("groups", g, "rows", r, "records", n), link) for n, link in named]
    links += [(("places", p, "record"), place.get("record")) for p, place in _items(guide.get("places"))]
    for name in TAKING_PART_LISTS:
        for r, row in _items(guide.get(name)):
            records = row.get("records")
            named = enumerate(records) if isinstance(records, list) else ()
            links += [((name, r, "records", n), link) for n, link in named]
            events = row.get("events")
            for n, event_id in enumerate(events) if isinstance(events, list) else ():
                event_ids = record_ids(EVENTS_FILE)
                if isinstance(event_id, str) and event_ids is not None and event_id not in event_ids:
                    problem((name, r, "events", n), f"there is no event '{event_id}' in data/events.yml")
    for path, link in links:
        if not isinstance(link, str) or "/" not in link:
            continue  # the schema names the form
        section, record_id = link.split("/", 1)
        ids = record_ids(section)
        if ids is not None and record_id not in ids:
            problem(path, f"there is no record '{record_id}' in data/{section}.yml")
    for p, phrase in _items(guide.get("phrases")):
        problems += _check_phrase(doc, ("phrases", p), phrase)
    return problems


def _check_phrase(doc: YamlDocument, path: tuple, phrase: dict) -> list[Problem]:
    """A Japanese phrase has furigana and romaji, a German one a katakana reading."""
    problems: list[Problem] = []

    def problem(where: tuple, message: str) -> None:
        line, column = doc.position(where)
        problems.append(Problem(doc.file, line, column, doc.field_name(where), message))

    lang, text = phrase.get("lang"), phrase.get("text")
    needed = {"ja": ("furigana", "romaji"), "de": ("kana",)}.get(lang, ())
    for name in needed:
        if name not in phrase:
            problem((*path, "lang"), f"a phrase in '{lang}' needs a reading aid: add the field '{name}'")
    for name in ("furigana", "romaji", "kana"):
        if name in phrase and name not in needed and lang in ("ja", "de"):
            problem((*path, name), f"'{name}' is a reading aid for phrases in another language; remove it")
    furigana = phrase.get("furigana")
    if lang == "ja" and isinstance(furigana, str) and isinstance(text, str):
        plain = "".join(base for base, _ in furigana_parts(furigana))
        if plain != text or not FURIGANA.search(furigana):
            problem(
                (*path, "furigana"),
                f"without its readings the furigana reads '{plain}', not the text '{text}';"
                " write each reading as [漢字](かんじ)",
            )
    return problems


def _items(value: object) -> list[tuple[int, Any]]:
    """The mappings of a list with their index (anything else: the schema names it)."""
    if not isinstance(value, list):
        return []
    return [(i, item) for i, item in enumerate(value) if isinstance(item, dict)]
