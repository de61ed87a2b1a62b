"""Generator of the trilingual Bochum–Tsukuba partnership knowledge base.

YAML data → checked records → Markdown pages keyed by path and language → the
MkDocs build. The package is in layers; each imports only those below it:

- ``editor/``          the ``kakehashi`` command;
- ``mkdocs_adapter/``  the adapter to MkDocs and static-i18n, with its ``speedups/``;
- ``search/``          the Pagefind bundles per language;
- ``site/``            the whole site as Markdown (no MkDocs, no Jinja);
- ``sources/``         read and check the YAML (no MkDocs, no Jinja);
- ``base/``            the speed-up switch and the fingerprints of inputs.

ARCHITECTURE.md at the project's root draws the whole trip. The names below
are the public surface that the hook module, the tests and the benchmark use;
they are imported on first use, so ``import kakehashi`` loads no MkDocs.
"""

from __future__ import annotations

import importlib
from typing import Any

_PUBLIC = {
    # sources
    "Data": "kakehashi.sources.loader",
    "Record": "kakehashi.sources.loader",
    "SECTION_IDS": "kakehashi.sources.loader",
    "load_data": "kakehashi.sources.loader",
    "Problem": "kakehashi.sources.problems",
    "SourceProblems": "kakehashi.sources.problems",
    "PREVIEW_PROBLEMS_FILE": "kakehashi.sources.problems",
    # site
    "DEFAULT_LANGUAGE": "kakehashi.site.languages",
    "LANGUAGES": "kakehashi.site.languages",
    "Site": "kakehashi.site.whole_site",
    "load_site": "kakehashi.site.whole_site",
    "render_record": "kakehashi.site.record_pages",
    "render_section_index": "kakehashi.site.record_pages",
    "placeholder_uri": "kakehashi.site.urls",
    "record_key": "kakehashi.site.urls",
}

__all__ = sorted(_PUBLIC)


def __getattr__(name: str) -> Any:
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'kakehashi' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
