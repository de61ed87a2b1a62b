"""The Nu Html Checker (vnu.jar from node_modules) finds no error in the markup of the built pages.

It checks every page of the site in all three languages, the 404 pages
included: one run of vnu.jar over all of them takes a few seconds. Errors in
markup that Material's own templates write are allowed only when listed in
ALLOWED below, each with the reason it stays; an entry that no longer matches
anything fails the test, so that the list shrinks with every fix.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from .reader import VNU_JAR, require

pytestmark = pytest.mark.browser


@dataclass(frozen=True)
class Allowed:
    message: str  # regular expression on vnu's message
    extract: str  # regular expression on the markup vnu quotes
    reason: str


ALLOWED = [
    # Material's base.html writes its drawer and search toggles as
    # <input type="checkbox" autocomplete="off">, so that Firefox does not restore
    # a ticked state (an open drawer) when a reader goes back. HTML allows
    # autocomplete only on text-like inputs; browsers ignore it elsewhere. The
    # template is Material's (upstream), and overriding base.html whole to drop an
    # attribute would cost more than the error.
    Allowed(
        message=r"^Attribute “autocomplete” is only allowed when the input type is",
        extract=r'<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox" '
        r'id="__(drawer|search)" autocomplete="off">',
        reason="Material's base.html: autocomplete=off on its checkbox toggles",
    ),
    # Material's partials/toc.html heads the table of contents with
    # <label class="md-nav__title" for="__toc">, whose checkbox partials/nav-item.html
    # writes only for a page in the nav. Record pages are left out of the nav on
    # purpose (mkdocs.yml), so on them the label points at nothing. Fix, if wanted:
    # overrides/partials/toc.html without `for="__toc"` where the page is not in the nav.
    Allowed(
        message=r"^The value of the “for” attribute of the “label” element must be the ID of a non-hidden "
        r"form control\.$",
        extract=r'<label class="md-nav__title" for="__toc">',
        reason="Material's partials/toc.html on pages outside the nav (the records)",
    ),
]


def run_vnu(files: list[Path]) -> list[dict]:
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--exit-zero-always", "--format", "json"]
        + [str(f) for f in files],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stderr)["messages"]  # vnu reports on stderr


def test_nu_html_checker_finds_no_errors(built_site: Path) -> None:
    require(shutil.which("java") is not None, "no Java runtime (java) on PATH")
    require(VNU_JAR.is_file(), f"the Nu Html Checker is not installed at {VNU_JAR} (run `npm ci`)")
    site = built_site.resolve()
    files = sorted(p for p in site.rglob("*.html") if "pagefind" not in p.relative_to(site).parts)
    for required in (
        "404.html",
        "ja/404.html",
        "en/404.html",
        "index.html",
        "ja/index.html",
        "en/index.html",
    ):
        assert site / required in files
    messages = run_vnu(files)

    used: set[int] = set()
    errors = []
    for message in messages:
        if message.get("type") not in ("error", "non-document-error"):
            continue
        text, extract = message.get("message", ""), message.get("extract", "")
        hits = [
            i
            for i, allowed in enumerate(ALLOWED)
            if re.search(allowed.message, text) and re.search(allowed.extract, extract)
        ]
        if hits:
            used.update(hits)
            continue
        file = Path(unquote(urlsplit(message.get("url", "")).path))
        where = file.relative_to(site) if file.is_relative_to(site) else message.get("url")
        errors.append(f"{where}:{message.get('lastLine', '?')}: {text}\n    {' '.join(extract.split())}")
    assert not errors, f"{len(errors)} errors in {len(files)} pages:\n" + "\n".join(errors)
    stale = [ALLOWED[i].reason for i in range(len(ALLOWED)) if i not in used]
    assert not stale, f"allowed errors no longer found, remove them from ALLOWED: {stale}"
