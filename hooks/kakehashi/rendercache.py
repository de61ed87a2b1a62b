"""Keep what Python-Markdown made of each page for the next build.

Rendering Markdown to HTML is the largest part of what a page costs MkDocs
(about 1.5 ms a page). A page renders to the same HTML, table of contents and
anchors as long as its Markdown, its place in the site, the site's files,
mkdocs.yml and the packages that render are the same, so the next build takes
them from ``.cache/kakehashi/rendered.sqlite`` instead. A page whose rendering
logged anything (a link to a page that does not exist, an absolute link) is
not kept, so every build reports it again; nor is any page of a build whose
log would not show such messages (``--quiet``) or that does not note the
links to anchors MkDocs checks (``--verbose``). The first build, and the first
after mkdocs.yml or the set of pages changed, renders every page.

Everything here is an optimisation: a cache that cannot be opened, read or
written is left alone and the pages are rendered as without it.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import marshal
import sqlite3
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, get_toc

# What rendering depends on besides the project's own files.
PACKAGES = ("mkdocs", "markdown", "pymdown-extensions", "mkdocs-material", "mkdocs-static-i18n")
# Raised whenever what is kept per page changes.
ENTRY_FORMAT = b"2"
# MkDocs' link checks log here while a page renders, at levels set by `validation:`.
PAGES_LOGGER = logging.getLogger("mkdocs.structure.pages")


class _MessageCounter(logging.Handler):
    """Counts the messages logged while a page renders (MkDocs' link checks among them)."""

    def __init__(self) -> None:
        super().__init__(logging.NOTSET)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def _toc_tokens(items: list[AnchorLink]) -> list[dict]:
    """The headings as Python-Markdown's toc tokens, from which MkDocs makes the page's toc."""
    return [
        {"name": link.title, "id": link.id, "level": link.level, "children": _toc_tokens(link.children)}
        for link in items
    ]


class RenderedPages:
    """The rendered pages of one build (all its languages), read from and written to the cache."""

    def __init__(self, path: Path) -> None:
        self._db: sqlite3.Connection | None = None
        self._context = b""  # what every page of the language being built depends on
        # Only with the log at its usual level are the link checks' messages made
        # (not with --quiet) and the links to anchors noted (not with --verbose).
        self._log_usual = False
        self._writing = True  # false once a write failed: the cache is then only read
        self._seen: set[bytes] = set()  # the keys of this build's pages, to drop all others at the end
        self._messages = _MessageCounter()
        # MkDocs' own messages stay in its logger; any other library's reach the root logger.
        self._loggers = (logging.getLogger("mkdocs"), logging.getLogger())
        for logger in self._loggers:
            logger.addHandler(self._messages)
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
        try:
            digest.update(Path(config.config_file_path).read_bytes())
            digest.update(repr([sys.version, *((name, version(name)) for name in PACKAGES)]).encode())
        except (OSError, PackageNotFoundError):
            self._give_up()
            return
        digest.update(repr((config.use_directory_urls, config.validation)).encode())
        # Links resolve, and warn, by the files that exist.
        digest.update("\0".join(sorted(file.src_uri for file in files)).encode())
        self._context = digest.digest()
        self._log_usual = PAGES_LOGGER.isEnabledFor(logging.INFO) and not PAGES_LOGGER.isEnabledFor(
            logging.DEBUG
        )

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
        messages_before = self._messages.count
        Page.render(page, config, files)
        if self._log_usual and self._messages.count == messages_before:
            self._keep(page, key)

    def finish_language(self) -> None:
        """The language's pages are written: keep what was rendered."""
        if self._db is not None and self._writing:
            try:
                self._db.commit()
            except sqlite3.Error:
                self._stop_writing()

    def finish_build(self) -> None:
        """All languages are written: drop the pages no longer in the site, and close."""
        if self._db is not None and self._writing:
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
            logger.removeHandler(self._messages)
        self._seen.clear()
        self._give_up()

    def _restore(self, page: Page, key: bytes, files: Files) -> bool:
        assert self._db is not None
        try:
            row = self._db.execute("SELECT entry FROM pages WHERE key = ?", (key,)).fetchone()
            if row is None:
                return False
            content, toc_tokens, title, anchor_ids, links = marshal.loads(row[0])
            toc = get_toc(toc_tokens)
            if links is not None:
                links = {files.get_file_from_path(uri): anchors for uri, anchors in links.items()}
                if None in links:
                    return False
        except (sqlite3.Error, ValueError, EOFError, TypeError, KeyError):
            return False
        page.content = content
        page.toc = toc
        page._title_from_render = title
        page.present_anchor_ids = set(anchor_ids)
        page.links_to_anchors = links
        return True

    def _keep(self, page: Page, key: bytes) -> None:
        if self._db is None or not self._writing:
            return
        links = page.links_to_anchors
        entry: Any = (
            page.content,
            _toc_tokens(page.toc.items),
            page._title_from_render,
            sorted(page.present_anchor_ids or ()),
            None if links is None else {file.src_uri: dict(anchors) for file, anchors in links.items()},
        )
        try:
            self._db.execute("INSERT OR REPLACE INTO pages VALUES (?, ?)", (key, marshal.dumps(entry)))
        except (sqlite3.Error, ValueError):
            self._stop_writing()

    def _stop_writing(self) -> None:
        """Another build holds the cache (or the disk is full): go on reading it, write nothing."""
        self._writing = False
        with contextlib.suppress(sqlite3.Error):
            self._db.rollback()  # type: ignore[union-attr]

    def _give_up(self) -> None:
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
        self._db = None
