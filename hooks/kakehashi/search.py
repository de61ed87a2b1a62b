"""The search index: Pagefind over the built site, one index per ``<html lang>``.

Pagefind's extended binary segments Japanese, so 霞ヶ浦 or 防災センター are
found as words and as parts of compounds. It runs as a service process beside
the build: each language's folder is handed to it as soon as that language is
written, so Pagefind indexes on the second core while MkDocs, which uses one,
builds the next language. The bundle is written once all languages are in.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import json
import threading
from collections.abc import Collection
from pathlib import Path

from pagefind.index import IndexConfig, PagefindIndex

# Written by the theme or by Pagefind, not pages of a language.
NOT_PAGES = {"assets", "pagefind"}


class SearchIndexError(RuntimeError):
    pass


class SearchIndex:
    """A Pagefind index filled one language folder at a time while the site is built."""

    def __init__(self) -> None:
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="pagefind", daemon=True)
        self._thread.start()
        # The ¶ permalinks beside headings are not words of the page.
        config = IndexConfig(exclude_selectors=[".headerlink"])
        self._index = PagefindIndex(config)
        self._pending: list[concurrent.futures.Future] = []
        self.languages: set[str] = set()  # the languages handed over so far
        self._wait(self._submit(self._index.__aenter__()))

    def _submit(self, coroutine) -> concurrent.futures.Future:
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop)

    def _wait(self, future: concurrent.futures.Future):
        try:
            return future.result()
        except Exception as error:
            self.close()
            raise SearchIndexError(f"Pagefind failed: {error}") from error

    def add_language(self, site_dir: Path, lang: str, default: str, languages: Collection[str]) -> None:
        """Start indexing the pages of ``lang`` just written to ``site_dir``; does not wait."""
        glob = language_glob(site_dir, lang, default, languages)
        self._pending.append(self._submit(self._index.add_directory(path=str(site_dir), glob=glob)))
        self.languages.add(lang)

    def write(self, site_dir: Path) -> None:
        """Wait for the languages, write the bundle to ``site_dir/pagefind`` and stop the service."""
        try:
            for future in self._pending:
                self._wait(future)
            self._wait(self._submit(self._index.write_files(output_path=str(site_dir / "pagefind"))))
        finally:
            self.close()
        _sort_languages(site_dir / "pagefind" / "pagefind-entry.json")

    def close(self) -> None:
        """Stop the service without writing (also after a failed build)."""
        if not self._thread.is_alive():
            return
        for future in self._pending:
            future.cancel()
        service = self._index._service  # the API closes it only from its context manager
        if service is not None:
            # Stopping, perhaps after a failure that is reported already: nothing left to say.
            with contextlib.suppress(Exception):
                self._submit(service.close()).result(timeout=30)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=30)


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


def _sort_languages(entry_file: Path) -> None:
    """Pagefind lists the languages of its entry file in a different order on every
    run; sorted, two builds of the same sources are byte-identical. Its UI looks
    languages up by name, so the order means nothing to it."""
    entry = json.loads(entry_file.read_text("utf-8"))
    entry["languages"] = dict(sorted(entry["languages"].items()))
    entry_file.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), "utf-8")
