"""Make one language's search bundles, in a process of its own.

MkDocs builds the next language meanwhile. A process, not a thread of the
build: the build forks its render helper (``render_helper``) while bundles are
being made, and a fork of a process that runs threads may leave the child
waiting on a lock held by a thread that did not come along (Python 3.12 and
later warn of it on every such fork).

``search.SearchIndex`` starts ``python -m kakehashi.search.run`` with the job as
JSON on stdin. It prints ``used <key>`` for every kept bundle it copied or
kept (see ``bundle_cache``); exit status 0 when every bundle is in place, else 1
with Pagefind's report.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from kakehashi.search.bundle_cache import BundleCache
from kakehashi.search.bundles import EXCLUDE_SELECTORS, USED, SearchBundle

# The Pagefind process under way, stopped with this one.
_pagefind: subprocess.Popen | None = None


def main() -> int:
    signal.signal(signal.SIGTERM, _stop)
    job: dict[str, Any] = json.load(sys.stdin)
    site_dir = Path(job["site_dir"])
    kept = BundleCache(Path(job["kept_in"]), job["tool"]) if job["kept_in"] else None
    for spec in job["bundles"]:
        bundle = SearchBundle(spec["path"], tuple(spec["pages"]), spec["glob"])
        output = site_dir / bundle.path
        key = kept.key(site_dir, bundle.path, bundle.glob, bundle.pages) if kept else None
        if kept and key and kept.restore(key, output):
            print(USED + key, flush=True)
            continue
        code, report = make_bundle(job["binary"], site_dir, bundle)
        if code != 0:
            print(f"Pagefind failed on the {job['lang']} pages (exit code {code}):\n{report}", flush=True)
            return 1
        if kept and key and kept.keep(key, output):
            print(USED + key, flush=True)
    return 0


def make_bundle(binary: str, site_dir: Path, bundle: SearchBundle) -> tuple[int, str]:
    """Run Pagefind on the pages of ``bundle``; its exit status and report."""
    output = site_dir / bundle.path
    if bundle.glob is not None:
        return _run_pagefind(binary, site_dir, bundle.glob, output)
    # Pagefind takes the pages of a part from a folder of its own, where they
    # are linked at their paths below the site root (so their URLs stay the
    # same); a glob of thousands of paths would not do.
    staging = site_dir / f".search-{bundle.path.strip('/').replace('/', '-')}"
    try:
        stage_pages(site_dir, bundle.pages, staging)
        return _run_pagefind(binary, staging, "**/*.html", output)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


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


def _run_pagefind(binary: str, site: Path, glob: str, output: Path) -> tuple[int, str]:
    global _pagefind
    command = [binary, "--site", str(site), "--glob", glob, "--output-path", str(output)]
    command += ["--exclude-selectors", EXCLUDE_SELECTORS]
    _pagefind = subprocess.Popen(
        command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    report, _ = _pagefind.communicate()
    code, _pagefind = _pagefind.returncode, None
    return code, report.decode("utf-8", "replace").strip()


def _stop(signum: int, frame: object) -> None:
    """The build failed or was stopped: stop Pagefind too (the staging folder goes on the way out)."""
    if _pagefind is not None:
        _pagefind.terminate()
    raise SystemExit(1)


if __name__ == "__main__":
    sys.exit(main())
