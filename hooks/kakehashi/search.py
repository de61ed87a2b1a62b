"""The search index: Pagefind over the built site, one index per ``<html lang>``.

Pagefind's extended binary segments Japanese, so 霞ヶ浦 or 防災センター are
found as words and as parts of compounds.
"""

from __future__ import annotations

import json
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
    _sort_languages(site_dir / "pagefind" / "pagefind-entry.json")


def _sort_languages(entry_file: Path) -> None:
    """Pagefind lists the languages of its entry file in a different order on every
    run; sorted, two builds of the same sources are byte-identical. Its UI looks
    languages up by name, so the order means nothing to it."""
    entry = json.loads(entry_file.read_text("utf-8"))
    entry["languages"] = dict(sorted(entry["languages"].items()))
    entry_file.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), "utf-8")
