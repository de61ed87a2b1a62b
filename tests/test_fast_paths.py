"""The build's shortcuts change how fast the site is made, not one byte of it."""

from __future__ import annotations

import contextlib
import re
import sqlite3
import subprocess
from pathlib import Path

from conftest import copy_project, is_page, run_mkdocs_build, site_files
from kakehashi.mkdocs_adapter.build_state import RENDERED

# `mkdocs build`, reporting how often each speed-up ran. MkDocs waits at its
# first page not in the cache until the helper has been through all the others,
# so that the helper renders every page it can (a real build takes whatever
# arrived in time). Forks are allowed for any number of pages, so that this
# small site takes every speed-up; KAKEHASHI_SPEEDUPS=off builds the reference.
# Each name patched or counted is checked to exist, so that a renamed module or
# function fails here instead of turning the comparison into one of the
# shortcut with itself.
BUILD = """
import atexit, sys
from mkdocs_static_i18n import suffix
import kakehashi.mkdocs_adapter.i18n_files as files
import kakehashi.mkdocs_adapter.speedups.download_cache as downloads
import kakehashi.mkdocs_adapter.speedups.forks as forks
import kakehashi.mkdocs_adapter.speedups.generated_source as source
import kakehashi.mkdocs_adapter.speedups.html_cache as cache
import kakehashi.mkdocs_adapter.speedups.language_switch as switch
import kakehashi.mkdocs_adapter.speedups.markdown_prefetch as prefetch
import kakehashi.mkdocs_adapter.speedups.page_shell_cache as shells
import kakehashi.mkdocs_adapter.speedups.page_writer as writer
import kakehashi.mkdocs_adapter.speedups.render_helper as helper
import kakehashi.mkdocs_adapter.speedups.theme_memo as theme
import kakehashi.sources.record_cache as records
assert isinstance(forks.FORK_MIN_PAGES, int)
forks.FORK_MIN_PAGES = 0
# SETUP
counts = {}
# Counts under `label` what `owner.name` returns, as `measure` of it.
def count(owner, name, label, measure=lambda *args: 1, before=lambda *args: None):
    original = getattr(owner, name)  # AttributeError where it was renamed
    counts[label] = 0
    def counting(*args, **kwargs):
        before(*args)
        result = original(*args, **kwargs)
        counts[label] += measure(*args, result)
        return result
    setattr(owner, name, counting)
def wait_for_helper(self, current, result):
    if self._helper is not None:
        self._helper._process.join(120)
        self._helper._reader.join(120)
    return self._helper is not None
count(cache.HtmlCache, "_start_helper", "helpers started", wait_for_helper)
count(cache.HtmlCache, "start_language", "languages through the page cache")
count(helper.RenderHelper, "take", "pages from the helper", lambda self, key, entry: entry is not None)
count(prefetch.MarkdownPrefetch, "take", "languages made ahead", lambda self, lang, made: made is not None,
      before=lambda self, lang: self._process.join(120))
count(writer.ForkedPageWriter, "finish", "pages from the writer", lambda self, result: len(self.pages))
count(records.RecordCache, "read", "files through the record cache")
count(source, "read_source", "sources read by the shortcut")
count(switch, "set_page_links", "switchers set by the shortcut")
count(theme, "navigation_links", "navigations memoized")
count(suffix, "create_i18n_file", "files made by static-i18n")
count(downloads.DownloadCache, "save", "downloads kept for the next build")
count(shells, "pack", "page shells kept")
count(downloads.DownloadCache, "load", "downloads taken from the last build",
      lambda self, kept: kept is not None)
atexit.register(lambda: [print(f"{label}: {n}", file=sys.stderr) for label, n in counts.items()])
from mkdocs.__main__ import cli
sys.argv[0] = "mkdocs"
cli()
"""
# What each speed-up does when it runs (and no reference build may do).
SPEEDUP_COUNTS = (
    "helpers started",
    "languages through the page cache",
    "pages from the helper",
    "languages made ahead",
    "pages from the writer",
    "files through the record cache",
    "sources read by the shortcut",
    "switchers set by the shortcut",
    "navigations memoized",
    "downloads kept for the next build",
)
SPEEDUPS_OFF = {"KAKEHASHI_SPEEDUPS": "off"}


def build(
    project: Path, site: Path, env: dict[str, str] | None = None, setup: str = ""
) -> subprocess.CompletedProcess[str]:
    """The build above; ``setup`` is code run before MkDocs (to make a speed-up fail, say)."""
    script = BUILD.replace("# SETUP\n", setup + "\n")
    return run_mkdocs_build(project, site, extra_env=env, python_args=("-c", script))


def reported(result: subprocess.CompletedProcess[str], what: str) -> int:
    number = re.search(rf"{what}: (\d+)", result.stderr)
    assert number, result.stderr
    return int(number[1])


def test_the_site_is_byte_identical_to_one_built_without_them(tmp_path: Path) -> None:
    result = build(copy_project(tmp_path / "project"), tmp_path / "site")
    assert result.returncode == 0, result.stderr
    reference_project = copy_project(tmp_path / "reference")
    reference = build(reference_project, tmp_path / "reference-site", SPEEDUPS_OFF)
    assert reference.returncode == 0, reference.stderr
    built, expected = site_files(tmp_path / "site"), site_files(tmp_path / "reference-site")
    assert len(expected) > 100
    assert built.keys() == expected.keys()
    assert [name for name in expected if built[name] != expected[name]] == []
    # All but the first page of each language came from the helper; none in the reference.
    pages = [name for name in expected if name.endswith("index.html") and is_page(name)]
    assert reported(result, "pages from the helper") == len(pages) - 3
    assert reported(reference, "pages from the helper") == 0
    # The writer wrote half of the pages of the first language at least (for the others it
    # waits while Pagefind indexes the language before).
    assert reported(result, "pages from the writer") >= len(pages) // 6
    assert reported(reference, "pages from the writer") == 0
    # The Markdown of the two languages built after the first was made by the second process.
    assert reported(result, "languages made ahead") == 2
    # Every speed-up ran in the build, none in the reference: no cache was even made there.
    ran = {what: reported(result, what) > 0 for what in SPEEDUP_COUNTS}
    assert ran == dict.fromkeys(SPEEDUP_COUNTS, True)
    assert {what: reported(reference, what) for what in SPEEDUP_COUNTS} == dict.fromkeys(SPEEDUP_COUNTS, 0)
    assert reported(result, "files made by static-i18n") < reported(reference, "files made by static-i18n")
    assert (tmp_path / "project" / ".cache").is_dir()
    assert not (reference_project / ".cache").exists()


