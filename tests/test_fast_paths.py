"""The build's shortcuts change how fast the site is made, not one byte of it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import copy_project

# `mkdocs build`, reporting how many pages the helper process rendered, with the
# shortcuts switched off where SWITCH_OFF is put in.
BUILD = """
import atexit, sys
import kakehashi.i18nfiles as files, kakehashi.rendercache as cache
import kakehashi.renderhelper as helper, kakehashi.templatecache as theme
{switch_off}
taken = []
take = helper.RenderHelper.take
def counting_take(self, key):
    entry = take(self, key)
    taken.append(entry is not None)
    return entry
helper.RenderHelper.take = counting_take
atexit.register(lambda: print(f"pages from the helper: {{sum(taken)}}", file=sys.stderr))
from mkdocs.__main__ import cli
sys.argv[0] = "mkdocs"
cli()
"""
# The theme renders the navigation for every page, static-i18n makes every
# per-language file itself, and MkDocs renders every page alone.
SWITCH_OFF = (
    "theme.cache_theme_parts = lambda env: None\n"
    "files.use_for_static_i18n = lambda: None\n"
    "cache.HELPER_MIN_PAGES = 10**9"
)


def build(project: Path, site: Path, switch_off: str = "") -> tuple[dict[str, bytes], int]:
    """All files of a strict build from nothing, and the number of pages the helper rendered."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1764201600"}
    script = BUILD.format(switch_off=switch_off)
    result = subprocess.run(
        [sys.executable, "-c", script, "build", "--strict", "--site-dir", str(site)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    helped = re.search(r"pages from the helper: (\d+)", result.stderr)
    assert helped, result.stderr
    files = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    return files, int(helped[1])


def test_the_site_is_byte_identical_to_one_built_without_them(tmp_path: Path) -> None:
    built, helped = build(copy_project(tmp_path / "project"), tmp_path / "site")
    expected, unhelped = build(copy_project(tmp_path / "reference"), tmp_path / "reference-site", SWITCH_OFF)
    assert len(expected) > 100
    assert built.keys() == expected.keys()
    assert [name for name in expected if built[name] != expected[name]] == []
    # Both cores rendered pages in the first build, one in the reference.
    assert helped > 0
    assert unhelped == 0
