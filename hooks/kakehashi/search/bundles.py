"""The search index: Pagefind bundles per language, made beside the build.

Pagefind's extended binary segments Japanese, so 霞ヶ浦 or 防災センター are
found as words and as parts of compounds. Each language has its own bundles
in its own folder (``pagefind/``, ``ja/pagefind/``, ``en/pagefind/``): a reader
searches the pages of their language. Pagefind holds about 90 KB per page in
memory until it writes, and its Japanese dictionary about 340 MB (measured),
so a language of more than ``extra.search_pages_per_bundle`` pages is indexed
in parts (``ja/pagefind-2/``, …), its pages dealt out to them in turn, which
the reader's browser merges into one search (Pagefind's ``mergeIndex``). The parts are made
one after another, as soon as their language's pages are written, while
MkDocs, which uses one core, builds the next language on the other; only the
last language's parts are left to wait for at the end of the build.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from pagefind.service import get_executable

from kakehashi.search.bundle_cache import drop_unused, pagefind_version
from kakehashi.site.urls import search_bundle_path, url_path

USED = "used "  # kakehashi.search.run's lines that name a kept bundle it copied or kept

# The ¶ permalinks beside headings are not words of the page.
EXCLUDE_SELECTORS = ".headerlink"


class SearchIndexError(RuntimeError):
    pass


@dataclass(frozen=True)
class SearchBundle:
    """One Pagefind bundle: where it is written and which pages it holds."""

    path: str  # below the site root, ending in "/": "ja/pagefind-2/"
    pages: tuple[str, ...]  # output paths below the site root: "ja/cycling/x/index.html"
    # A Pagefind glob that names exactly these pages where they are all the
    # language's pages; a part of a language is staged instead (see SearchIndex).
    glob: str | None = None


# Japanese: 340 MB of dictionary + 4,000 × about 110 KB stays under 1 GB.
DEFAULT_PAGES_PER_BUNDLE = 4000


def pages_per_bundle(setting: object) -> int:
    """The ``extra.search_pages_per_bundle`` setting of mkdocs.yml, checked."""
    if setting is None:
        return DEFAULT_PAGES_PER_BUNDLE
    try:
        value = int(str(setting))
    except ValueError:
        value = 0
    if value < 1:
        raise SearchIndexError(
            f"mkdocs.yml, extra.search_pages_per_bundle: {setting!r} is not a number of pages;"
            " give a whole number of at least 1, such as 4000"
        )
    return value


def plan_bundles(lang: str, page_uris: Iterable[str], limit: int) -> list[SearchBundle]:
    """Split one language's pages (output paths below the site root) into bundles.

    Up to ``limit`` pages make one bundle. More are dealt out in
    turn, in path order, to as few bundles as hold them: each part is then a
    sample of every section, so the word statistics Pagefind ranks by are
    alike in all parts and a merged search ranks as one index would.
    """
    if limit < 1:
        raise ValueError(f"a bundle holds at least 1 page, not {limit}")
    first = search_bundle_path(lang)
    pages = sorted(page_uris)
    if len(pages) <= limit:
        return [SearchBundle(first, tuple(pages), language_glob(lang, pages))]
    count = -(-len(pages) // limit)
    return [
        SearchBundle(first if number == 0 else f"{first[:-1]}-{number + 1}/", tuple(pages[number::count]))
        for number in range(count)
    ]


def language_glob(lang: str, pages: Iterable[str]) -> str:
    """A glob of all the pages of a language: its top-level folders and the pages at its root."""
    prefix = url_path("index", lang)  # "" or "ja/"
    parts: set[str] = set()
    for page in pages:
        folder, slash, _ = page[len(prefix) :].partition("/")
        parts.add(f"{prefix}{folder}/**/*.html" if slash else page)
    ordered = sorted(parts)
    return ordered[0] if len(ordered) == 1 else "{" + ",".join(ordered) + "}"


class SearchIndex:
    """The languages' Pagefind bundles, made one language after another while the site is built."""

    def __init__(self, kept_in: Path | None = None) -> None:
        """``kept_in``: a folder where bundles are kept for the next build (see ``bundle_cache``)."""
        binary = get_executable()
        if binary is None:
            raise SearchIndexError("Pagefind was not found: install the project with pip install -e .")
        self._binary = str(binary)
        self._tool = f"{pagefind_version()} {self._binary} {EXCLUDE_SELECTORS}"
        self._kept_in = kept_in
        self._used: set[str] = set()  # the kept bundles this build copied or kept
        self._running: subprocess.Popen | None = None  # kakehashi.search.run, for one language
        self._report: IO[bytes] | None = None  # what it prints

    def add_language(self, site_dir: Path, lang: str, bundles: Sequence[SearchBundle]) -> None:
        """Start making the bundles of ``lang``, whose pages were just written to ``site_dir``.

        Waits only for the previous language's bundles: one Pagefind at a time
        keeps the peak memory at that of one bundle.
        """
        self._finish_running()
        job = {
            "binary": self._binary,
            "tool": self._tool,
            "kept_in": None if self._kept_in is None else str(self._kept_in),
            "site_dir": str(site_dir),
            "lang": lang,
            "bundles": [{"path": b.path, "pages": list(b.pages), "glob": b.glob} for b in bundles],
        }
        # The package as this build imports it (a project's own copy of hooks/ comes first).
        package_root = str(Path(__file__).resolve().parent.parent.parent)
        path = os.pathsep.join(filter(None, (package_root, os.environ.get("PYTHONPATH"))))
        self._report = tempfile.TemporaryFile()  # noqa: SIM115 -- open until the run is waited for
        self._running = subprocess.Popen(
            [sys.executable, "-m", "kakehashi.search.run"],
            stdin=subprocess.PIPE,
            stdout=self._report,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONPATH": path},
        )
        assert self._running.stdin is not None
        with self._running.stdin as stdin:
            stdin.write(json.dumps(job).encode("utf-8"))

    @property
    def busy(self) -> bool:
        """Whether a language's bundles are being made now."""
        return self._running is not None and self._running.poll() is None

    def finish(self) -> None:
        """Wait for the last bundles; drop the kept bundles this build did not use."""
        self._finish_running()
        if self._kept_in is not None:
            drop_unused(self._kept_in, self._used)

    def close(self) -> None:
        """Stop the bundles still being made (after a failed build)."""
        if self._running is not None:
            self._running.terminate()
            self._running.wait()
            self._running = None
        if self._report is not None:
            self._report.close()
            self._report = None

    def _finish_running(self) -> None:
        if self._running is None or self._report is None:
            return
        code = self._running.wait()
        self._report.seek(0)
        lines = self._report.read().decode("utf-8", "replace").splitlines()
        self._report.close()
        self._running = self._report = None
        self._used.update(line.removeprefix(USED) for line in lines if line.startswith(USED))
        if code != 0:
            report = "\n".join(line for line in lines if not line.startswith(USED)).strip()
            raise SearchIndexError(report or f"making the search index failed (exit code {code})")
