"""Reading data files record by record while serving gives what a full read gives."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_bad_input import CASES, SCHEMA, mini_project

from conftest import ROOT, copy_project
from kakehashi.sources import record_cache as recordcache
from kakehashi.sources.loader import SECTION_IDS, load_data
from kakehashi.sources.problems import SourceProblems
from kakehashi.sources.record_cache import RecordCache, read_checked, split_items

DATA_FILES = ["cities", *SECTION_IDS]


def tables(doc) -> tuple:
    return dict(doc.positions), dict(doc.key_positions), dict(doc.plain_scalars)


@pytest.mark.parametrize("name", DATA_FILES)
def test_shipped_files_read_alike(name: str) -> None:
    path, display = ROOT / "data" / f"{name}.yml", f"data/{name}.yml"
    full, full_problems = read_checked(path, display, name, SCHEMA)
    by_items, item_problems = RecordCache().read(path, display, name, SCHEMA)
    assert full_problems == item_problems == []
    assert by_items.value == full.value
    assert tables(by_items) == tables(full)


def test_an_edit_parses_only_the_edited_record_and_shifts_the_rest(tmp_path: Path, monkeypatch) -> None:
    copy_project(tmp_path)
    path = tmp_path / "data" / "cycling.yml"
    cache = RecordCache()
    before, _ = cache.read(path, "data/cycling.yml", "cycling", SCHEMA)
    parsed: list[str] = []
    real_parse = recordcache.parse_yaml
    monkeypatch.setattr(
        recordcache, "parse_yaml", lambda text, name: parsed.append(text) or real_parse(text, name)
    )
    first_id = before.value[0]["id"]
    text = path.read_text("utf-8")
    # Two lines more in the first record: every later record moves down.
    edited = text.replace(f"- id: {first_id}\n", f"- id: {first_id}\n  # a note\n  # another\n", 1)
    path.write_text(edited, "utf-8")
    after, problems = cache.read(path, "data/cycling.yml", "cycling", SCHEMA)
    assert problems == []
    assert len(parsed) == 1 and parsed[0].startswith(f"- id: {first_id}\n")
    assert after.value[1] is before.value[1], "an unchanged record is reused, not parsed again"
    full, _ = read_checked(path, "data/cycling.yml", "cycling", SCHEMA)
    assert tables(after) == tables(full)
    line, column = before.position((1, "title"))
    assert after.position((1, "title")) == (line + 2, column)


@pytest.mark.parametrize(("file", "old", "new", "expected"), CASES)
def test_bad_edits_read_exactly_as_in_a_full_read(
    tmp_path: Path, file: str, old: str, new: str, expected: list[str]
) -> None:
    project = mini_project(tmp_path)
    cache = RecordCache()
    load_data(project, SCHEMA, reader=cache.read)  # the good state, kept record by record
    path = project / "data" / file
    path.write_text(path.read_text("utf-8").replace(old, new, 1), "utf-8")
    with pytest.raises(SourceProblems) as raised:
        load_data(project, SCHEMA, reader=cache.read)
    assert [str(problem) for problem in raised.value.problems] == expected


@pytest.mark.parametrize(
    "text",
    [
        "---\n- id: a\n",
        "- id: a\r\n- id: b\r\n",
        "id: a\ntitle: b\n",
        "# only a comment\n",
        "[{id: a}]\n",
        "\ufeff- id: a\n",
    ],
)
def test_files_that_are_not_a_plain_list_take_the_full_read(text: str) -> None:
    assert split_items(text) is None


def test_split_keeps_comments_with_the_record_before_them() -> None:
    text = "# header\n- id: a\n  x: 1\n# about b\n\n- id: b\n"
    assert split_items(text) == [(2, "- id: a\n  x: 1\n# about b\n\n"), (6, "- id: b\n\n")]


# --- the records kept on disk between builds -------------------------------


def read_all(cache: RecordCache, project: Path) -> list:
    docs = []
    for name in DATA_FILES:
        doc, problems = cache.read(project / "data" / f"{name}.yml", f"data/{name}.yml", name, SCHEMA)
        assert problems == []
        docs.append(doc)
    return docs


def counting_parses(monkeypatch) -> list[str]:
    parsed: list[str] = []
    real_parse = recordcache.parse_yaml
    monkeypatch.setattr(
        recordcache, "parse_yaml", lambda text, name: parsed.append(text) or real_parse(text, name)
    )
    return parsed


def test_the_next_build_takes_the_stored_records_without_parsing(tmp_path: Path, monkeypatch) -> None:
    project = copy_project(tmp_path / "project")
    store = tmp_path / "store"
    first = RecordCache(store)
    before = read_all(first, project)
    first.save()
    parsed = counting_parses(monkeypatch)
    after = read_all(RecordCache(store), project)
    assert parsed == []
    assert [d.value for d in after] == [d.value for d in before]
    assert [tables(d) for d in after] == [tables(d) for d in before]
    # An edited record is parsed again; the others still come from the store.
    path = project / "data" / "cycling.yml"
    path.write_text(path.read_text("utf-8").replace("title:\n", "title: \n", 1), "utf-8")
    edited = read_all(RecordCache(store), project)
    assert len(parsed) == 1
    full, _ = read_checked(path, "data/cycling.yml", "cycling", SCHEMA)
    assert edited[DATA_FILES.index("cycling")].value == full.value


@pytest.mark.parametrize("change", ["schema edited", "store broken"])
def test_stored_records_of_other_schemas_or_unreadable_are_not_used(
    tmp_path: Path, monkeypatch, change: str
) -> None:
    project = copy_project(tmp_path / "project")
    schema = project / "data" / "schema"
    store = tmp_path / "store"
    first = RecordCache(store)
    for name in DATA_FILES:
        first.read(project / "data" / f"{name}.yml", f"data/{name}.yml", name, schema)
    first.save()
    if change == "schema edited":
        edited = schema / "cycling.schema.json"
        edited.write_text(edited.read_text("utf-8") + "\n", "utf-8")
    else:
        for stored in store.iterdir():
            stored.write_bytes(b"not records")
    parsed = counting_parses(monkeypatch)
    cache = RecordCache(store)
    for name in DATA_FILES:
        path, display = project / "data" / f"{name}.yml", f"data/{name}.yml"
        doc, problems = cache.read(path, display, name, schema)
        full, _ = read_checked(path, display, name, schema)
        assert problems == []
        assert doc.value == full.value
        assert tables(doc) == tables(full)
    assert len(parsed) > len(DATA_FILES), "every record is parsed again"


def test_a_load_without_problems_unpacks_no_positions(tmp_path: Path, monkeypatch) -> None:
    """Positions are for messages: a clean load leaves every record's tables packed (and small)."""
    project = copy_project(tmp_path / "project")
    unpacked: list[int] = []
    real_table = recordcache._PackedTables.table

    def counted_table(self, which: int) -> dict:
        unpacked.append(which)
        return real_table(self, which)

    monkeypatch.setattr(recordcache._PackedTables, "table", counted_table)
    load_data(project, reader=RecordCache().read)
    assert unpacked == []
    # A problem across records (the first record twice) still finds its lines in the packed tables.
    path = project / "data" / "cycling.yml"
    text = path.read_text("utf-8")
    (first_line, first_record), *_ = split_items(text)
    path.write_text(text + first_record, "utf-8")
    with pytest.raises(SourceProblems) as error:
        load_data(project, reader=RecordCache().read)
    assert f"is already used on line {first_line}" in error.value.report()
    assert unpacked


def test_a_record_that_breaks_its_schema_is_worded_without_reading_the_whole_file(
    tmp_path: Path, monkeypatch
) -> None:
    """The usual slip while editing: the file stays YAML, so only the edited record is parsed again."""
    copy_project(tmp_path)
    path, display = tmp_path / "data" / "cycling.yml", "data/cycling.yml"
    cache = RecordCache()
    cache.read(path, display, "cycling", SCHEMA)
    text = path.read_text("utf-8")
    edited = text.replace("kind: route\n", "kind: path\n", 1).replace("  updated:", "  update:", 1)
    path.write_text(edited.replace("kind: route-section\n", "kind: lane\n", 1), "utf-8")
    parsed = counting_parses(monkeypatch)
    doc, problems = cache.read(path, display, "cycling", SCHEMA)
    full, full_problems = read_checked(path, display, "cycling", SCHEMA)
    assert len(parsed) == 2, "the two edited records (the full read is not counted)"
    assert problems == full_problems and len(problems) == 4  # two kinds; one field unknown, one missing
    assert doc.value == full.value
    # Broken records are not kept: the same text read again gives the same problems.
    assert cache.read(path, display, "cycling", SCHEMA)[1] == full_problems
