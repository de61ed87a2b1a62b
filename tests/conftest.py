"""Shared fixtures: the real project, copies of it to break, and one real build."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import markdown
import pytest
from mkdocs.utils.meta import get_data
from mkdocs.utils.yaml import yaml_load

ROOT = Path(__file__).resolve().parent.parent
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


def site_markdown() -> markdown.Markdown:
    """Python-Markdown set up as MkDocs sets it up for this project: its builtin
    extensions (toc, tables, fenced_code) plus ``markdown_extensions`` of mkdocs.yml."""
    with (ROOT / "mkdocs.yml").open("rb") as file:
        config = yaml_load(file)
    names, configs = ["toc", "tables", "fenced_code"], {}
    for entry in config.get("markdown_extensions") or []:
        name, settings = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        configs[name] = settings or {}
        if name not in names:
            names.append(name)
    return markdown.Markdown(extensions=names, extension_configs=configs)


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


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real project built once with ``mkdocs build --strict``."""
    site_dir = tmp_path_factory.mktemp("site")
    result = run_mkdocs_build(ROOT, site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")
