"""When the build may fork a helper process, and how one is ended.

Three speed-ups fork the build: the render helper, the Markdown prefetch and
the forked page writer. They share one rule for when that is worth it and
safe, and one way to end a helper, here.
"""

from __future__ import annotations

import threading
from multiprocessing.process import BaseProcess

from kakehashi.base import speedups

# Where a build's messages go, and what a helper silences or collects: MkDocs' own
# messages stay in its logger; any other library's reach the root logger.
BUILD_LOGGERS = ("mkdocs", "")


# Pages per language below which a forked process (the Markdown made ahead, the
# page writer) costs more than it saves.
FORK_MIN_PAGES = 200


def worth_forking(pages: int, serving: bool) -> bool:
    """Whether a language of ``pages`` pages is worth a forked process: not while serving,
    where an edit re-renders a few pages and the preview server runs threads."""
    if not speedups.enabled():
        return False
    if pages < FORK_MIN_PAGES or serving or not fork_is_safe():
        speedups.stand_down("a forked helper", f"not worth it for {pages} pages (serving: {serving})")
        return False
    return True


def fork_is_safe() -> bool:
    """Whether the build may fork a helper now: not while it runs other threads (such as those of
    `mkdocs serve`'s server), as a fork of a process with threads may deadlock in the child."""
    return threading.active_count() == 1


def end_process(process: BaseProcess) -> None:
    """End a forked helper now, whatever it is doing, and free what it holds."""
    process.kill()
    process.join()
    process.close()
