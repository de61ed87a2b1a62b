"""The guides: one file per guide in ``data/guides/``, checked against ``guide.schema.json``.

A guide is a mapping, not a list of records: the file's name is its id and the
address of its page (``data/guides/visitor-card-bochum.yml`` → ``/guides/visitor-card-bochum/``).
Besides the schema, this checks what a schema cannot state: the file name, the
records, events and cities a guide names, which fields belong to which kind, that
no two taking-part guides are for the same audience, the reading aids of a phrase,
and that a playbook and its counterpart (the same founders' path in the other
direction) have the same steps in the same order. Every problem is returned with
its position.
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
    "playbook": ("from", "to", "counterpart", "steps"),
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
    playbooks: dict[str, YamlDocument] = {}
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
        if doc.value.get("kind") == "playbook":
            playbooks[guide_id] = doc
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
    problems += _check_counterparts(playbooks, {p.stem for p in guide_files(data_dir)})
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
    for name in ("city", "from", "to"):
        city = guide.get(name)
        if city_ids is not None and isinstance(city, str) and city not in city_ids:
            known = ", ".join(sorted(c for c in city_ids if isinstance(c, str)))
            problem((name,), f"unknown city '{city}'; cities are defined in data/cities.yml: {known}")
    if kind == "playbook" and isinstance(guide.get("from"), str) and guide.get("from") == guide.get("to"):
        problem(("to",), "a playbook goes from one city to the other: 'from' and 'to' must differ")
    links: list[tuple[tuple, Any]] = []
    for g, group in _items(guide.get("groups")):
        for r, row in _items(group.get("rows")):
            records = row.get("records")
            named = enumerate(records) if isinstance(records, list) else ()
            links += [(("groups", g, "rows", r, "records", n), link) for n, link in named]
    for s, step in _items(guide.get("steps")):
        records = step.get("records")
        named = enumerate(records) if isinstance(records, list) else ()
        links += [(("steps", s, "records", n), link) for n, link in named]
    # That a place is a disaster-prevention record is the schema's placeLink.
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


def _check_counterparts(playbooks: dict[str, YamlDocument], guide_ids: set[str]) -> list[Problem]:
    """Each playbook names its counterpart, which names it back and has the same step ids in
    the same order; a difference is reported in each of the two files, at its own step."""
    problems: list[Problem] = []

    def problem(doc: YamlDocument, path: tuple, message: str) -> None:
        line, column = doc.position(path)
        problems.append(Problem(doc.file, line, column, doc.field_name(path), message))

    for guide_id, doc in playbooks.items():
        other_id = doc.value.get("counterpart")
        if not isinstance(other_id, str):
            continue  # the schema names the problem
        other = playbooks.get(other_id)
        if other is None:
            what = "is not a playbook" if other_id in guide_ids else "does not exist"
            problem(doc, ("counterpart",), f"the counterpart data/{GUIDES_FOLDER}/{other_id}.yml {what}")
            continue
        if other.value.get("counterpart") != guide_id:
            problem(
                doc,
                ("counterpart",),
                f"data/{GUIDES_FOLDER}/{other_id}.yml does not name this playbook as its counterpart;"
                f" write counterpart: {guide_id} there",
            )
            continue
        for name, opposite in (("from", "to"), ("to", "from")):
            if doc.value.get(name) != other.value.get(opposite):
                problem(
                    doc,
                    (name,),
                    f"'{name}' must be the '{opposite}' of data/{GUIDES_FOLDER}/{other_id}.yml"
                    f" ({other.value.get(opposite)}): a counterpart goes the other way",
                )
        _compare_steps(doc, other, problem)
    return problems


def _step_ids(doc: YamlDocument) -> list[tuple[int, Any]]:
    steps = doc.value.get("steps")
    return [(i, step.get("id")) for i, step in _items(steps)] if isinstance(steps, list) else []


def _compare_steps(doc: YamlDocument, other: YamlDocument, problem: Callable[..., None]) -> None:
    """Reports the first step of ``doc`` that differs from the step at the same place in ``other``."""
    mine, theirs = _step_ids(doc), _step_ids(other)
    other_file = other.file
    for number, ((index, step_id), (_, other_step)) in enumerate(zip(mine, theirs, strict=False), start=1):
        if step_id != other_step:
            problem(
                doc,
                ("steps", index, "id"),
                f"step {number} is '{step_id}', but step {number} of {other_file} is '{other_step}';"
                " both playbooks have the same steps in the same order",
            )
            return
    if len(mine) > len(theirs):
        index, step_id = mine[len(theirs)]
        problem(
            doc,
            ("steps", index, "id"),
            f"step {len(theirs) + 1} '{step_id}' has no counterpart: {other_file} has {len(theirs)} steps;"
            " both playbooks have the same steps in the same order",
        )
    elif len(mine) < len(theirs) and mine:
        index, _ = mine[-1]
        missing = theirs[len(mine)][1]
        problem(
            doc,
            ("steps", index),
            f"the step '{missing}' of {other_file} (step {len(mine) + 1}) is missing after this one;"
            " both playbooks have the same steps in the same order",
        )


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
