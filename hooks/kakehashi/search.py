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

import os
import shutil
import subprocess
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pagefind.service import get_executable

from .pages import search_bundle_path, url_path
from .searchcache import KeptBundles, pagefind_version

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


def stage_pages(site_dir: Path, pages: Iterable[str], staging: Path) -> None:
    """Link ``pages`` (paths below ``site_dir``) into ``staging`` at the same paths."""
    shutil.rmtree(staging, ignore_errors=True)
    for page in pages:
        target = staging / page
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(site_dir / page, target)
        except OSError:  # a file system without hard links
            shutil.copyfile(site_dir / page, target)


class SearchIndex:
    """The languages' Pagefind bundles, made one after another while the site is built."""

    def __init__(self, kept_in: Path | None = None) -> None:
        """``kept_in``: a folder where bundles are kept for the next build (see ``searchcache``)."""
        binary = get_executable()
        if binary is None:
            raise SearchIndexError("Pagefind was not found: install the project with pip install -e .")
        self._binary = str(binary)
        tool = f"{pagefind_version()} {self._binary} {EXCLUDE_SELECTORS}"
        self._kept = KeptBundles(kept_in, tool) if kept_in is not None else None
        self._running: threading.Thread | None = None
        self._failure: str | None = None
        self._stopping = threading.Event()
        self._process: subprocess.Popen | None = None

    def add_language(self, site_dir: Path, lang: str, bundles: Sequence[SearchBundle]) -> None:
        """Start making the bundles of ``lang``, whose pages were just written to ``site_dir``.

        Waits only for the previous language's bundles: one Pagefind at a time
        keeps the peak memory at that of one bundle.
        """
        self._finish_running()
        self._running = threading.Thread(
            target=self._run, args=(site_dir, bundles, lang), name=f"pagefind-{lang}", daemon=True
        )
        self._running.start()

    def finish(self) -> None:
        """Wait for the last bundles."""
        self._finish_running()
        if self._kept is not None:
            self._kept.drop_unused()

    def close(self) -> None:
        """Stop the bundles still being made (after a failed build)."""
        self._stopping.set()
        process = self._process
        if process is not None:
            process.terminate()
        if self._running is not None:
            self._running.join()
            self._running = None

    def _run(self, site_dir: Path, bundles: Sequence[SearchBundle], lang: str) -> None:
        for bundle in bundles:
            if self._stopping.is_set():
                return
            output, kept = site_dir / bundle.path, self._kept
            key = kept.key(site_dir, bundle.path, bundle.glob, bundle.pages) if kept else None
            if kept and key and kept.restore(key, output):
                continue
            if bundle.glob is not None:
                code, report = self._pagefind(site_dir, bundle.glob, output)
            else:
                # Pagefind takes the pages of a part from a folder of its own, where
                # they are linked at their paths below the site root (so their URLs
                # stay the same); a glob of thousands of paths would not do.
                staging = site_dir / f".search-{bundle.path.strip('/').replace('/', '-')}"
                try:
                    stage_pages(site_dir, bundle.pages, staging)
                    code, report = self._pagefind(staging, "**/*.html", output)
                finally:
                    shutil.rmtree(staging, ignore_errors=True)
            if code != 0 and not self._stopping.is_set():
                self._failure = f"Pagefind failed on the {lang} pages (exit code {code}):\n{report}"
                return
            if kept and key and code == 0:
                kept.keep(key, output)

    def _pagefind(self, site: Path, glob: str, output: Path) -> tuple[int, str]:
        command = [
            self._binary,
            "--site",
            str(site),
            "--glob",
            glob,
            "--output-path",
            str(output),
            "--exclude-selectors",
            EXCLUDE_SELECTORS,
        ]
        self._process = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
        )
        report, _ = self._process.communicate()
        code, self._process = self._process.returncode, None
        return code, report.decode("utf-8", "replace").strip()

    def _finish_running(self) -> None:
        if self._running is None:
            return
        self._running.join()
        self._running = None
        if self._failure:
            failure, self._failure = self._failure, None
            raise SearchIndexError(failure)
