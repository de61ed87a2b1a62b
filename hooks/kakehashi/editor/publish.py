"""Safe publishing: build the site beside the published one and swap only a good build in.

``mkdocs build`` empties its output directory before it writes, so a failing
build would leave a half-written or empty site behind. Here MkDocs writes to a
fresh sibling directory instead; only when the strict build succeeds does it
take the place of the previous output, which otherwise stays as it was.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from kakehashi.editor.project import CONFIG_FILE


def source_date_epoch(root: Path, environ: Mapping[str, str]) -> str | None:
    """The build time to stamp into the output, so that the same sources give the same bytes.

    ``SOURCE_DATE_EPOCH`` as given; else the time of the newest git commit, where
    git and a repository are there; else None (MkDocs uses the current time).
    """
    if environ.get("SOURCE_DATE_EPOCH"):
        return environ["SOURCE_DATE_EPOCH"]
    git = shutil.which("git")
    if git is None:
        return None
    result = subprocess.run(
        [git, "-C", str(root), "log", "-1", "--format=%ct"],
        capture_output=True,
        text=True,
        check=False,
    )
    commit_time = result.stdout.strip()
    return commit_time if result.returncode == 0 and commit_time.isdigit() else None


def build_environment(root: Path, environ: Mapping[str, str]) -> dict[str, str]:
    env = dict(environ)
    env.setdefault(
        "NO_MKDOCS_2_WARNING", "1"
    )  # Material's notice about MkDocs 2 says nothing about this site
    epoch = source_date_epoch(root, environ)
    if epoch is not None:
        env["SOURCE_DATE_EPOCH"] = epoch
    return env


def scratch_dirs(site_dir: Path) -> tuple[Path, Path]:
    """Hidden siblings of the site directory for the new build and the old output,
    named per process so that two builds at once do not collide."""
    pid = os.getpid()
    return (
        site_dir.with_name(f".{site_dir.name}-new-{pid}"),
        site_dir.with_name(f".{site_dir.name}-old-{pid}"),
    )


def build_site(root: Path, site_dir: Path, environ: Mapping[str, str] | None = None) -> int:
    """Build with ``mkdocs build --strict`` and publish to ``site_dir`` only on success.

    Returns the build's exit status. MkDocs' output goes to this process's
    stdout and stderr, so editors see its messages as they come.
    """
    site_dir = site_dir.resolve()
    fresh, old = scratch_dirs(site_dir)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict"]
    command += ["--config-file", str(root / CONFIG_FILE), "--site-dir", str(fresh)]
    try:
        result = subprocess.run(
            command, cwd=root, env=build_environment(root, environ or os.environ), check=False
        )
        if result.returncode == 0:
            _swap_in(fresh, site_dir, old)
        return result.returncode
    finally:
        shutil.rmtree(fresh, ignore_errors=True)  # only left after a failure or an interruption


def _swap_in(fresh: Path, site_dir: Path, old: Path) -> None:
    """Put ``fresh`` in place of ``site_dir``.

    Two renames within one directory: the site is missing for only the moment
    between them, never half-written. (Swapping both at once needs Linux's
    renameat2, which Python does not offer.)
    """
    if not site_dir.exists():
        fresh.rename(site_dir)
        return
    site_dir.rename(old)
    try:
        fresh.rename(site_dir)
    except OSError:
        old.rename(site_dir)  # put the previous output back
        raise
    shutil.rmtree(old)
