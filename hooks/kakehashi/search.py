"""The search index: one Pagefind bundle per language, made beside the build.

Pagefind's extended binary segments Japanese, so 霞ヶ浦 or 防災センター are
found as words and as parts of compounds. Each language has its own bundle in
its own folder (``pagefind/``, ``ja/pagefind/``, ``en/pagefind/``): a reader
searches the pages of their language, and Pagefind holds about 90 KB per page
in memory until it writes (measured), so indexing one language at a time
needs a third of the memory of one bundle for all. A bundle is made by a
Pagefind process as soon as its language's pages are written, while MkDocs,
which uses one core, builds the next language on the other; only the last
language's bundle is left to wait for at the end of the build.
"""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Collection
from pathlib import Path
from typing import IO

from pagefind.service import get_executable

from .pages import search_bundle_path

# Written by the theme or by Pagefind, not pages of a language.
NOT_PAGES = {"assets", "pagefind"}
# The ¶ permalinks beside headings are not words of the page.
EXCLUDE_SELECTORS = ".headerlink"


class SearchIndexError(RuntimeError):
    pass


class SearchIndex:
    """The languages' Pagefind bundles, made one after another while the site is built."""

    def __init__(self) -> None:
        binary = get_executable()
        if binary is None:
            raise SearchIndexError("Pagefind was not found: install the project with pip install -e .")
        self._binary = str(binary)
        self._running: tuple[subprocess.Popen, IO[bytes], str] | None = None
        self.languages: set[str] = set()  # the languages handed over so far

    def add_language(self, site_dir: Path, lang: str, default: str, languages: Collection[str]) -> None:
        """Start making the bundle of ``lang``, just written to ``site_dir``.

        Waits only for the previous language's bundle: one Pagefind at a time
        keeps the peak memory at that of one language.
        """
        self._finish_running()
        output = tempfile.TemporaryFile()  # noqa: SIM115 - outlives this call; closed when the bundle is done
        command = [
            self._binary,
            "--site",
            str(site_dir),
            "--glob",
            language_glob(site_dir, lang, default, languages),
            "--output-path",
            str(site_dir / search_bundle_path(lang)),
            "--exclude-selectors",
            EXCLUDE_SELECTORS,
        ]
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=output, stderr=subprocess.STDOUT)
        self._running = (process, output, lang)
        self.languages.add(lang)

    def finish(self) -> None:
        """Wait for the last bundle."""
        self._finish_running()

    def close(self) -> None:
        """Stop a bundle still being made (after a failed build)."""
        if self._running is None:
            return
        process, output, _ = self._running
        self._running = None
        process.terminate()
        process.wait()
        output.close()

    def _finish_running(self) -> None:
        if self._running is None:
            return
        process, output, lang = self._running
        self._running = None
        code = process.wait()
        output.seek(0)
        report = output.read().decode("utf-8", "replace").strip()
        output.close()
        if code != 0:
            raise SearchIndexError(f"Pagefind failed on the {lang} pages (exit code {code}):\n{report}")


def language_glob(site_dir: Path, lang: str, default: str, languages: Collection[str]) -> str:
    """The pages of one language: its folder, or for the default language the site's root
    without the other languages' folders."""
    if lang != default:
        return f"{lang}/**/*.html"
    parts = []
    for entry in sorted(site_dir.iterdir()):
        if entry.is_dir() and entry.name not in NOT_PAGES and entry.name not in languages:
            parts.append(f"{entry.name}/**/*.html")
        elif entry.suffix == ".html":
            parts.append(entry.name)
    return "{" + ",".join(parts) + "}"
