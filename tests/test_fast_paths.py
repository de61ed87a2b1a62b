"""The build's shortcuts change how fast the site is made, not one byte of it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

# A build with the theme rendering the navigation for every page and static-i18n
# making every per-language file itself, as without the shortcuts.
WITHOUT_SHORTCUTS = (
    "import sys, kakehashi.templatecache as theme, kakehashi.i18nfiles as files; "
    "theme.cache_theme_parts = lambda env: None; files.use_for_static_i18n = lambda: None; "
    "from mkdocs.__main__ import cli; sys.argv[0] = 'mkdocs'; cli()"
)


def site_files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_the_site_is_byte_identical_to_one_built_without_the_shortcuts(
    built_site: Path, tmp_path: Path
) -> None:
    reference = tmp_path / "reference"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1764201600"}
    result = subprocess.run(
        [sys.executable, "-c", WITHOUT_SHORTCUTS, "build", "--strict", "--site-dir", str(reference)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    built, expected = site_files(built_site), site_files(reference)
    assert len(expected) > 100
    assert built.keys() == expected.keys()
    assert [name for name in expected if built[name] != expected[name]] == []
