"""Bad data is refused with every problem as ``data/<file>.yml:LINE:COL: field: message``."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kakehashi.sources.loader import load_data
from kakehashi.sources.problems import SourceProblems

ROOT = Path(__file__).resolve().parent.parent
MINI = Path(__file__).parent / "fixtures" / "mini"
SCHEMA = ROOT / "data" / "schema"


def problems_after(tmp_path: Path, file: str, old: str, new: str) -> list[str]:
    shutil.copytree(MINI / "data", tmp_path / "data")
    path = tmp_path / "data" / file
    text = path.read_text("utf-8")
    assert old in text, f"fixture does not contain {old!r}"
    path.write_text(text.replace(old, new, 1), "utf-8")
    with pytest.raises(SourceProblems) as raised:
        load_data(tmp_path, SCHEMA)
    return [str(p) for p in raised.value.problems]


def test_the_fixture_itself_is_valid() -> None:
    data = load_data(MINI, SCHEMA)
    assert [r["id"] for r in data.sections["cycling"]] == ["test-route"]


def test_the_shipped_data_is_valid() -> None:
    data = load_data(ROOT)
    assert all(data.sections.values())


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        # wrong type: a YAML 1.1 boolean where text is expected
        (
            "cycling.yml",
            "start: {de: Tsuchiura,",
            "start: {de: no,",
            "data/cycling.yml:6:15: test-route.start.de: expected text, found 'no', which YAML "
            'reads as false (yes/no); put it in quotes: "no"',
        ),
        # octal-looking number
        (
            "disaster-prevention.yml",
            "de: Teststraße 1,",
            "de: 012345,",
            "data/disaster-prevention.yml:6:17: test-shelter.address.de: expected text, found "
            "'012345', which YAML reads as the number 5349; put it in quotes: \"012345\"",
        ),
        # unquoted date
        (
            "cycling.yml",
            'updated: "2026-11-27"',
            "updated: 2026-11-27",
            "data/cycling.yml:17:12: test-route.updated: expected text, found the unquoted date "
            '2026-11-27; put it in quotes: "2026-11-27"',
        ),
        # missing required field
        (
            "disaster-prevention.yml",
            "  kind: crisis-centre\n",
            "",
            "data/disaster-prevention.yml:2:3: test-shelter.kind: the required field 'kind' is missing",
        ),
        # unknown field
        (
            "ecosystem.yml",
            "  status: planned",
            "  status: planned\n  colour: red",
            "data/ecosystem.yml:6:3: test-centre.colour: unknown field 'colour'; allowed here: ",
        ),
        # unknown language key
        (
            "projects.yml",
            "title: {de: Testbesuch,",
            "title: {fr: Visite, de: Testbesuch,",
            "data/projects.yml:7:11: test-visit.title.fr: unknown language 'fr'; languages are de, ja and en",
        ),
        # unsafe URL scheme
        (
            "ecosystem.yml",
            "https://example.org/zentrum",
            "javascript:alert(1)",
            "data/ecosystem.yml:12:13: test-centre.sources[1].url: only web addresses starting "
            "with https:// or http://, or mailto:, are allowed",
        ),
        # unknown city reference
        (
            "cycling.yml",
            "city: tsukuba",
            "city: osaka",
            "data/cycling.yml:3:9: test-route.city: unknown city 'osaka'; cities are defined in "
            "data/cities.yml: bochum, tsukuba",
        ),
        # coordinates out of range
        (
            "cycling.yml",
            "lat: 36.0779222",
            "lat: 136.0779222",
            "data/cycling.yml:14:19: test-route.location.lat: 136.0779222 is out of range "
            "(allowed: -90 to 90)",
        ),
        # bad id
        (
            "disaster-prevention.yml",
            "id: test-shelter",
            "id: Test_Shelter",
            "data/disaster-prevention.yml:2:7: Test_Shelter.id: use lowercase letters a–z, digits and "
            "single hyphens, e.g. ring-ring-road (found 'Test_Shelter')",
        ),
        # a date that is not in the calendar
        (
            "projects.yml",
            '"2025-04-24"',
            '"2025-02-30"',
            "data/projects.yml:5:13: test-visit.date_end: '2025-02-30' is not a calendar date",
        ),
        # date in the wrong form
        (
            "projects.yml",
            'date: "2025-04-22"',
            'date: "22.04.2025"',
            'data/projects.yml:4:9: test-visit.date: write "YYYY-MM-DD", "YYYY-MM" or "YYYY" '
            "in quotes, e.g. \"2019-11-25\" (found '22.04.2025')",
        ),
        # duplicate key
        (
            "cycling.yml",
            "  kind: route-section\n",
            "  kind: route-section\n  kind: route\n",
            "data/cycling.yml:5:3: test-route.kind: 'kind' is given twice in the same place "
            "(first on line 4); keep one",
        ),
        # tab indentation
        (
            "disaster-prevention.yml",
            "  kind: crisis-centre",
            "\tkind: crisis-centre",
            "data/disaster-prevention.yml:4:1: a tab character: YAML indentation must use spaces, not tabs",
        ),
        # no sources
        (
            "disaster-prevention.yml",
            '  sources:\n    - {url: "https://example.org/kiez", title: KIEZ, lang: de}\n',
            "  sources: []\n",
            "data/disaster-prevention.yml:9:12: test-shelter.sources: at least one entry is needed",
        ),
    ],
)
def test_problem_is_located_and_explained(
    tmp_path: Path, file: str, old: str, new: str, expected: str
) -> None:
    problems = problems_after(tmp_path, file, old, new)
    assert any(p.startswith(expected) for p in problems), problems


def test_duplicate_ids_name_the_first_line(tmp_path: Path) -> None:
    shutil.copytree(MINI / "data", tmp_path / "data")
    path = tmp_path / "data" / "disaster-prevention.yml"
    records = path.read_text("utf-8").split("\n", 1)[1]
    path.write_text(path.read_text("utf-8") + records, "utf-8")
    with pytest.raises(SourceProblems) as raised:
        load_data(tmp_path, SCHEMA)
    assert [str(p) for p in raised.value.problems] == [
        "data/disaster-prevention.yml:18:7: test-shelter.id: the id 'test-shelter' is already "
        "used on line 2; ids must be unique in a file",
        "data/disaster-prevention.yml:28:3: test-shelter.basics: the basics of 'bochum' are already "
        "on line 12; one record per city holds them",
    ]


def test_every_problem_of_every_file_is_reported_at_once(tmp_path: Path) -> None:
    shutil.copytree(MINI / "data", tmp_path / "data")
    for name in ("cycling.yml", "projects.yml"):
        path = tmp_path / "data" / name
        path.write_text(path.read_text("utf-8").replace('updated: "2026-11-27"', "updated: no"))
    with pytest.raises(SourceProblems) as raised:
        load_data(tmp_path, SCHEMA)
    files = {p.file for p in raised.value.problems}
    assert files == {"data/cycling.yml", "data/projects.yml"}


def test_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    shutil.copytree(MINI / "data", tmp_path / "data")
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    (tmp_path / "data" / "cycling.yml").write_text("- " + "\n  ".join(lines) + "\n")
    with pytest.raises(SourceProblems) as raised:
        load_data(tmp_path, SCHEMA)
    messages = [p.message for p in raised.value.problems]
    assert any("aliases" in m for m in messages)


def test_not_utf8_names_the_line(tmp_path: Path) -> None:
    shutil.copytree(MINI / "data", tmp_path / "data")
    path = tmp_path / "data" / "cycling.yml"
    path.write_bytes(path.read_bytes().replace("土浦駅".encode(), "土浦駅".encode("shift_jis")))
    with pytest.raises(SourceProblems) as raised:
        load_data(tmp_path, SCHEMA)
    [problem] = raised.value.problems
    assert str(problem).startswith("data/cycling.yml:6:")
    assert "not UTF-8" in problem.message


def test_empty_file(tmp_path: Path) -> None:
    shutil.copytree(MINI / "data", tmp_path / "data")
    (tmp_path / "data" / "ecosystem.yml").write_text("# nothing yet\n")
    with pytest.raises(SourceProblems) as raised:
        load_data(tmp_path, SCHEMA)
    assert [str(p) for p in raised.value.problems] == ["data/ecosystem.yml:1:1: the file is empty"]


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    shutil.copytree(MINI / "data", tmp_path / "data")
    path = tmp_path / "data" / "cycling.yml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert load_data(tmp_path, SCHEMA).sections["cycling"][0]["id"] == "test-route"
