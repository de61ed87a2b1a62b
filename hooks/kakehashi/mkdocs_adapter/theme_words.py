"""The theme's own words in the language being built.

Material names its colour-scheme toggles and Python-Markdown titles the
permalink beside each heading from one setting each in mkdocs.yml, the same
for every language. These are set from the glossary before each language's
build (and before a page is rendered again while serving), so a screen reader
announces them in the page's language.
"""

from __future__ import annotations

from typing import Any

from kakehashi.site.glossary import LABELS, term

# Material's palette scheme → what its toggle switches to.
TOGGLE_WORDS = {"default": "switch_to_dark", "slate": "switch_to_light"}


def set_theme_words(config: Any, lang: str) -> None:
    """Name the palette toggles and the heading permalinks of ``config`` in ``lang``."""
    palette = config.theme.get("palette") or []
    # One scheme is a mapping; schemes to toggle between are a list of them.
    for option in [palette] if isinstance(palette, dict) else palette:
        words = TOGGLE_WORDS.get(option.get("scheme", "default"))
        if words and isinstance(option.get("toggle"), dict):
            option["toggle"]["name"] = term(LABELS, words, lang)
    toc = config.mdx_configs.get("toc")
    if toc is not None and toc.get("permalink"):
        toc["permalink_title"] = term(LABELS, "permalink", lang)
