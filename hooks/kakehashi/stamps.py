"""Stamps of source files: what tells that a file changed without reading it."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path


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
