"""The one escaping point: data text reaches the page as text, never as markup."""

from __future__ import annotations

import markdown as md
import pytest

from kakehashi.site import escaping

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
        '!!! note "Admonition"',
        "!!! warning",
        "??? note",
        "???+ note",
        "Fußnote[^1]",
        "*[HTML]: abbreviation",
        "<!-- comment -->",
        "<div markdown>x</div>",
        "2) ordered",
        "+ plus list",
        "***",
        "Title\n===",
    ],
)
def test_markup_in_data_stays_text(text: str) -> None:
    html = render(text)
    assert "<script" not in html
    for tag in (
        "<em", "<strong", "<a ", "<img", "<code", "<h1", "<li", "<blockquote", "<table", "<div", "<details",
        "<sup", "<hr", "<abbr", "<!--",
    ):
        assert tag not in html, html
    # The visible text is the original text.
    import html as html_module

    visible = html_module.unescape(html.removeprefix("<p>").removesuffix("</p>"))
    assert visible == " ".join(text.split())


@pytest.mark.parametrize("space", ["\u3000", "\u00a0", "\u2003"])
def test_spaces_at_the_edges_of_a_text_stay(space: str) -> None:
    # Python-Markdown strips every Unicode space at the edges of a paragraph; a
    # Japanese title may end in an ideographic space on purpose.
    import html as html_module

    for text in (f"{space}防災", f"防災{space}", f"{space}Bochum{space}", f"{space}", f"a{space}{space}"):
        html = render(text)
        assert html_module.unescape(html.removeprefix("<p>").removesuffix("</p>")) == text
        # In a heading and in a list item (a title on its page, a title on a card) too.
        heading = md.markdown(f"# {escaping.inline(text)}", extensions=EXTENSIONS)
        assert html_module.unescape(heading.removeprefix("<h1>").removesuffix("</h1>")) == text
        item = md.markdown(f"- {escaping.inline(text)}", extensions=EXTENSIONS)
        assert html_module.unescape(item.removeprefix("<ul>\n<li>").removesuffix("</li>\n</ul>")) == text


def test_text_keeps_its_own_letters_at_the_edges() -> None:
    # Only spaces are trimmed: no letter, digit or sign of the text itself.
    for text in ("Xanten X", "XX", "x", "1", "  Bochum  "):
        assert escaping.collapse_whitespace(text) == text.strip(" ")
        assert render(text).removeprefix("<p>").removesuffix("</p>") == text.strip(" ")


def test_plain_text_stays_readable() -> None:
    assert escaping.inline("Bochum und Tsukuba, seit 2019") == "Bochum und Tsukuba, seit 2019"
    assert escaping.inline("つくば霞ヶ浦りんりんロード") == "つくば霞ヶ浦りんりんロード"


def test_paragraphs_split_on_blank_lines_only() -> None:
    assert escaping.paragraphs("one\ntwo\n\n  \nthree") == ["one two", "three"]
    # Windows (CRLF) and old Mac (CR) line ends, as editors' tools may write them.
    assert escaping.paragraphs("one\r\ntwo\r\n\r\nthree") == ["one two", "three"]
    assert escaping.paragraphs("one\rtwo\r\rthree") == ["one two", "three"]


def test_attribute_escapes_quotes_and_tags() -> None:
    assert escaping.attribute('a "b" <c> & d') == "a &quot;b&quot; &lt;c&gt; &amp; d"


# Found by tests/test_escaping_properties.py ---------------------------------


@pytest.mark.parametrize(
    ("text", "visible"),
    [
        ("40\u00a0km", "40\u00a0km"),  # no-break space: the number stays with its unit
        ("つくば市\u3000防災", "つくば市\u3000防災"),  # the ideographic space is a character of the text
        ("\u3000字下げ", "\u3000字下げ"),  # Python-Markdown strips Unicode spaces at a paragraph's start
        ("<script>alert(1)</script>\u00a0", "<script>alert(1)</script>\u00a0"),
        ("a \n\t b", "a b"),  # what HTML collapses is collapsed
    ],
)
def test_only_html_whitespace_collapses(text: str, visible: str) -> None:
    import html as html_module

    rendered = render(text)
    assert html_module.unescape(rendered.removeprefix("<p>").removesuffix("</p>")) == visible


def test_paragraphs_keep_a_line_of_ideographic_spaces() -> None:
    assert escaping.paragraphs("a\n\u3000\nb") == ["a \u3000 b"]
    assert escaping.paragraphs("a\r\n\r\nb") == ["a", "b"]


def test_attribute_encodes_what_yaml_reads_as_line_breaks() -> None:
    # The title goes into YAML front matter, where U+2028 would become a line break.
    assert escaping.attribute("# \u2028") == "# &#8232;"


def test_japanese_terms_in_other_languages_are_marked() -> None:
    from kakehashi.site.markdown_blocks import mark_japanese

    marked = mark_japanese("Bahnhof Tsuchiura (土浦駅)", "de")
    assert marked == 'Bahnhof Tsuchiura (<span lang="ja">土浦駅</span>)'
    assert mark_japanese("土浦駅", "ja") == "土浦駅"
