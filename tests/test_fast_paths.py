"""The build's shortcuts change how fast the site is made, not one byte of it."""

from __future__ import annotations

import contextlib
import re
import sqlite3
import subprocess
from pathlib import Path

from conftest import copy_project, run_mkdocs_build, site_files
from kakehashi.build_state import RENDERED

# `mkdocs build`, reporting how many pages came from the render helper. MkDocs
# waits at its first page not kept until the helper has been through all the
# others, so that the helper renders every page it can (a real build takes
# whatever arrived in time). SWITCH_OFF is put in to build without the shortcuts.
BUILD = """
import atexit, sys
import kakehashi.i18nfiles as files, kakehashi.rendercache as cache
import kakehashi.renderhelper as helper, kakehashi.templatecache as theme
import kakehashi.markdownahead as ahead, kakehashi.languageswitch as switch
import kakehashi.pagewriter as writer
helper.FORK_MIN_PAGES = 0
{switch_off}
counts = {{}}
# Counts under `label` what `owner.name` returns, as `measure` of it.
def count(owner, name, label, measure, before=lambda self: None):
    original = getattr(owner, name)
    counts[label] = 0
    def counting(self, *args):
        before(self)
        result = original(self, *args)
        counts[label] += measure(self, result)
        return result
    setattr(owner, name, counting)
def wait_for_helper(self, result):
    if self._helper is not None:
        self._helper._process.join(120)
        self._helper._reader.join(120)
    return self._helper is not None
count(cache.RenderedPages, "_start_helper", "helpers started", wait_for_helper)
count(helper.RenderHelper, "take", "pages from the helper", lambda self, entry: entry is not None)
count(ahead.MarkdownAhead, "take", "languages made ahead", lambda self, made: made is not None,
      before=lambda self: self._process.join(120))
count(writer.PageWriter, "finish", "pages from the writer", lambda self, result: len(self.pages))
atexit.register(lambda: [print(f"{{label}}: {{n}}", file=sys.stderr) for label, n in counts.items()])
from mkdocs.__main__ import cli
sys.argv[0] = "mkdocs"
cli()
"""
# The theme renders the navigation for every page, static-i18n's own function
# makes every generated page's file and sets every page's language switcher,
# each language build generates its own Markdown, and MkDocs renders and
# writes every page alone.
SWITCH_OFF = (
    "helper.FORK_MIN_PAGES = 10**9\n"
    "switch.use_for = lambda i18n: None\n"
    "theme.cache_theme_parts = lambda env: None\n"
    "files.SIMPLE_KEY = __import__('re').compile('(?!)')\n"
    "cache.HELPER_MIN_PAGES = 10**9"
)


def build(project: Path, site: Path, switch_off: str = "") -> subprocess.CompletedProcess[str]:
    return run_mkdocs_build(project, site, python_args=("-c", BUILD.format(switch_off=switch_off)))


def reported(result: subprocess.CompletedProcess[str], what: str) -> int:
    number = re.search(rf"{what}: (\d+)", result.stderr)
    assert number, result.stderr
    return int(number[1])


def test_the_site_is_byte_identical_to_one_built_without_them(tmp_path: Path) -> None:
    result = build(copy_project(tmp_path / "project"), tmp_path / "site")
    assert result.returncode == 0, result.stderr
    reference = build(copy_project(tmp_path / "reference"), tmp_path / "reference-site", SWITCH_OFF)
    assert reference.returncode == 0, reference.stderr
    built, expected = site_files(tmp_path / "site"), site_files(tmp_path / "reference-site")
    assert len(expected) > 100
    assert built.keys() == expected.keys()
    assert [name for name in expected if built[name] != expected[name]] == []
    # All but the first page of each language came from the helper; none in the reference.
    pages = [name for name in expected if name.endswith("index.html") and "pagefind" not in name]
    assert reported(result, "pages from the helper") == len(pages) - 3
    assert reported(reference, "pages from the helper") == 0
    # The writer wrote half of the pages of the first language at least (for the others it
    # waits while Pagefind indexes the language before).
    assert reported(result, "pages from the writer") >= len(pages) // 6
    assert reported(reference, "pages from the writer") == 0
    # The Markdown of the two languages built after the first was made by the second process.
    assert reported(result, "languages made ahead") == 2
    assert reported(reference, "languages made ahead") == 0


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
    pages = [name for name in pages if "pagefind" not in name]
    with contextlib.closing(sqlite3.connect(project / RENDERED)) as kept:
        assert kept.execute("SELECT count(*) FROM documents").fetchone()[0] == len(pages)
    second = build(project, tmp_path / "second")
    assert second.returncode == 0, second.stderr
    assert reported(second, "helpers started") == 0
    assert site_files(tmp_path / "second") == site_files(tmp_path / "first")


def test_a_writer_that_fails_leaves_its_pages_to_the_build(tmp_path: Path) -> None:
    crash = "writer.PageWriter._write = lambda self, connection: __import__('os')._exit(3)"
    result = build(copy_project(tmp_path / "project"), tmp_path / "site", crash)
    assert result.returncode == 0, result.stderr
    assert reported(result, "pages from the writer") > 0
    reference = build(copy_project(tmp_path / "reference"), tmp_path / "reference-site", SWITCH_OFF)
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
    result = build(project, tmp_path / "site", every_page)
    assert result.returncode == 1
    assert reported(result, "pages from the writer") > 0
    message = "contains a link '#kein-solcher-abschnitt', but there is no such anchor on this page"
    # Logged once, by the build, where --strict counts it.
    assert result.stderr.count(message) == 1, result.stderr
