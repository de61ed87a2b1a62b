"""What the reader-side tests share: where the tools are and which pages they visit."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import ROOT
from kakehashi.sources.loader import load_data

#: Set by CI: a missing browser or tool fails the run instead of skipping it.
REQUIRE_ENV = "KAKEHASHI_REQUIRE_BROWSER"
CHROMIUM = Path(os.environ.get("KAKEHASHI_CHROMIUM", "/usr/bin/chromium"))
# Debian's Chromium, never a downloaded one; nothing of Chromium's own reaches the network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
NODE_MODULES = ROOT / "node_modules"  # `npm ci` from package.json and package-lock.json
AXE_SCRIPT = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"

LANGUAGES = ("de", "ja", "en")
PREFIX = {"de": "", "ja": "ja/", "en": "en/"}

DATA = load_data(ROOT)
RECORD = f"cycling/{DATA.sections['cycling'][0]['id']}/"
#: One page of every kind, as a path below a language's root.
PAGE_KINDS = {
    "home": "",
    "section": "cycling/",
    "record": RECORD,
    "editorial": "partnership/",
}
#: A disaster-prevention record that has a street address (for the printed form).
ADDRESS_RECORD = next(r for r in DATA.sections["disaster-prevention"] if r.get("address"))

#: Every page kind in every language: (lang, kind) pairs and their test ids.
KIND_PARAMS = [pytest.param(lang, kind, id=f"{lang}-{kind}") for lang in LANGUAGES for kind in PAGE_KINDS]


def site_path(lang: str, page: str) -> str:
    """The URL path of ``page`` (relative to a language root) in ``lang``: "/ja/cycling/"."""
    return "/" + PREFIX[lang] + page


@dataclass(frozen=True)
class ServedSite:
    """The site built for, and served by, a local static HTTP server."""

    origin: str  # "http://127.0.0.1:PORT"
    root: Path  # the built site on disk

    def url(self, lang: str, page: str) -> str:
        return self.origin + site_path(lang, page)


def in_language(lang: str, url_path: str) -> bool:
    """Whether a URL path lies in ``lang``'s part of the site."""
    if lang == "de":
        return url_path.startswith("/") and not url_path.startswith(("/ja/", "/en/"))
    return url_path.startswith(f"/{lang}/")


def require(available: bool, what: str) -> None:
    """Skip the test when a tool is missing, or fail it where CI requires every tool."""
    if available:
        return
    if os.environ.get(REQUIRE_ENV) == "1":
        pytest.fail(f"{what} ({REQUIRE_ENV}=1 requires it)", pytrace=False)
    pytest.skip(f"{what}; set {REQUIRE_ENV}=1 to make this a failure")
