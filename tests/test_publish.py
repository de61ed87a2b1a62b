"""Publishing swaps a finished build in whole, or leaves the published site as it was.

These tests run MkDocs on a tiny project of their own (one page, no hooks), so
that they check the swap itself in this process and in about a second each.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from kakehashi.editor import publish

CONFIG = "site_name: Swap\nstrict: true\nuse_directory_urls: true\n"


def tiny_project(root: Path, page: str) -> Path:
    (root / "docs").mkdir(parents=True)
    (root / "mkdocs.yml").write_text(CONFIG, "utf-8")
    (root / "docs" / "index.md").write_text(page, "utf-8")
    return root


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".site-"))


ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1764201600", "NO_MKDOCS_2_WARNING": "1"}


def test_a_first_build_is_published(tmp_path: Path) -> None:
    project = tiny_project(tmp_path / "p", "# Erste Fassung\n")
    site = project / "site"
    assert publish.build_site(project, site, ENV) == 0
    assert "Erste Fassung" in (site / "index.html").read_text("utf-8")
    assert leftovers(project) == []


def test_a_good_build_replaces_the_whole_site(tmp_path: Path) -> None:
    project = tiny_project(tmp_path / "p", "# Erste Fassung\n")
    site = project / "site"
    assert publish.build_site(project, site, ENV) == 0
    (site / "stale.html").write_text("left from an older build", "utf-8")
    (project / "docs" / "index.md").write_text("# Zweite Fassung\n", "utf-8")

    assert publish.build_site(project, site, ENV) == 0
    assert "Zweite Fassung" in (site / "index.html").read_text("utf-8")
    assert not (site / "stale.html").exists(), "the new build is swapped in whole, not written over the old"
    assert leftovers(project) == []


def test_a_failing_build_leaves_the_published_site_byte_identical(tmp_path: Path) -> None:
    project = tiny_project(tmp_path / "p", "# Erste Fassung\n")
    site = project / "site"
    assert publish.build_site(project, site, ENV) == 0
    before = tree(site)
    # A broken link is a warning, which --strict turns into a failure once every page is written.
    (project / "docs" / "index.md").write_text("# Zweite Fassung\n\n[weg](fehlt.md)\n", "utf-8")

    assert publish.build_site(project, site, ENV) != 0
    assert tree(site) == before
    assert leftovers(project) == []


def test_a_failing_first_build_publishes_nothing(tmp_path: Path) -> None:
    project = tiny_project(tmp_path / "p", "# Seite\n\n[weg](fehlt.md)\n")
    site = project / "site"
    assert publish.build_site(project, site, ENV) != 0
    assert not site.exists()
    assert leftovers(project) == []


def test_when_the_new_site_cannot_be_moved_in_the_old_one_is_put_back(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("published", "utf-8")
    fresh, old = publish.scratch_dirs(site)
    # ``fresh`` was never made: moving it in fails after the old site was moved aside.
    with pytest.raises(OSError):
        publish._swap_in(fresh, site, old)
    assert tree(site) == {"index.html": b"published"}
    assert not old.exists()


def test_scratch_folders_are_hidden_siblings_named_per_process(tmp_path: Path) -> None:
    fresh, old = publish.scratch_dirs(tmp_path / "site")
    assert fresh.parent == old.parent == tmp_path
    assert fresh.name == f".site-new-{os.getpid()}" and old.name == f".site-old-{os.getpid()}"


def test_the_build_runs_in_the_environment_it_is_given(tmp_path: Path) -> None:
    project = tiny_project(tmp_path / "p", "# Seite\n")
    config = project / "mkdocs.yml"
    named = config.read_text("utf-8").replace("site_name: Swap", "site_name: !ENV [SWAP_NAME, Unset]")
    config.write_text(named, "utf-8")
    site = project / "site"
    assert publish.build_site(project, site, {**ENV, "SWAP_NAME": "Gesetzt"}) == 0
    assert "<title>Gesetzt</title>" in (site / "index.html").read_text("utf-8")


def test_source_date_epoch_is_passed_on_or_taken_from_git(tmp_path: Path, monkeypatch) -> None:
    assert publish.source_date_epoch(tmp_path, {"SOURCE_DATE_EPOCH": "123"}) == "123"
    assert publish.source_date_epoch(tmp_path, {}) is None  # not a repository
    git = shutil.which("git")
    if git is None:
        pytest.skip("git is not installed: the build time then comes from SOURCE_DATE_EPOCH only")
    commit_env = {
        **os.environ,
        "GIT_COMMITTER_DATE": "@1700000000 +0000",
        "GIT_AUTHOR_DATE": "@1700000000 +0000",
    }
    for args in (
        ["init", "-q"],
        ["-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "--allow-empty", "-m", "x"],
    ):
        subprocess.run([git, "-C", str(tmp_path), *args], env=commit_env, check=True, capture_output=True)
    assert publish.source_date_epoch(tmp_path, {}) == "1700000000"
    assert publish.build_environment(tmp_path, {})["SOURCE_DATE_EPOCH"] == "1700000000"
    monkeypatch.setattr(shutil, "which", lambda name: None)
    assert "SOURCE_DATE_EPOCH" not in publish.build_environment(tmp_path, {})
    assert publish.build_environment(tmp_path, {})["NO_MKDOCS_2_WARNING"] == "1"
    assert publish.build_environment(tmp_path, {"NO_MKDOCS_2_WARNING": "0"})["NO_MKDOCS_2_WARNING"] == "0"
