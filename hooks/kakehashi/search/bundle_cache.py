"""Search bundles of earlier builds, kept for the next build.

Pagefind makes the same bundle from the same pages. A bundle is kept in
``.cache/kakehashi/search/`` under a digest of what went into it: Pagefind's
version and options, where the bundle goes, and the path and bytes of every
page it indexes. A build whose pages of a bundle are all as before copies the
kept bundle into the site instead of running Pagefind (which needs up to
700 MB and a minute of a core for a large Japanese bundle). At the end of a
build the bundles it did not use are dropped. A kept bundle is never changed
in place, only added or dropped whole, so that a build running beside another
(`mkdocs serve` and `kakehashi build`) copies a whole bundle or none.

Everything here is an optimisation: a bundle that cannot be kept or copied is
made by Pagefind.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
from pathlib import Path

from kakehashi.base.fingerprints import package_versions

# The packages that ship Pagefind's binary (the extended one segments Japanese).
PAGEFIND_PACKAGES = ("pagefind", "pagefind-bin-extended")


def pagefind_version() -> str:
    """The versions of the installed Pagefind packages; empty where none is installed."""
    return package_versions(PAGEFIND_PACKAGES)


class BundleCache:
    """The bundles kept in ``folder``, made by a tool described by ``tool`` (version and options)."""

    def __init__(self, folder: Path, tool: str) -> None:
        self._folder = folder
        self._tool = tool

    def key(self, site_dir: Path, bundle_path: str, glob: str | None, pages: tuple[str, ...]) -> str | None:
        """The digest of a bundle's input: its pages below ``site_dir``; None if one cannot be read."""
        digest = hashlib.blake2b(f"{self._tool}\0{bundle_path}\0{glob}".encode(), digest_size=16)
        try:
            for page in pages:
                text = (site_dir / page).read_bytes()
                digest.update(page.encode() + b"\0" + hashlib.blake2b(text, digest_size=16).digest())
        except OSError:
            return None
        return digest.hexdigest()

    def restore(self, key: str, target: Path) -> bool:
        """Copy the bundle kept under ``key`` to ``target``; False if there is none."""
        kept = self._folder / key
        if not kept.is_dir():
            return False
        shutil.rmtree(target, ignore_errors=True)
        try:
            shutil.copytree(kept, target)
        except OSError:
            shutil.rmtree(target, ignore_errors=True)
            return False
        return True

    def keep(self, key: str, made: Path) -> bool:
        """Keep the bundle Pagefind just wrote to ``made`` under ``key``; whether it is kept."""
        kept, unfinished = self._folder / key, self._folder / f".{key}.unfinished"
        if kept.is_dir():  # kept meanwhile by another build: the same pages made the same bundle
            return True
        try:
            shutil.rmtree(unfinished, ignore_errors=True)
            shutil.copytree(made, unfinished)
            os.replace(unfinished, kept)  # a bundle appears whole or not at all
        except OSError:
            shutil.rmtree(unfinished, ignore_errors=True)
            return False
        return True


def drop_unused(folder: Path, used: set[str]) -> None:
    """Drop every bundle kept in ``folder`` but those a build ``used``: their pages have changed."""
    with contextlib.suppress(OSError):
        for entry in folder.iterdir():
            if entry.name in used:
                continue
            # Moved away first: a build copying it meanwhile then fails and runs Pagefind
            # instead of copying part of it.
            dropped = entry.with_name(f".{entry.name}.dropped")
            with contextlib.suppress(OSError):
                os.replace(entry, dropped)
                entry = dropped
            shutil.rmtree(entry, ignore_errors=True)