def test_a_page_the_helper_renders_with_a_broken_link_fails_the_strict_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    page = project / "content" / "de" / "partnership.md"
    page.write_text(page.read_text("utf-8") + "\n[Programm](programm.md)\n", "utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "programm.md" in result.stderr
    # The helper rendered it too, and left it to MkDocs because rendering it warned.
    assert reported(result, "pages from the helper") > 0


def test_a_build_that_finds_every_page_kept_starts_no_helper(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    first = build(project, tmp_path / "first")
    assert first.returncode == 0, first.stderr
    assert reported(first, "helpers started") == 3  # one per language
    # Every page's document is kept, those the writer made too (it hands them to the build).
    assert reported(first, "pages from the writer") > 0
    pages = [name for name in site_files(tmp_path / "first") if name.endswith("index.html")]
    pages = [name for name in pages if is_page(name)]
    with contextlib.closing(sqlite3.connect(project / RENDERED)) as kept:
        assert kept.execute("SELECT count(*) FROM documents").fetchone()[0] == len(pages)
    assert reported(first, "downloads taken from the last build") == 0
    second = build(project, tmp_path / "second")
    assert second.returncode == 0, second.stderr
    assert reported(second, "helpers started") == 0
    # Nor did the theme write any page: every page's shell was kept (a setting whose text
    # changes from build to build, such as an object's address, would make each one anew).
    assert reported(first, "page shells kept") > 0  # the writer's process keeps the rest
    assert reported(second, "page shells kept") == 0
    # The sitemap, feeds and data files too: the inputs are those of the first build.
    assert reported(second, "downloads taken from the last build") == 1
    assert reported(second, "downloads kept for the next build") == 0
    assert site_files(tmp_path / "second") == site_files(tmp_path / "first")


def test_an_edit_of_the_data_makes_the_downloads_anew(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    first = build(project, tmp_path / "first")
    assert first.returncode == 0, first.stderr
    data = project / "data" / "cycling.yml"
    text = data.read_text("utf-8")
    assert text.count("Springorum-Trasse") > 1
    data.write_text(text.replace("Springorum-Trasse", "Springorum-TRASSE"), "utf-8")
    second = build(project, tmp_path / "second")
    assert second.returncode == 0, second.stderr
    assert reported(second, "downloads taken from the last build") == 0
    assert reported(second, "downloads kept for the next build") == 1
    for name in ("data/cycling.json", "data/cycling.csv", "data/cycling.geojson"):
        made = (tmp_path / "second" / name).read_text("utf-8-sig")
        assert "Springorum-TRASSE" in made and "Springorum-Trasse" not in made, name
    # A setting the files name: the data's licence.
    settings = project / "mkdocs.yml"
    licence = "name: CC BY 4.0\n    url: https://creativecommons.org/licenses/by/4.0/"
    assert licence in settings.read_text("utf-8")
    cc0 = "name: CC0 1.0\n    url: https://creativecommons.org/publicdomain/zero/1.0/"
    settings.write_text(settings.read_text("utf-8").replace(licence, cc0), "utf-8")
    third = build(project, tmp_path / "third")
    assert third.returncode == 0, third.stderr
    assert reported(third, "downloads taken from the last build") == 0
    assert "CC0 1.0" in (tmp_path / "third" / "data" / "cycling.csv").read_text("utf-8-sig")


def test_a_writer_that_fails_leaves_its_pages_to_the_build(tmp_path: Path) -> None:
    crash = "writer.ForkedPageWriter._write = lambda self, connection: __import__('os')._exit(3)"
    result = build(copy_project(tmp_path / "project"), tmp_path / "site", setup=crash)
    assert result.returncode == 0, result.stderr
    assert reported(result, "pages from the writer") > 0
    reference_project = copy_project(tmp_path / "reference")
    reference = build(reference_project, tmp_path / "reference-site", SPEEDUPS_OFF)
    assert reference.returncode == 0, reference.stderr
    assert site_files(tmp_path / "site") == site_files(tmp_path / "reference-site")


def test_a_warning_about_a_page_the_writer_wrote_fails_the_strict_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    settings = project / "mkdocs.yml"
    settings.write_text(
        settings.read_text("utf-8").replace("validation:\n", "validation:\n  anchors: warn\n"), "utf-8"
    )
    page = project / "content" / "de" / "partnership.md"
    page.write_text(page.read_text("utf-8") + "\n[Programm](#kein-solcher-abschnitt)\n", "utf-8")
    every_page = "writer.share = lambda pages: pages"
    result = build(project, tmp_path / "site", setup=every_page)
    assert result.returncode == 1
    assert reported(result, "pages from the writer") > 0
    message = "contains a link '#kein-solcher-abschnitt', but there is no such anchor on this page"
    # Logged once, by the build, where --strict counts it.
    assert result.stderr.count(message) == 1, result.stderr
