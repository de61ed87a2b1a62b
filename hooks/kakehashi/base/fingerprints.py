"""Fingerprints: every answer to "did the inputs change?" in one place.

Two kinds, for two costs:

- *stamps* (path, modification time, size) tell that a file changed without
  reading it: the sources are stamped on every rebuild of ``mkdocs serve``;
- *digests* (BLAKE2b, 16 bytes) of bytes, of the generator's own code and of
  installed package versions key the caches in ``.cache/kakehashi/``: a cache
  entry is used only where the digest of everything it was made from is equal.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import sys
from collections.abc import Iterable, Mapping
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

PACKAGE = Path(__file__).resolve().parent.parent  # hooks/kakehashi
HOOK_MODULE = PACKAGE.parent / "mkdocs_hooks.py"
# The sources an editor changes; a change of anything else takes a full rebuild.
WATCHED = ("data", "content")
DIGEST_SIZE = 16


def file_stamps(root: Path, names: Iterable[str]) -> tuple:
    """(path, modification time, size) of every file at or under ``root/<name>``, in a fixed order.

    Python's byte-code caches are left out: they change without any source changing.
    """
    stamps = []
    for name in names:
        path = root / name
        for item in sorted(path.rglob("*")) if path.is_dir() else [path]:
            if item.is_file() and "__pycache__" not in item.parts:
                stat = item.stat()
                stamps.append((item.as_posix(), stat.st_mtime_ns, stat.st_size))
    return tuple(stamps)


def sources_fingerprint(root: Path, operator: Mapping[str, Any]) -> tuple:
    """Changes whenever a source file or the operator settings change."""
    return (file_stamps(root, WATCHED), repr(sorted(operator.items())))


def digest(data: bytes | str) -> bytes:
    """The digest of some bytes (text as UTF-8)."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.blake2b(data, digest_size=DIGEST_SIZE).digest()


def files_digest(paths: Iterable[Path]) -> bytes:
    """The digest of the bytes of ``paths`` in the order given; a missing file counts as empty."""
    result = hashlib.blake2b(digest_size=DIGEST_SIZE)
    for path in paths:
        if path.is_file():
            result.update(path.read_bytes())
    return result.digest()


@functools.cache
def generator_code_digest() -> bytes:
    """The generator's code (every module of the package and its message catalogs) and the hook module."""
    sources = sorted(
        path
        for pattern in ("*.py", "*.po")
        for path in PACKAGE.rglob(pattern)
        if "__pycache__" not in path.parts
    )
    return files_digest([*sources, HOOK_MODULE])


def package_versions(names: Iterable[str]) -> str:
    """``name==version`` of each installed package of ``names``; those not installed are left out."""
    versions = []
    for name in names:
        with contextlib.suppress(PackageNotFoundError):
            versions.append(f"{name}=={version(name)}")
    return " ".join(versions)


def python_and_packages(names: Iterable[str]) -> str:
    """The Python version and the versions of ``names``: what a cached result also depends on."""
    return f"{sys.version}|{package_versions(names)}"
