"""Reading data files record by record while serving gives what a full read gives."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_bad_input import CASES, SCHEMA, mini_project

from conftest import ROOT, copy_project
from kakehashi import recordcache
from kakehashi.loader import SECTIONS, load_data
from kakehashi.problems import SourceProblems
from kakehashi.recordcache import RecordCache, read_checked, split_items

DATA_FILES = ["cities", *SECTIONS]


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
