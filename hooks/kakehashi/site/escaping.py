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
_ALWAYS = "\\`*_[]{}<>&|~^=!#+$:"
# A pattern rather than str.translate: most text holds none of these, and
# translate with multi-character replacements visits every character in Python's
# slow path (a fifth of the time of generating the pages, measured).
_ALWAYS_PATTERN = re.compile(f"[{re.escape(_ALWAYS)}]")
# Harmless inside a line but syntax at the start of one (lists, rules, quotes).
_LINE_START = set("-.()'\"%@/;?,")
_ORDERED_LIST = re.compile(r"^(\d+)([.)])(?=\s|$)")
# The whitespace HTML collapses (ASCII space, tab, line breaks, form feed).
# Other spaces, such as U+00A0 in "40 km" or the ideographic space U+3000 of
# Japanese text, are characters of the text and stay.
_HTML_WHITESPACE = re.compile(r"[ \t\n\r\f]+")
# Text that whitespace collapsing would change inside (most text is left as it is).
_COLLAPSIBLE = re.compile(r"[\t\n\r\f]|  ")
_BLANK_LINE = re.compile(r"\n[ \t\f]*\n")
# Python-Markdown strips every Unicode space (str.isspace) at the edges of
# paragraphs, headings and list items; encoded, the edge spaces stay.
_EDGE_SPACES = re.compile(r"^\s+|\s+$")
# YAML reads these as line breaks even inside the quotes of front matter.
_YAML_LINE_BREAKS = re.compile("[\u2028\u2029]")
# Text that :func:`inline` would change in any way; most text has none of it and is
# returned as it is, at the cost of one search (record pages pass ~40 texts each).
# A digit at the start goes the long way: it may begin "1." or "1)".
_INLINE_WORK = re.compile(
    f"[{re.escape(_ALWAYS)}\t\n\r\f]|  |^[\\s{re.escape(''.join(sorted(_LINE_START)))}0-9]|\\s\\Z"
)
# The same for :func:`attribute`: what HTML escaping, collapsing or the line breaks change.
_ATTRIBUTE_WORK = re.compile("[&<>\"'\t\n\r\f\u2028\u2029]|  |^ | \\Z")


def _encode(char: str) -> str:
    return f"&#{ord(char)};"


def _encode_match(match: re.Match) -> str:
    return _encode(match.group())


def collapse_whitespace(text: str) -> str:
    """Runs of whitespace as one space, trimmed: the text as HTML shows it."""
    if _COLLAPSIBLE.search(text):
        text = _HTML_WHITESPACE.sub(" ", text)
    return text.strip(" ")


def inline(text: str) -> str:
    """Plain text as one line of safe inline Markdown.

    Newlines and runs of whitespace collapse to one space, as HTML shows them.
    """
    if not _INLINE_WORK.search(text):
        return text
    line = collapse_whitespace(text)
    match = _ORDERED_LIST.match(line)
    head = ""
    if match:  # "1. text" would start an ordered list
        head = match.group(1) + _encode(match.group(2))
        line = line[match.end() :]
    encoded = _ALWAYS_PATTERN.sub(_encode_match, line)
    if not head and encoded[:1] in _LINE_START:
        encoded = _encode(encoded[0]) + encoded[1:]
    encoded = head + encoded
    if encoded[:1].isspace() or encoded[-1:].isspace():
        encoded = _EDGE_SPACES.sub(lambda spaces: "".join(map(_encode, spaces.group())), encoded)
    return encoded


def paragraphs(text: str) -> list[str]:
    """Plain text with blank-line-separated paragraphs as safe Markdown paragraphs."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n")
    return [inline(block) for block in _BLANK_LINE.split(lines) if collapse_whitespace(block)]


def attribute(text: str) -> str:
    """Text for an HTML attribute value or a page title in front matter.

    Material inserts ``page.meta.title`` and ``description`` into the HTML
    unescaped, so they are HTML-escaped here.
    """
    if not _ATTRIBUTE_WORK.search(text):
        return text
    escaped = html.escape(collapse_whitespace(text), quote=True)
    return _YAML_LINE_BREAKS.sub(lambda line_break: _encode(line_break.group()), escaped)
