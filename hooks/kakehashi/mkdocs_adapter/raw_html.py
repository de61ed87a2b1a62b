"""A Markdown extension: HTML the generator made whole goes into the page as it is.

The pictures, map blocks and link lists of the generated pages are HTML made of
escaped parts (``site/markdown_blocks.raw_html`` puts them between two comment
lines). Python-Markdown would read each such block with its HTML parser only to
find where it ends and then keep it unchanged; with the SVG maps that parsing was
a tenth of the time of rendering a record page. This preprocessor stores the lines
between the two comment lines in the HTML stash at once, where the parser would
have put them, and drops the comment lines. What reaches the page is the same.
A start line without its end line is left alone, to the parser.
"""

from __future__ import annotations

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from kakehashi.site.markdown_blocks import RAW_HTML_END, RAW_HTML_START

NAME = "kakehashi_raw_html"
# After the whitespace is normalized (30), before the HTML blocks are parsed (20).
PRIORITY = 25


class RawHtmlBlocks(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        if RAW_HTML_START not in lines:
            return lines
        out: list[str] = []
        start = 0
        while True:
            try:
                opening = lines.index(RAW_HTML_START, start)
                closing = lines.index(RAW_HTML_END, opening + 1)
            except ValueError:
                break
            # With the line end the parser keeps after a block.
            placeholder = self.md.htmlStash.store("\n".join(lines[opening + 1 : closing]) + "\n")
            out += [*lines[start:opening], "", placeholder, ""]
            start = closing + 1
        return out + lines[start:]


class RawHtmlExtension(Extension):
    def __repr__(self) -> str:
        # The same in every build: the kept page shells are keyed by the settings' text
        # (speedups/page_shell_cache.py), which would otherwise hold the object's address.
        return f"{NAME}()"

    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(RawHtmlBlocks(md), NAME, PRIORITY)


def use_in(extensions: list) -> None:
    """Add the extension to MkDocs' ``markdown_extensions`` once (on_config runs per language)."""
    if not any(isinstance(extension, RawHtmlExtension) for extension in extensions):
        extensions.append(RawHtmlExtension())
