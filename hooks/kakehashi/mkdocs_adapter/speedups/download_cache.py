"""The files beside the pages, kept from one build to the next.

The sitemap, robots.txt, the calendar feeds, tracks, GeoJSON, the data files in
JSON and CSV and the service worker (``Site.downloads``) are made from the data
and content files, the settings the site is loaded with and the generator's own
code, and from nothing else. At 1,000 records per section they take about a
second to make, most of it the CSV and JSON of every dataset, on the critical
path of every build: once for the catalogue page's sizes at the start, once to
write them at the end.

A build whose inputs have the digest of the last build takes the files it kept
instead. The digest is taken before the sources are read, so that a file
changed while the build runs can only make the next build miss, never keep
files made from older data under a newer digest. The files are kept in
``.cache/kakehashi/downloads.marshal``: the digest, then every path and its
bytes, written whole or not at all.
"""

from __future__ import annotations

import hashlib
import marshal
import os
from collections.abc import Iterable
from pathlib import Path

from kakehashi.base.fingerprints import WATCHED, generator_code_digest, python_and_packages
from kakehashi.base.speedups import stand_down
from kakehashi.site.downloads import Download

FILE = "downloads.marshal"
# What the files are made with besides the generator's code: its libraries.
PACKAGES = ("babel", "icalendar", "gpxpy", "geographiclib", "pyyaml", "jsonschema")
# Bumped when what is kept changes its form.
ENTRY_FORMAT = b"kakehashi downloads 1"


def inputs_digest(root: Path, settings: object) -> bytes:
    """The digest of everything the downloads are made from: every file under ``data/``
    and ``content/`` (its path and bytes), ``settings`` (by its ``repr``: the operator,
    the site's address and the data's licence, the map's tiles), the generator's code
    and the versions of Python and of the libraries it uses."""
    digest = hashlib.blake2b(ENTRY_FORMAT, digest_size=16)
    digest.update(generator_code_digest())
    digest.update(python_and_packages(PACKAGES).encode())
    digest.update(repr(settings).encode())
    for name in WATCHED:
        folder = root / name
        for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
            if path.is_file() and "__pycache__" not in path.parts:
                content = path.read_bytes()
                digest.update(f"\0{path.relative_to(root).as_posix()}\0{len(content)}\0".encode())
                digest.update(content)
    return digest.digest()


class DownloadCache:
    """The downloads of the last build in ``folder``, usable for a build whose inputs have ``key``."""

    def __init__(self, folder: Path, key: bytes) -> None:
        self._path = folder / FILE
        self.key = key

    def load(self) -> list[Download] | None:
        """The kept downloads, or None where none were kept for these inputs."""
        try:
            key, files = marshal.loads(self._path.read_bytes())
        except FileNotFoundError:
            return None
        except (OSError, EOFError, ValueError, TypeError) as error:
            stand_down("the download cache", f"{self._path} could not be read ({type(error).__name__})")
            return None
        if key != self.key:
            return None
        return [Download(path, content) for path, content in files]

    def save(self, downloads: Iterable[Download]) -> None:
        """Keep ``downloads`` for the next build with the same inputs."""
        files = [(download.path, download.content) for download in downloads]
        unfinished = self._path.with_name(f".{FILE}.tmp")
        try:
            self._path.parent.mkdir(parents=True, exist_ok=True)
            unfinished.write_bytes(marshal.dumps((self.key, files)))
            os.replace(unfinished, self._path)
        except OSError as error:  # a full disk or a read-only checkout: the next build makes them again
            unfinished.unlink(missing_ok=True)
            stand_down("the download cache", f"{self._path} could not be written ({error})")
