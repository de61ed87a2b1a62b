"""The one escaping point: data text reaches the page as text, never as markup."""

from __future__ import annotations

import markdown as md
import pytest

from kakehashi import escaping

EXTENSIONS = ["admonition", "attr_list", "def_list", "md_in_html", "tables", "pymdownx.details"]


def render(text: str) -> str:
    return md.markdown(escaping.inline(text), extensions=EXTENSIONS)


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        "*emphasis* and __strong__",
        "[link](https://evil.example)",
        "![image](x.png)",
        "`code`",
        "# heading",
        "- list item",
        "1. ordered",
        "> quote",
        "| a | b |",
        "{: .class }",
        "==mark== ^^ins^^ ~~del~~ ++ctrl++",
        '--8<-- "/etc/passwd"',
        "&amp; &lt; &#60;",
        "a\\*b",
        ":smile:",
    ],
)
def test_markup_in_data_stays_text(text: str) -> None:
    html = render(text)
    assert "<script" not in html
    for tag in ("<em", "<strong", "<a ", "<img", "<code", "<h1", "<li", "<blockquote", "<table"):
        assert tag not in html, html
    # The visible text is the original text.
    import html as html_module

    visible = html_module.unescape(html.removeprefix("<p>").removesuffix("</p>"))
    assert visible == " ".join(text.split())


def test_plain_text_stays_readable() -> None:
    assert escaping.inline("Bochum und Tsukuba, seit 2019") == "Bochum und Tsukuba, seit 2019"
    assert escaping.inline("つくば霞ヶ浦りんりんロード") == "つくば霞ヶ浦りんりんロード"


def test_paragraphs_split_on_blank_lines_only() -> None:
    assert escaping.paragraphs("one\ntwo\n\n  \nthree") == ["one two", "three"]


def test_attribute_escapes_quotes_and_tags() -> None:
    assert escaping.attribute('a "b" <c> & d') == "a &quot;b&quot; &lt;c&gt; &amp; d"
