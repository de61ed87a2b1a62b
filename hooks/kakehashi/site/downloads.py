"""Files of the site that are not pages: the sitemap, and any data a reader downloads.

Every such file is a :class:`Download`: its path below the site root and its
bytes. ``Site.downloads()`` lists them all, and the adapter writes them once,
when the last language is built. One way to publish a file: a new export adds
a producer to ``Site.downloads()``, not a writer of its own.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kakehashi.site.urls import url_path


@dataclass(frozen=True)
class Download:
    path: str  # below the site root, with "/": "sitemap.xml", "data/cycling.geojson"
    content: bytes


def href(path: str, from_key: str, lang: str) -> str:
    """The link from page ``from_key`` in ``lang`` to the file at ``path``, relative
    to the page's URL so that it works under any site path.

    Written into raw HTML, not as a Markdown link: MkDocs would resolve a Markdown
    link against the page's source file, which is not where the page is served.
    """
    depth = url_path(from_key, lang).count("/")
    return "../" * depth + path


def write_downloads(site_dir: Path, downloads: Iterable[Download]) -> None:
    """Write each file whole (a temporary file renamed into place), so that a reader
    or a server never sees half a file."""
    for download in downloads:
        target = site_dir / download.path
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.tmp")
        temporary.write_bytes(download.content)
        os.replace(temporary, target)
