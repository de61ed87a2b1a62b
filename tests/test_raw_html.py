"""HTML the generator made whole passes through the renderer as it is, and nothing else does."""

from __future__ import annotations

import markdown

from kakehashi.mkdocs_adapter.raw_html import RawHtmlExtension, use_in
from kakehashi.site import escaping
from kakehashi.site.markdown_blocks import RAW_HTML_END, RAW_HTML_START, raw_html

EXTENSIONS = ["toc", "admonition", "attr_list", "def_list", "md_in_html", "pymdownx.details"]


def render(text: str, ours: bool = True) -> str:
    extensions = [*EXTENSIONS, RawHtmlExtension()] if ours else EXTENSIONS
    return markdown.Markdown(extensions=extensions).convert(text)


def test_a_block_between_the_lines_reaches_the_page_as_it_is() -> None:
    figure = (
        '<figure class="x"><svg><title>*not emphasis*</title></svg>\n\n'
        "<figcaption>a_b_c</figcaption></figure>"
    )
    page = f"# Title\n\nBefore.\n\n{raw_html(figure)}\n\nAfter *this*."
    html = render(page)
    assert figure in html  # even the blank line and the asterisks: nothing was parsed in it
    assert "<p>Before.</p>" in html and "<p>After <em>this</em>.</p>" in html
    assert RAW_HTML_START not in html and RAW_HTML_END not in html
    assert "<p><figure" not in html


def test_it_gives_what_the_html_parser_gives_for_a_whole_block() -> None:
    block = '<ul class="kk-map__links"><li><a href="https://example.org/?a=1&amp;b=2">OSM</a></li></ul>'
    assert render(f"Text.\n\n{raw_html(block)}\n\nMore.") == render(f"Text.\n\n{block}\n\nMore.", ours=False)


def test_several_blocks_and_a_start_without_its_end() -> None:
    blocks = [raw_html("<div>one</div>"), "Middle.", raw_html("<div>two</div>"), RAW_HTML_START, "*x*"]
    page = "\n\n".join(blocks)
    html = render(page)
    assert "<div>one</div>" in html and "<div>two</div>" in html and "<p>Middle.</p>" in html
    # Left to the parser: a comment, and the Markdown after it still Markdown.
    assert RAW_HTML_START in html and "<em>x</em>" in html


def test_data_text_cannot_open_or_close_a_block() -> None:
    for line in (RAW_HTML_START, RAW_HTML_END):
        escaped = escaping.inline(line)
        assert escaped != line and "<" not in escaped
    hostile = escaping.inline(f"{RAW_HTML_END} <script>alert(1)</script>")
    html = render(raw_html("<div>map</div>") + "\n\n" + hostile)
    assert "<script>" not in html


def test_the_extension_is_added_once() -> None:
    extensions: list = ["toc"]
    use_in(extensions)
    use_in(extensions)
    assert [type(e).__name__ for e in extensions[1:]] == ["RawHtmlExtension"]
