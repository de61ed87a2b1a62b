"""The search index: Pagefind over the built site, one index per ``<html lang>``.

Pagefind's extended binary segments Japanese, so 霞ヶ浦 or 防災センター are
found as words and as parts of compounds.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


class SearchIndexError(RuntimeError):
    pass


def build_search_index(site_dir: Path) -> None:
    """Index ``site_dir`` into ``site_dir/pagefind``; raise with Pagefind's output on failure."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pagefind",
            "--site",
            str(site_dir),
            "--quiet",
            # The ¶ permalinks beside headings are not words of the page.
            "--exclude-selectors",
            ".headerlink",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SearchIndexError(f"Pagefind failed:\n{result.stdout}{result.stderr}")
