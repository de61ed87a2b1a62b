"""Shared fixtures: the real project, copies of it to break, and one real build."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import markdown
import pytest
from hypothesis import settings
from mkdocs.utils.meta import get_data
from mkdocs.utils.yaml import yaml_load

from kakehashi.mkdocs_adapter import raw_html
from kakehashi.sources.loader import load_data
from kakehashi.sources.problems import SourceProblems

ROOT = Path(__file__).resolve().parent.parent

# Property tests: random examples on a developer's machine (new cases each run, a
# failure kept in .hypothesis/ and replayed first); in CI the same examples every
# run (HYPOTHESIS_PROFILE=ci, set by .ci/run), so that a red run can be repeated.
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
PROJECT_PARTS = ("mkdocs.yml", "data", "content", "docs", "hooks", "overrides")


def copy_project(target: Path) -> Path:
    """A copy of the project's sources (not its build output) to change in a test."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    return target


def edit_guide(project: Path, guide: str, old: str, new: str) -> None:
    """Replace the first ``old`` in ``data/guides/<guide>.yml`` of ``project`` with ``new``."""
    path = project / "data" / "guides" / f"{guide}.yml"
    text = path.read_text("utf-8")
    assert old in text, f"{guide} does not contain {old!r}"
    path.write_text(text.replace(old, new, 1), "utf-8")


def guide_line(project: Path, guide: str, needle: str, start: int = 1) -> int:
    """The number of the first line from ``start`` on of ``data/guides/<guide>.yml`` holding ``needle``."""
    lines = (project / "data" / "guides" / f"{guide}.yml").read_text("utf-8").splitlines()
    return next(n for n, line in enumerate(lines, start=1) if n >= start and needle in line)


def source_problems(project: Path) -> list[str]:
    """The problems loading ``project``'s data reports, as the build prints them; it must fail."""
    with pytest.raises(SourceProblems) as raised:
        load_data(project)
    return [str(problem) for problem in raised.value.problems]


def site_markdown() -> markdown.Markdown:
    """Python-Markdown set up as MkDocs sets it up for this project: its builtin
    extensions (toc, tables, fenced_code) plus ``markdown_extensions`` of mkdocs.yml,
    and the one the hooks add (``mkdocs_adapter/raw_html.py``)."""
    with (ROOT / "mkdocs.yml").open("rb") as file:
        config = yaml_load(file)
    names, configs = ["toc", "tables", "fenced_code"], {}
    for entry in config.get("markdown_extensions") or []:
        name, settings = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        configs[name] = settings or {}
        if name not in names:
            names.append(name)
    extensions: list = list(names)
    raw_html.use_in(extensions)
    return markdown.Markdown(extensions=extensions, extension_configs=configs)


def page_to_html(page_markdown: str) -> tuple[str, dict]:
    """A generated page as MkDocs renders it: front matter split off, body to HTML."""
    body, meta = get_data(page_markdown)
    return site_markdown().convert(body), meta


def run_mkdocs_build(
    project: Path,
    site_dir: Path,
    extra_env: dict[str, str] | None = None,
    python_args: tuple[str, ...] = ("-m", "mkdocs"),
) -> subprocess.CompletedProcess[str]:
    """``mkdocs build --strict``; ``python_args`` may name a script that sets things up and runs MkDocs."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1764201600", **(extra_env or {})}
    return subprocess.run(
        [sys.executable, *python_args, "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def site_files(site: Path) -> dict[str, bytes]:
    """Every file of a built site by its path below the site's folder."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def build(project: Path, site: Path, extra_env: dict[str, str] | None = None) -> dict[str, bytes]:
    """``mkdocs build --strict`` of ``project`` that must succeed; every file of the site."""
    result = run_mkdocs_build(project, site, extra_env)
    assert result.returncode == 0, result.stderr
    return site_files(site)


def is_page(name: str) -> bool:
    """Whether a file of a built site (its path below the site) is a page, not a search bundle's file."""
    return name.endswith(".html") and not any(part.startswith("pagefind") for part in name.split("/"))


def html_pages(site: Path) -> list[Path]:
    """The pages of a built site, without the search bundles' files, in a fixed order."""
    return sorted(p for p in site.rglob("*.html") if is_page(p.relative_to(site).as_posix()))


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the real project built once with ``mkdocs build --strict``.

    A copy, never the project folder: the build must not find a ``.cache/`` of
    earlier builds, so that what the tests read was rendered, not restored.
    """
    project = copy_project(tmp_path_factory.mktemp("project"))
    assert not (project / ".cache").exists()
    site_dir = tmp_path_factory.mktemp("site")
    result = run_mkdocs_build(project, site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir


# Test modules that build a site (mkdocs build or serve, each a few seconds):
# `pytest -m "not build"` leaves them out for a fast loop.
BUILDING_MODULES = {
    "test_bench.py",
    "test_cli.py",
    "test_documentcache.py",
    "test_events_site.py",
    "test_fast_paths.py",
    "test_legal_pages.py",
    "test_pagination.py",
    "test_rendercache.py",
    "test_search_bundles.py",
    "test_serve.py",
    "test_site_build.py",
    "test_site_pages.py",
    "test_translation_status.py",
}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        building = item.path.name in BUILDING_MODULES or item.path.parent.name == "browser"
        if building or "built_site" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.build)


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")
