"""A second process that writes part of a language's pages while MkDocs writes the rest.

Once every page of a language is rendered, MkDocs puts each into the theme's
document and writes it, one page after another (``_build_page``). In a build
that found its pages and documents kept, that is a third of the time, on one
core, while the other is idle: no render helper and no Pagefind run then.

The writer is a fork of the build, made when the theme's environment is ready
(``on_env``), before MkDocs lists the pages it builds: it builds the second
half of them exactly as MkDocs would (the same function, the same plugin
events, the same kept documents), checks their links to anchors, and hands
back what it logged and the documents it made. Those pages are taken out of
the files MkDocs goes on to build. At the end of the language build the
writer's messages are logged by the build (so that ``--strict`` counts its
warnings) and its documents kept. If it failed, the build writes its pages
itself and reports what went wrong as MkDocs does.

It is started only where it has the second core to itself: not while
Pagefind makes the previous language's bundles (that also keeps the
build's peak memory where it was), not while serving, and not in a process
that runs threads (a fork of such a process may deadlock).
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import signal
from typing import Any

from jinja2 import Environment

# MkDocs' own step for one page (context, plugin events, template, writing): the
# writer builds its pages with it, so that they come out as MkDocs' would.
from mkdocs.commands.build import _build_page
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from kakehashi.base.speedups import stand_down
from kakehashi.mkdocs_adapter.speedups.forks import BUILD_LOGGERS, end_process, worth_forking
from kakehashi.mkdocs_adapter.speedups.html_cache import HtmlCache


class _Messages(logging.Handler):
    """In the writer: every message logged, once, made safe to send."""

    def __init__(self) -> None:
        super().__init__(logging.NOTSET)
        self.records: list[logging.LogRecord] = []
        self._ids: set[int] = set()

    def emit(self, record: logging.LogRecord) -> None:
        if id(record) in self._ids:  # reached both loggers
            return
        self._ids.add(id(record))
        record.msg, record.args = record.getMessage(), None
        if record.exc_info:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
            record.exc_info = None
        self.records.append(record)


def share(pages: list[File]) -> list[File]:
    """The files of the pages the writer takes: the second half."""
    return pages[len(pages) // 2 :]


class ForkedPageWriter:
    """Builds a share of a language's pages in a forked process."""

    def __init__(
        self,
        config: MkDocsConfig,
        files: Files,
        nav: Navigation,
        env: Environment,
        store: HtmlCache,
        dirty: bool,
    ) -> None:
        """Fork the writer; ``store`` holds the kept pages and documents, ``dirty`` is MkDocs' flag."""
        self._config, self._nav, self._env, self._store = config, nav, env, store
        self._dirty = dirty
        # The pages MkDocs would build (outside `mkdocs serve`), in its order.
        self._doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
        self._all_files = files  # what MkDocs hands to the check of links to anchors
        self._files = share(self._doc_files)
        context = multiprocessing.get_context("fork")
        self._receiving, sending = context.Pipe(duplex=False)
        self._process = context.Process(target=self._write, args=(sending,), daemon=True)
        try:
            self._process.start()
        except BaseException:
            self._receiving.close()
            raise
        finally:
            sending.close()  # the writer's end: closed here so that its exit ends the reading
        for file in self._files:
            files.remove(file)

    @classmethod
    def start(cls, *args: Any) -> ForkedPageWriter | None:
        """A writer for the pages in ``files`` (see :meth:`__init__`), or None where no process
        can be made now (no memory or processes left): MkDocs then writes every page."""
        try:
            return cls(*args)
        except (OSError, RuntimeError) as error:
            stand_down("the forked page writer", f"it could not be started ({error})")
            return None

    @staticmethod
    def worth_it(pages: int, serving: bool, second_core_busy: bool) -> bool:
        """Whether to start a writer: as any fork, and not beside a Pagefind run, which has that core."""
        return not second_core_busy and worth_forking(pages, serving)

    def _write(self, connection: Any) -> None:
        """In the writer: build the pages, check their anchors, send what was logged and kept."""
        # Ctrl-C is the build's to handle: it ends the writer with it.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        messages = _Messages()
        for name in BUILD_LOGGERS:
            logging.getLogger(name).handlers = [messages]
        self._store.serve_a_fork()
        try:
            self._build_pages()
            connection.send((messages.records, self._store.hand_back()))
        except BaseException:  # the build writes these pages itself and reports the error
            with contextlib.suppress(BaseException):
                connection.send(None)

    def _build_pages(self) -> None:
        """The writer's pages, as MkDocs builds each page and then checks its links to anchors."""
        for file in self._files:
            excluded = file.inclusion.is_excluded()
            page, config, dirty = file.page, self._config, self._dirty
            _build_page(page, config, self._doc_files, self._nav, self._env, dirty, excluded=excluded)
        log_level = self._config.validation.links.anchors
        for file in self._files:
            file.page.validate_anchor_links(files=self._all_files, log_level=log_level)

    def finish(self) -> None:
        """Wait for the writer; log its messages and keep its documents, or build its pages here."""
        try:
            result = self._receiving.recv()
        except Exception:  # it ended without a word, or one that cannot be read
            result = None
        finally:
            self._receiving.close()
            self._process.join()
            self._process.close()
        if result is None:
            stand_down("the forked page writer", "it sent nothing back; its pages are written here")
            self._build_pages()
            return
        records, kept = result
        self._store.take_back(kept)
        for record in records:
            logging.getLogger(record.name).handle(record)

    def stop(self) -> None:
        """End the writer now (a build that failed)."""
        with contextlib.suppress(ValueError):  # already closed
            end_process(self._process)
        self._receiving.close()

    @property
    def pages(self) -> list[Page]:
        return [file.page for file in self._files]
