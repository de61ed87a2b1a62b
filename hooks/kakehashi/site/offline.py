"""Readable without a connection: the service worker ``/sw.js`` and what it keeps.

The worker (``service_worker.js`` beside this module, plain JavaScript) is a
:class:`~kakehashi.site.downloads.Download` at the site root, so that its scope
covers every language. It is registered on every page
(``docs/assets/javascripts/offline.js``), and its own rule decides what it
touches: only the pages below :data:`OFFLINE_KEYS` in every language and the
site's ``assets/``, network first; every other request goes to the network as
if there were no worker. One rule in one place, rather than a list of pages
in the templates as well.

Its version is a digest of the worker's code and of the data the kept pages
are made from, so that a build with other content brings a new worker, which
deletes the old caches; the same sources give the same bytes.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from kakehashi.site.downloads import Download
from kakehashi.site.languages import LANGUAGES
from kakehashi.site.urls import url_path
from kakehashi.sources.loader import Data

PATH = "sw.js"
# The index pages of the folders whose pages stay readable offline.
OFFLINE_KEYS = ("guides/index", "disaster-prevention/index")
OFFLINE_SECTION = "disaster-prevention"
_TEMPLATE = Path(__file__).with_name("service_worker.js")


def offline_paths() -> list[str]:
    """The URL paths below the site root whose pages the worker keeps: "guides/", "ja/guides/", …"""
    return [url_path(key, lang) for lang in LANGUAGES for key in OFFLINE_KEYS]


def service_worker(data: Data, page_keys: list[str]) -> Download:
    template = _TEMPLATE.read_text("utf-8")
    content = json.dumps(
        {
            "code": template,
            "keys": page_keys,
            "cities": data.cities,
            "records": data.sections[OFFLINE_SECTION],
            "guides": data.guides,
        },
        sort_keys=True,
        ensure_ascii=False,
        default=str,
    )
    version = hashlib.blake2b(content.encode("utf-8"), digest_size=8).hexdigest()
    script = template.replace("__VERSION__", version).replace(
        "__OFFLINE_PATHS__", json.dumps(offline_paths())
    )
    return Download(PATH, script.encode("utf-8"))
