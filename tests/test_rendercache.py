"""Rendered pages kept between builds: the same site comes out, and only where nothing changed."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from conftest import build, is_page, run_mkdocs_build
from kakehashi.mkdocs_adapter.build_state import RENDERED


def kept_pages(project: Path) -> int:
    with sqlite3.connect(project / RENDERED) as db:
        return db.execute("SELECT count(*) FROM pages").fetchone()[0]


def test_a_second_build_writes_the_same_site_from_the_kept_pages(project_copy: Path, tmp_path: Path) -> None:
    first = build(project_copy, tmp_path / "first")
    pages = [name for name in first if name.endswith("index.html") and is_page(name)]
    # Every page of the three languages is kept (the 404 pages are not rendered from Markdown).
    assert kept_pages(project_copy) == len(pages)
    second = build(project_copy, tmp_path / "second")
    assert second.keys() == first.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_a_kept_page_is_used_instead_of_rendering_it_again(project_copy: Path, tmp_path: Path) -> None:
    build(project_copy, tmp_path / "first")
    with sqlite3.connect(project_copy / RENDERED) as db:
        rows = db.execute("SELECT key, entry FROM pages").fetchall()
        # The marker has the length of the text it replaces: the entries stay well-formed.
        marked = [(entry.replace(b"Tsukuba", b"TSUKUBA"), key) for key, entry in rows]
        db.executemany("UPDATE pages SET entry = ? WHERE key = ?", marked)
    second = build(project_copy, tmp_path / "second")
    assert "TSUKUBA" in second["partnership/index.html"].decode("utf-8")


def test_a_change_of_mkdocs_yml_renders_every_page_again(project_copy: Path, tmp_path: Path) -> None:
    first = build(project_copy, tmp_path / "first")
    link = 'href="#die-partnerschaft" title="Link zu diesem Abschnitt">'
    assert link + "&para;</a>" in first["partnership/index.html"].decode("utf-8")
    config = project_copy / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("permalink: true", 'permalink: "#"', 1), "utf-8")
    second = build(project_copy, tmp_path / "second")
    assert link + "#</a>" in second["partnership/index.html"].decode("utf-8")


def test_a_broken_link_fails_every_build_not_only_the_first(project_copy: Path, tmp_path: Path) -> None:
    page = project_copy / "content" / "de" / "partnership.md"
    page.write_text(page.read_text("utf-8") + "\n[Programm](programm.md)\n", "utf-8")
    for attempt in ("first", "second"):
        result = run_mkdocs_build(project_copy, tmp_path / attempt)
        assert result.returncode != 0, attempt
        assert "programm.md" in result.stderr, attempt


def test_a_quiet_build_keeps_no_page_as_it_sees_no_messages(project_copy: Path, tmp_path: Path) -> None:
    page = project_copy / "content" / "de" / "partnership.md"
    page.write_text(page.read_text("utf-8") + "\n[Programm](programm.md)\n", "utf-8")
    quiet = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(tmp_path / "quiet")],
        cwd=project_copy,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert quiet.returncode == 0, quiet.stderr
    assert kept_pages(project_copy) == 0
    result = run_mkdocs_build(project_copy, tmp_path / "strict")
    assert result.returncode != 0 and "programm.md" in result.stderr


def test_an_information_about_a_link_is_given_by_every_build(project_copy: Path, tmp_path: Path) -> None:
    page = project_copy / "content" / "de" / "partnership.md"
    page.write_text(page.read_text("utf-8") + "\n[Start](/index.md)\n", "utf-8")
    for attempt in ("first", "second"):
        result = run_mkdocs_build(project_copy, tmp_path / attempt)
        assert result.returncode == 0, result.stderr
        assert "INFO" in result.stderr and "'/index.md'" in result.stderr, (attempt, result.stderr)


def test_a_cache_that_cannot_be_opened_is_left_alone(project_copy: Path, tmp_path: Path) -> None:
    (project_copy / RENDERED).mkdir(parents=True)  # a folder where the database would be
    first = build(project_copy, tmp_path / "first")
    assert "partnership/index.html" in first
    assert (project_copy / RENDERED).is_dir()


def test_the_cache_file_does_not_keep_the_space_of_dropped_pages(project_copy: Path, tmp_path: Path) -> None:
    build(project_copy, tmp_path / "first")
    size = (project_copy / RENDERED).stat().st_size
    config = project_copy / "mkdocs.yml"  # every page is rendered again, the old entries dropped
    config.write_text(config.read_text("utf-8").replace("permalink: true", 'permalink: "#"', 1), "utf-8")
    build(project_copy, tmp_path / "second")
    assert (project_copy / RENDERED).stat().st_size < size * 1.3
