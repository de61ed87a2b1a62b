"""Keep what Python-Markdown made of each page for the next build.

Rendering Markdown to HTML is the largest part of what a page costs MkDocs
(about 1.5 ms a page). A page renders to the same HTML, table of contents and
anchors as long as its Markdown, its place in the site, the site's files,
mkdocs.yml and the Markdown packages are the same, so the next build takes
them from ``.cache/kakehashi/rendered.sqlite`` instead. A page whose rendering
logged a warning (a link to a page that does not exist) is not kept: every
build reports it again. The first build, and the first after mkdocs.yml or the
set of pages changed, renders every page.

Everything here is an optimisation: a cache that cannot be opened, read or
written is left alone and the pages are rendered as without it.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import marshal
import sqlite3
from importlib.metadata import version
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents

# What rendering depends on besides the project's own files.
PACKAGES = ("mkdocs", "markdown", "pymdown-extensions", "mkdocs-material")
# Raised whenever what is kept per page changes.
ENTRY_FORMAT = b"1"

Toc = list[tuple[str, str, int, list]]  # (title, id, level, children) per heading


class _WarningCounter(logging.Handler):
    """Counts the warnings logged while a page renders (MkDocs' broken-link warnings among them)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def _toc_entries(items: list[AnchorLink]) -> Toc:
    return [(a.title, a.id, a.level, _toc_entries(a.children)) for a in items]


def _anchor_links(entries: Toc) -> list[AnchorLink]:
    links = []
    for title, anchor_id, level, children in entries:
        link = AnchorLink(title, anchor_id, level)
        link.children = _anchor_links(children)
        links.append(link)
    return links


class RenderedPages:
    """The rendered pages of one build (all its languages), read from and written to the cache."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._db: sqlite3.Connection | None = None
        self._context = b""  # what every page of the language being built depends on
        self._seen: set[bytes] = set()  # the keys of this build's pages, to drop all others at the end
        self._warnings = _WarningCounter()
        # MkDocs' own messages stay in its logger; any other library's reach the root logger.
        self._loggers = (logging.getLogger("mkdocs"), logging.getLogger())
        for logger in self._loggers:
            logger.addHandler(self._warnings)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(path, timeout=10)
            # Readers do not wait for a build that writes (a second build, `mkdocs serve`).
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("CREATE TABLE IF NOT EXISTS pages (key BLOB PRIMARY KEY, entry BLOB NOT NULL)")
        except (OSError, sqlite3.Error):
            self._give_up()

    def start_language(self, config: MkDocsConfig, files: Files) -> None:
        """Note what any page of this language build depends on besides its own Markdown."""
        digest = hashlib.blake2b(ENTRY_FORMAT, digest_size=16)
        digest.update(Path(config.config_file_path).read_bytes())
        digest.update(repr([(name, version(name)) for name in PACKAGES]).encode())
        digest.update(repr((config.use_directory_urls, config.validation)).encode())
        # Links resolve, and warn, by the files that exist.
        digest.update("\0".join(sorted(file.src_uri for file in files)).encode())
        self._context = digest.digest()

    def attach(self, page: Page) -> None:
        """Render ``page`` through the cache when MkDocs renders it."""
        page.render = lambda config, files: self.render(page, config, files)  # type: ignore[method-assign]

    def render(self, page: Page, config: MkDocsConfig, files: Files) -> None:
        """What :meth:`Page.render` does, from the cache where the page is in it."""
        if self._db is None or page.markdown is None:
            Page.render(page, config, files)
            return
        key = hashlib.blake2b(
            b"\0".join((self._context, page.file.src_uri.encode(), page.markdown.encode())), digest_size=16
        ).digest()
        self._seen.add(key)
        if self._restore(page, key, files):
            return
        warnings_before = self._warnings.count
        Page.render(page, config, files)
        if self._warnings.count == warnings_before:
            self._keep(page, key)

    def finish_language(self) -> None:
        """The language's pages are written: keep what was rendered."""
        if self._db is not None:
            try:
                self._db.commit()
            except sqlite3.Error:
                self._give_up()

    def finish_build(self) -> None:
        """All languages are written: drop the pages no longer in the site, and close."""
        if self._db is not None:
            try:
                self._db.execute("CREATE TEMP TABLE seen (key BLOB PRIMARY KEY)")
                self._db.executemany("INSERT INTO seen VALUES (?)", ((key,) for key in self._seen))
                self._db.execute("DELETE FROM pages WHERE key NOT IN (SELECT key FROM seen)")
                self._db.commit()
            except sqlite3.Error:
                pass  # the unused pages are dropped after another build
        self.close()

    def close(self) -> None:
        """Stop without dropping anything (a build that failed)."""
        for logger in self._loggers:
            logger.removeHandler(self._warnings)
        self._give_up()

    def _restore(self, page: Page, key: bytes, files: Files) -> bool:
        assert self._db is not None
        try:
            row = self._db.execute("SELECT entry FROM pages WHERE key = ?", (key,)).fetchone()
            if row is None:
                return False
            content, toc, title, anchor_ids, links = marshal.loads(row[0])
        except (sqlite3.Error, ValueError, EOFError, TypeError):
            return False
        if links is not None:
            linked = {files.get_file_from_path(uri): anchors for uri, anchors in links.items()}
            if None in linked:
                return False
            links = linked
        page.content = content
        page.toc = TableOfContents(_anchor_links(toc))
        page._title_from_render = title
        page.present_anchor_ids = set(anchor_ids)
        page.links_to_anchors = links
        return True

    def _keep(self, page: Page, key: bytes) -> None:
        assert self._db is not None
        links = page.links_to_anchors
        entry: Any = (
            page.content,
            _toc_entries(page.toc.items),
            page._title_from_render,
            sorted(page.present_anchor_ids or ()),
            None if links is None else {file.src_uri: dict(anchors) for file, anchors in links.items()},
        )
        try:
            self._db.execute("INSERT OR REPLACE INTO pages VALUES (?, ?)", (key, marshal.dumps(entry)))
        except (sqlite3.Error, ValueError):
            self._give_up()

    def _give_up(self) -> None:
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
        self._db = None
