"""The Markdown of the languages built later, made by a second process meanwhile.

static-i18n builds one language after another, and each needs the Markdown of
all its pages when its navigation is made: about 2 s per language at 3,000
records per section, on one core. While the first language is built, a fork
of the build (same site, same code) generates the Markdown of the other
languages and leaves it in a temporary folder, one file per language, written
whole or not at all. A language build takes its file if it is there and
generates the Markdown itself otherwise; it never waits.

The fork is made at the start of a build, before the build has a thread (a
fork of a process with threads may deadlock), and not while serving, where the
preview server's threads run.
"""

from __future__ import annotations

import marshal
import multiprocessing
import os
import shutil
import tempfile
import weakref
from pathlib import Path

from kakehashi.base.speedups import stand_down
from kakehashi.mkdocs_adapter.speedups.forks import end_process
from kakehashi.site.whole_site import Site


class MarkdownPrefetch:
    """Generates the Markdown of ``languages`` in a forked process; :meth:`take` gives one."""

    def __init__(self, site: Site, languages: list[str]) -> None:
        self._folder = Path(tempfile.mkdtemp(prefix="kakehashi-markdown-"))
        # Removed at the latest when the build's process ends (Ctrl-C, an error no hook saw).
        self._remove_folder = weakref.finalize(self, shutil.rmtree, self._folder, ignore_errors=True)
        context = multiprocessing.get_context("fork")
        self._process: multiprocessing.process.BaseProcess | None = context.Process(
            target=_generate, args=(site, languages, self._folder), daemon=True
        )
        try:
            self._process.start()
        except (OSError, RuntimeError) as error:  # no memory or processes left: each build makes its own
            stand_down("the Markdown prefetch", f"it could not be started ({error})")
            self._process = None

    def take(self, lang: str) -> dict[str, str] | None:
        """Every page's Markdown in ``lang`` by key, if the process has made it by now."""
        path = self._folder / f"{lang}.marshal"
        try:
            made = marshal.loads(path.read_bytes())
        except (OSError, EOFError, ValueError, TypeError) as error:
            stand_down("the Markdown prefetch", f"nothing arrived for {lang} ({type(error).__name__})")
            return None
        path.unlink(missing_ok=True)
        return made

    def close(self) -> None:
        """Stop the process, whatever it is doing, and remove what it made."""
        if self._process is not None:
            end_process(self._process)
        self._remove_folder()


def _generate(site: Site, languages: list[str], folder: Path) -> None:
    """In the forked process: each language's Markdown, written to ``folder``."""
    try:
        keys = site.page_keys()
        for lang in languages:
            made = {key: site.markdown(key, lang) for key in keys}
            unfinished = folder / f".{lang}.unfinished"
            unfinished.write_bytes(marshal.dumps(made))
            os.replace(unfinished, folder / f"{lang}.marshal")
    except BaseException:  # the build makes what is missing itself, and reports its errors
        # The fork's log goes nowhere: the build notes in take() that nothing arrived.
        os._exit(1)
