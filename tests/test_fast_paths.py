"""The build's shortcuts change how fast the site is made, not one byte of it."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from conftest import copy_project, run_mkdocs_build, site_files

# `mkdocs build`, reporting how many pages came from the render helper. MkDocs
# waits at its first page not kept until the helper has been through all the
# others, so that the helper renders every page it can (a real build takes
# whatever arrived in time). SWITCH_OFF is put in to build without the shortcuts.
BUILD = """
import atexit, sys
import kakehashi.i18nfiles as files, kakehashi.rendercache as cache
import kakehashi.renderhelper as helper, kakehashi.templatecache as theme
import kakehashi.markdownahead as ahead, kakehashi.languageswitch as switch
ahead.MIN_PAGES = 0
{switch_off}
started = []
start_helper = cache.RenderedPages._start_helper
def start_helper_and_wait(self, current):
    start_helper(self, current)
    started.append(self._helper is not None)
    if self._helper is not None:
        self._helper._process.join(120)
        self._helper._reader.join(120)
cache.RenderedPages._start_helper = start_helper_and_wait
taken = []
take = helper.RenderHelper.take
def counting_take(self, key):
    entry = take(self, key)
    taken.append(entry is not None)
    return entry
helper.RenderHelper.take = counting_take
taken_ahead = []
take_ahead = ahead.MarkdownAhead.take
def take_ahead_when_made(self, lang):
    self._process.join(120)
    made = take_ahead(self, lang)
    taken_ahead.append(made is not None)
    return made
ahead.MarkdownAhead.take = take_ahead_when_made
atexit.register(lambda: print(f"pages from the helper: {{sum(taken)}}", file=sys.stderr))
atexit.register(lambda: print(f"languages made ahead: {{sum(taken_ahead)}}", file=sys.stderr))
atexit.register(lambda: print(f"helpers started: {{sum(started)}}", file=sys.stderr))
from mkdocs.__main__ import cli
sys.argv[0] = "mkdocs"
cli()
"""
# The theme renders the navigation for every page, static-i18n's own function
# makes every generated page's file and sets every page's language switcher,
# each language build generates its own Markdown, and MkDocs renders every
# page alone.
SWITCH_OFF = (
    "switch.use_for = lambda i18n: None\n"
    "ahead.MIN_PAGES = 10**9\n"
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
    second = build(project, tmp_path / "second")
    assert second.returncode == 0, second.stderr
    assert reported(second, "helpers started") == 0
    assert site_files(tmp_path / "second") == site_files(tmp_path / "first")
