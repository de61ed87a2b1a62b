"""The one switch for every speed-up, and how a speed-up says why it stood down.

Every speed-up (the caches in ``.cache/kakehashi/``, the forked helpers, the
shortcuts past MkDocs' and static-i18n's per-page work) produces the same
site as the plain path; a test builds with and without them and compares
every byte. ``KAKEHASHI_SPEEDUPS=off`` turns them all off, for a build that
takes only the plain path (to rule them out when something looks wrong).

When one stands down by itself (a cache that cannot be read, a helper that is
not worth forking), it says so at debug level: ``mkdocs build -v`` shows each
such line with the prefix ``kakehashi:``.
"""

from __future__ import annotations

import logging
import os

ENVIRONMENT_VARIABLE = "KAKEHASHI_SPEEDUPS"
_OFF = frozenset({"off", "0", "false", "no"})

log = logging.getLogger("mkdocs.plugins.kakehashi")


def enabled() -> bool:
    """Whether the speed-ups may run: unless ``KAKEHASHI_SPEEDUPS`` is ``off`` (or 0, false, no)."""
    return os.environ.get(ENVIRONMENT_VARIABLE, "").strip().lower() not in _OFF


def stand_down(speedup: str, why: str) -> None:
    """Note at debug level that ``speedup`` took the plain path, and why."""
    log.debug("kakehashi: %s stood down: %s", speedup, why)
