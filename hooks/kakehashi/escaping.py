"""The one escaping point: every string from data passes through here.

Data text is plain text. It must reach the page as the same visible text, with
no HTML and no Markdown (or Markdown extension) syntax taking effect.
"""

from __future__ import annotations

import html
import re

# ASCII punctuation that Python-Markdown or an enabled extension may give a
# meaning to (emphasis, links, code, tables, attr_list, snippets, critic, keys,
# mark, caret/tilde, emoji, footnotes, raw HTML). Encoded as numeric character
# references, which every Markdown parser passes through as literal text.
_ALWAYS = set("\\`*_[]{}<>&|~^=!#+$:")
# Harmless inside a line but syntax at the start of one (lists, rules, quotes).
_LINE_START = set("-.()'\"%@/;?,")
_ORDERED_LIST = re.compile(r"^(\d+)([.)])(?=\s|$)")


def _encode(char: str) -> str:
    return f"&#{ord(char)};"


def inline(text: str) -> str:
    """Plain text as one line of safe inline Markdown.

    Newlines and runs of whitespace collapse to one space, as HTML shows them.
    """
    line = " ".join(text.split())
    match = _ORDERED_LIST.match(line)
    head = ""
    if match:  # "1. text" would start an ordered list
        head = match.group(1) + _encode(match.group(2))
        line = line[match.end() :]
    encoded = "".join(_encode(c) if c in _ALWAYS else c for c in line)
    if not head and encoded[:1] in _LINE_START:
        encoded = _encode(encoded[0]) + encoded[1:]
    return head + encoded


def paragraphs(text: str) -> list[str]:
    """Plain text with blank-line-separated paragraphs as safe Markdown paragraphs."""
    blocks = re.split(r"\n\s*\n", text.strip())
    return [inline(block) for block in blocks if block.strip()]


def attribute(text: str) -> str:
    """Text for an HTML attribute value or a page title in front matter.

    Material inserts ``page.meta.title`` and ``description`` into the HTML
    unescaped, so they are HTML-escaped here.
    """
    return html.escape(" ".join(text.split()), quote=True)
