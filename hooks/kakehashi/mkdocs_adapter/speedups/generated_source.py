"""A generated page's source read as MkDocs reads it, its front matter without YAML where that is the same.

MkDocs parses every page's front matter with PyYAML (``meta.get_data``):
about 40 µs a page, a twentieth of a build whose pages were already rendered.
The front matter of a generated page is two JSON strings on lines of their own
(``markdown.front_matter``). Where their raw characters are ones YAML reads as
themselves inside double quotes, and their escapes are those json.dumps
writes (which YAML reads the same), ``json.loads`` gives what YAML gives. Any
other source (a line break YAML sees, such as NEL, a character YAML refuses)
still goes to MkDocs' own reader. ``tests/test_generatedsource.py`` compares
both for every generated page and for random titles.
"""

from __future__ import annotations

import json
import re
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data

from kakehashi.base import speedups

# As json.dumps writes a string: control characters escaped, nothing else.
_JSON_STRING = r'"(?:[^"\\\n]|\\["\\bfnrt]|\\u00[01][0-9a-fA-F])*"'
FRONT_MATTER = re.compile(rf"---\ntitle: ({_JSON_STRING})\ndescription: ({_JSON_STRING})\n---\n")
# The characters YAML takes as themselves inside a quoted scalar: no line breaks
# (NEL, U+2028, U+2029), nothing it refuses (C1 controls, DEL, lone surrogates),
# no byte order mark.
_READ_AS_WRITTEN = re.compile(
    "[\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]*"
)


def read_source(source: str) -> tuple[str, dict[str, Any]]:
    """The Markdown and meta data MkDocs' ``get_data`` reads from ``source``."""
    match = FRONT_MATTER.match(source)
    if match is None or not all(_READ_AS_WRITTEN.fullmatch(value) for value in match.groups()):
        return get_data(source)
    title, description = match.groups()
    return source[match.end() :].lstrip("\n"), {
        "title": json.loads(title),
        "description": json.loads(description),
    }


def attach(page: Page) -> None:
    """Read ``page``'s source with :func:`read_source` when MkDocs reads it."""
    if not speedups.enabled():
        return
    page.read_source = lambda config: _read_page_source(page, config)  # type: ignore[method-assign]


def _read_page_source(page: Page, config: MkDocsConfig) -> None:
    """What :meth:`Page.read_source` does, for a page whose source is in its file."""
    source = config.plugins.on_page_read_source(page=page, config=config)
    if source is None:
        source = page.file.content_string
    page.markdown, page.meta = read_source(source)
