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

When a language's build meets a page that is not kept, a second process starts
rendering the pages after it from the last one back (``render_helper``): a
build from nothing, or after mkdocs.yml changed, uses both cores for the
Markdown, and a build that finds every page kept starts no process.

The same database keeps what the theme wrote around each page's content
(``page_shell_cache``, table ``documents``), and drops it with the pages. The
page writer (``page_writer``), a fork of the build, reads it through a
connection of its own and hands what it would store back to the build, which
alone writes to it.

Everything here is an optimisation: a cache that cannot be opened, read or
written is left alone and the pages are rendered as without it.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import logging
import marshal
import signal
import sqlite3
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from mkdocs.commands.build import _populate_page
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, get_toc

from kakehashi.base.speedups import stand_down
from kakehashi.mkdocs_adapter import raw_html
from kakehashi.mkdocs_adapter.speedups.forks import BUILD_LOGGERS, fork_is_safe
from kakehashi.mkdocs_adapter.speedups.render_helper import RenderHelper, send

# What rendering depends on besides the project's own files.
PACKAGES = ("mkdocs", "markdown", "pymdown-extensions", "mkdocs-material", "mkdocs-static-i18n")
# Raised whenever what is kept per page changes.
ENTRY_FORMAT = b"2"
# MkDocs' link checks log here while a page renders, at levels set by `validation:`.
PAGES_LOGGER = logging.getLogger("mkdocs.structure.pages")
# Starting and stopping the helper process costs about 8 ms (more for a large
# build), a page about 1.5 ms to render: it is started only where it can take
# over a good number of pages.
HELPER_MIN_PAGES = 40
# The share of the cache's file left free by dropped entries at which it is compacted.
SHRINK_AT_FREE_SHARE = 0.25


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


