"""Sources are loaded once per change, not once per language build."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import copy_project
from kakehashi.mkdocs_adapter import build_state
from kakehashi.mkdocs_adapter.build_state import BuildState
from kakehashi.sources.problems import SourceProblems


@pytest.fixture
def counted_loads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    calls: list[Path] = []
    real = build_state.load_site

    def counting(root: Path, operator, **options):
        calls.append(root)
        return real(root, operator, **options)

    monkeypatch.setattr(build_state, "load_site", counting)
    return calls


def test_three_language_builds_load_once(tmp_path: Path, counted_loads: list[Path]) -> None:
    project = copy_project(tmp_path / "p")
    state = BuildState()
    for _language in ("de", "ja", "en"):
        state.load(project, {})
    assert len(counted_loads) == 1
    (project / "data" / "cycling.yml").write_text(
        (project / "data" / "cycling.yml").read_text("utf-8") + "\n", "utf-8"
    )
    state.load(project, {})
    assert len(counted_loads) == 2


def test_problems_raise_when_building_and_keep_the_last_site_when_serving(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    serving = BuildState(serving=True)
    serving.load(project, {})
    good_site = serving.site
    (project / "data" / "cycling.yml").write_text("- id: [\n", "utf-8")
    serving.load(project, {})  # no exception: the last good site stays
    assert serving.site is good_site
    assert serving.problems and serving.problems.problems[0].file == "data/cycling.yml"

    building = BuildState()
    with pytest.raises(SourceProblems):
        building.load(project, {})


@pytest.mark.parametrize("speedups", ["on", "off"])
def test_a_tightened_schema_takes_effect_at_the_next_reload_while_serving(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, speedups: str
) -> None:
    monkeypatch.setenv("KAKEHASHI_SPEEDUPS", speedups)
    project = copy_project(tmp_path / "p")
    serving = BuildState(serving=True)
    serving.load(project, {})
    assert serving.problems is None
    common = project / "data" / "schema" / "common.schema.json"
    text = common.read_text("utf-8")
    assert text.count('"maxLength": 80,') == 1
    common.write_text(text.replace('"maxLength": 80,', '"maxLength": 3,'), "utf-8")
    serving.load(project, {})
    assert serving.problems is not None
    first = serving.problems.problems[0]
    assert (first.file, first.field.rsplit(".", 1)[-1]) == ("data/cities.yml", "id")
    assert "found 'bochum'" in first.message