class HtmlCache:
    """The rendered pages of one build (all its languages), read from and written to the cache."""

    def __init__(self, path: Path) -> None:
        self._db: sqlite3.Connection | None = None
        self._context = b""  # what every page of the language being built depends on
        # Only with the log at its usual level are the link checks' messages made
        # (not with --quiet) and the links to anchors noted (not with --verbose).
        self._log_usual = False
        self._writing = True  # false once a write failed: the cache is then only read
        # The keys of this build's pages and documents, to drop all others at the end.
        self._seen: dict[str, set[bytes]] = {"pages": set(), "documents": set()}
        self._kept: set[bytes] | None = None  # the keys in the cache when the first helper started
        # The pages the helper may take on (with the config and files to render them), until it starts.
        self._to_help: tuple[list[Page], MkDocsConfig, Files] | None = None
        self._helper: RenderHelper | None = None
        self._messages = _MessageCounter()
        self._path = path
        # In a forked page writer (see serve_a_fork): what it would store, handed back to the build.
        self._handed_back: list[tuple[str, bytes, bytes]] | None = None
        self._inherited: sqlite3.Connection | None = None
        self._loggers = tuple(logging.getLogger(name) for name in BUILD_LOGGERS)
        for logger in self._loggers:
            logger.addHandler(self._messages)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(path, timeout=10)
            # Readers do not wait for a build that writes (a second build, `mkdocs serve`).
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("CREATE TABLE IF NOT EXISTS pages (key BLOB PRIMARY KEY, entry BLOB NOT NULL)")
            # What the theme wrote around each page's content (page_shell_cache).
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS documents (key BLOB PRIMARY KEY, entry BLOB NOT NULL)"
            )
        except (OSError, sqlite3.Error) as error:
            stand_down("the page cache", f"{path} cannot be opened ({error})")
            self._give_up()

    def start_language(self, config: MkDocsConfig, files: Files) -> None:
        """Note what any page of this language build depends on besides its own Markdown."""
        digest = hashlib.blake2b(ENTRY_FORMAT, digest_size=16)
        try:
            digest.update(Path(config.config_file_path).read_bytes())
            digest.update(Path(raw_html.__file__).read_bytes())  # a Markdown extension of ours
            digest.update(repr([sys.version, *((name, version(name)) for name in PACKAGES)]).encode())
        except (OSError, PackageNotFoundError) as error:
            stand_down("the page cache", f"what its pages depend on cannot be read ({error})")
            self._give_up()
            return
        digest.update(repr((config.use_directory_urls, config.validation)).encode())
        # The permalinks' title is set per language, not in mkdocs.yml (theme_words.py).
        digest.update(repr(config.mdx_configs.get("toc", {}).get("permalink_title")).encode())
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
        key = self._key(page)
        self._seen["pages"].add(key)
        entry = self._read("pages", key)
        if entry is not None and self._apply(page, entry, files):
            return
        if self._to_help is not None:
            self._start_helper(page)
        entry = self._helper.take(key) if self._helper else None
        if entry is not None and self._apply(page, entry, files):
            self._store("pages", key, entry)
            return
        if self._render_quietly(page, config, files) and self._log_usual:
            self._store("pages", key, self._entry(page))

    @property
    def language_context(self) -> bytes | None:
        """What every page of the language being built depends on; None while nothing is kept."""
        return self._context if self._db is not None else None

    def read_document(self, key: bytes) -> bytes | None:
        self._seen["documents"].add(key)
        return self._read("documents", key)

    def store_document(self, key: bytes, entry: bytes) -> None:
        self._store("documents", key, entry)

    def serve_a_fork(self) -> None:
        """In a forked process (``page_writer``): read through a connection of its own, and hand
        what it would store back to the build (:meth:`hand_back`) instead of storing it."""
        # The build's connection and open transaction came along with the fork: never used or closed here.
        self._inherited, self._db = self._db, None
        self._seen = {table: set() for table in self._seen}
        self._handed_back = []
        if self._inherited is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db = sqlite3.connect(self._path, timeout=10)

    def hand_back(self) -> tuple[dict[str, set[bytes]], list[tuple[str, bytes, bytes]]]:
        """In the forked process: the keys it read and the entries it would have stored."""
        return self._seen, self._handed_back or []

    def take_back(self, handed: tuple[dict[str, set[bytes]], list[tuple[str, bytes, bytes]]]) -> None:
        """In the build: what a forked process handed back, as if the build had read and stored it."""
        seen, entries = handed
        for table, keys in seen.items():
            self._seen[table].update(keys)
        for table, key, entry in entries:
            self._store(table, key, entry)

    def offer_helper(self, pages: list[Page], config: MkDocsConfig, files: Files) -> None:
        """``pages`` are the language's pages in the order MkDocs renders them; if one of them is
        not kept, a helper process renders those after it from the last one back."""
        # Only pages that will be kept are worth sending.
        if self._db is not None and self._writing and self._log_usual:
            self._to_help = (pages, config, files)

    def stop_helper(self) -> None:
        """MkDocs has rendered every page: the helper has nothing left to do."""
        self._to_help = None
        if self._helper is not None:
            self._helper.stop()
            self._helper = None

    def _start_helper(self, current: Page) -> None:
        assert self._to_help is not None and self._db is not None
        pages, config, files = self._to_help
        self._to_help = None
        after = next((i + 1 for i, page in enumerate(pages) if page is current), len(pages))
        if len(pages) - after < HELPER_MIN_PAGES or not fork_is_safe():
            stand_down("the render helper", f"{len(pages) - after} pages to render, or threads running")
            return
        try:
            if self._kept is None:
                self._kept = {row[0] for row in self._db.execute("SELECT key FROM pages")}
            self._helper = RenderHelper(functools.partial(self._help, pages[after:], config, files))
        except (sqlite3.Error, OSError, RuntimeError) as error:  # no memory or processes left: go on alone
            stand_down("the render helper", f"it could not be started ({error})")
            self._helper = None

    def _help(self, pages: list[Page], config: MkDocsConfig, files: Files, connection: Any) -> None:
        """In the helper process: render the pages not kept, last first, and send them."""
        # Ctrl-C is the build's to handle: it ends the helper with it.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        # The helper's messages are counted, never shown: the build shows its own.
        for logger in self._loggers:
            logger.handlers = [self._messages]
        # The cache's connection came along with the fork: the helper never uses it.
        for page in reversed(pages):
            page.render = functools.partial(self._render_for_build, page, connection)  # type: ignore[method-assign]
            with contextlib.suppress(Exception):  # the build reads the page itself and reports the error
                _populate_page(page, config, files)
            page.markdown = page.content = None  # sent: the helper's memory stays small

    def _render_for_build(self, page: Page, connection: Any, config: MkDocsConfig, files: Files) -> None:
        key = self._key(page)
        assert self._kept is not None
        if key not in self._kept and self._render_quietly(page, config, files):
            send(connection, key, self._entry(page))
        page.content = page.content or ""  # MkDocs expects some content after rendering

    def _render_quietly(self, page: Page, config: MkDocsConfig, files: Files) -> bool:
        """Render ``page``; whether that logged nothing (only such pages are kept)."""
        messages_before = self._messages.count
        Page.render(page, config, files)
        return self._messages.count == messages_before

    def _key(self, page: Page) -> bytes:
        assert page.markdown is not None
        return hashlib.blake2b(
            b"\0".join((self._context, page.file.src_uri.encode(), page.markdown.encode())), digest_size=16
        ).digest()

    def finish_language(self) -> None:
        """The language's pages are written: keep what was rendered."""
        if self._db is not None and self._writing:
            try:
                self._db.commit()
            except sqlite3.Error as error:
                stand_down("the page cache", f"the rendered pages cannot be saved ({error})")
                self._stop_writing()

    def finish_build(self) -> None:
        """All languages are written: drop the pages no longer in the site, and close."""
        if self._db is not None and self._writing:
            try:
                for table, seen in self._seen.items():
                    self._db.execute("CREATE TEMP TABLE seen (key BLOB PRIMARY KEY)")
                    self._db.executemany("INSERT INTO seen VALUES (?)", ((key,) for key in seen))
                    self._db.execute(f"DELETE FROM {table} WHERE key NOT IN (SELECT key FROM seen)")
                    self._db.execute("DROP TABLE seen")
                self._db.commit()
                self._shrink()
            except sqlite3.Error as error:  # the unused pages are dropped after another build
                stand_down("the page cache", f"unused pages cannot be dropped now ({error})")
        self.close()

    def _shrink(self) -> None:
        """Give the space of dropped entries back once it is a good part of the file.

        SQLite reuses it but never returns it; after a change that renders every
        page again (mkdocs.yml, the theme) the file would stay twice its size.
        """
        assert self._db is not None
        free = self._db.execute("PRAGMA freelist_count").fetchone()[0]
        total = self._db.execute("PRAGMA page_count").fetchone()[0]
        if free > total * SHRINK_AT_FREE_SHARE:
            self._db.execute("VACUUM")

    def close(self) -> None:
        """Stop without dropping anything (a build that failed)."""
        self.stop_helper()
        for logger in self._loggers:
            logger.removeHandler(self._messages)
        for seen in self._seen.values():
            seen.clear()
        self._kept = None
        self._give_up()

    def _read(self, table: str, key: bytes) -> bytes | None:
        if self._db is None:
            return None
        try:
            row = self._db.execute(f"SELECT entry FROM {table} WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error as error:
            stand_down("the page cache", f"a page cannot be read ({error})")
            return None
        return None if row is None else row[0]

    @staticmethod
    def _apply(page: Page, entry: bytes, files: Files) -> bool:
        """Give ``page`` what rendering made of it, as kept in ``entry``; False if ``entry`` does not fit."""
        try:
            content, toc_tokens, title, anchor_ids, links = marshal.loads(entry)
            toc = get_toc(toc_tokens)
            if links is not None:
                # Kept by src_uri: the file of that src_uri (static-i18n's get_file_from_path would
                # first look for the URI with a language inserted, with pathlib, for every page).
                links = {files.src_uris.get(uri): anchors for uri, anchors in links.items()}
                if None in links:
                    return False
        except (ValueError, EOFError, TypeError, KeyError):
            return False
        page.content = content
        page.toc = toc
        page._title_from_render = title
        page.present_anchor_ids = set(anchor_ids)
        page.links_to_anchors = links
        return True

    @staticmethod
    def _entry(page: Page) -> bytes:
        """What rendering made of ``page``, to keep."""
        links = page.links_to_anchors
        entry: Any = (
            page.content,
            _toc_tokens(page.toc.items),
            page._title_from_render,
            sorted(page.present_anchor_ids or ()),
            None if links is None else {file.src_uri: dict(anchors) for file, anchors in links.items()},
        )
        return marshal.dumps(entry)

    def _store(self, table: str, key: bytes, entry: bytes) -> None:
        if self._db is None or not self._writing:
            return
        if self._handed_back is not None:
            self._handed_back.append((table, key, entry))
            return
        try:
            self._db.execute(f"INSERT OR REPLACE INTO {table} VALUES (?, ?)", (key, entry))
        except sqlite3.Error as error:
            stand_down("the page cache", f"another build holds it, or the disk is full ({error})")
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
