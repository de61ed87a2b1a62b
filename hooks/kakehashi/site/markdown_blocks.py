"""Building blocks of generated Markdown; every data string goes through ``escaping``.

A :class:`LocalizedText` writes the text of one page for one reader language and
remembers which other languages it had to fall back to, so that the page can
say so under its title.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from urllib.parse import urlsplit

from kakehashi.site import escaping
from kakehashi.site.glossary import LABELS, LANGUAGE_NAMES, term
from kakehashi.site.languages import pick

# Runs of Japanese script (kana, kanji, full-width forms and Japanese punctuation).
_JAPANESE_RUN = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]+")


def mark_japanese(markdown: str, text_lang: str) -> str:
    """Japanese terms inside German or English text get ``lang="ja"``, so that screen
    readers pronounce them as Japanese (WCAG 3.1.2)."""
    if text_lang == "ja":
        return markdown
    return _JAPANESE_RUN.sub(lambda run: f'<span lang="ja">{run.group()}</span>', markdown)


class LocalizedText:
    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.fallback_languages: set[str] = set()

    def inline(self, texts: Mapping[str, str]) -> str:
        """A localized data text as inline Markdown, marked with its language if it fell back."""
        picked = pick(texts, self.lang)
        text = mark_japanese(escaping.inline(picked.text), picked.lang)
        if picked.is_fallback_for(self.lang):
            self.fallback_languages.add(picked.lang)
            return f'<span lang="{picked.lang}" data-pagefind-ignore="all">{text}</span>'
        return text

    def paragraphs(self, texts: Mapping[str, str]) -> str:
        """A localized data text with paragraphs, as Markdown blocks."""
        picked = pick(texts, self.lang)
        blocks = "\n\n".join(mark_japanese(p, picked.lang) for p in escaping.paragraphs(picked.text))
        if picked.is_fallback_for(self.lang):
            self.fallback_languages.add(picked.lang)
            return fallback_block(blocks, picked.lang)
        return blocks

    def plain(self, texts: Mapping[str, str]) -> str:
        """A localized data text as plain text (titles, descriptions): no markup at all,
        and its whitespace as HTML shows it, so that it reads the same inside other words."""
        return escaping.collapse_whitespace(pick(texts, self.lang).text)

    def notice(self) -> str:
        """The translation notice for the languages this page fell back to, or ""."""
        if not self.fallback_languages:
            return ""
        return translation_notice(self.lang, self.fallback_languages)


def translation_notice(lang: str, fallback_languages: Iterable[str]) -> str:
    names = [term(LANGUAGE_NAMES, other, lang) for other in sorted(fallback_languages)]
    languages = term(LABELS, "language_joiner", lang).join(names)
    text = term(LABELS, "translation_notice", lang).format(languages=languages)
    notice = admonition("info", term(LABELS, "translation_notice_title", lang), escaping.inline(text))
    return f'<div data-pagefind-ignore="all" markdown>\n\n{notice}\n\n</div>'


def fallback_block(markdown: str, lang: str) -> str:
    """Markdown blocks in another language than the page, marked with their ``lang``.

    Kept out of the search index: readers search in their own language.
    """
    return f'<div lang="{lang}" data-pagefind-ignore="all" markdown>\n\n{markdown}\n\n</div>'


# The lines around HTML the generator made whole (pictures, map blocks, link lists):
# the Markdown renderer passes what is between them through as it is, without
# parsing it as HTML first (mkdocs_adapter/raw_html.py). Data text cannot make
# these lines: it is escaped, and "<" with it. Without that step they are comments.
RAW_HTML_START = "<!-- kakehashi:html -->"
RAW_HTML_END = "<!-- /kakehashi:html -->"


def raw_html(html: str) -> str:
    """HTML made here, of safe parts, as a block the renderer takes as it is.

    Its first tag must be a block element (``div``, ``figure``, ``ul``…), so that no
    paragraph is put around it.
    """
    return f"{RAW_HTML_START}\n{html}\n{RAW_HTML_END}"


def admonition(kind: str, title: str, body: str) -> str:
    # The title is glossary text; quotes would end it early, so they are encoded.
    safe_title = title.replace('"', "&quot;")
    return f'!!! {kind} "{safe_title}"\n\n{indent(body)}'


def indent(markdown: str, spaces: int = 4) -> str:
    pad = " " * spaces
    return "\n".join(pad + line if line.strip() else "" for line in markdown.split("\n"))


def front_matter(title: str, description: str) -> str:
    """YAML front matter; JSON strings are valid YAML and need no further quoting rules."""
    lines = [
        "---",
        f"title: {json.dumps(escaping.attribute(title), ensure_ascii=False)}",
        f"description: {json.dumps(escaping.attribute(description), ensure_ascii=False)}",
        "---",
    ]
    return "\n".join(lines)


def link(text_markdown: str, from_key: str, to_key: str) -> str:
    """A Markdown link between two pages by their keys, relative so MkDocs checks it."""
    return f"[{text_markdown}]({relative_path(f'{to_key}.md', from_key)})"


def relative_path(target: str, from_key: str) -> str:
    """``target`` relative to the folder of the page ``from_key`` (both relative to
    the docs folder): ``posixpath.relpath`` without its look at the working directory,
    which took a fifth of the time of writing links."""
    start = from_key.split("/")[:-1]
    parts = target.split("/")
    common = 0
    while common < min(len(start), len(parts) - 1) and start[common] == parts[common]:
        common += 1
    return "/".join([".."] * (len(start) - common) + parts[common:])


def external_link(url: str, title: str, lang: str, page_lang: str) -> str:
    """A link to a source; its title keeps the language of the cited page."""
    lang_attrs = f' hreflang="{lang}"' + (f' lang="{lang}"' if lang != page_lang else "")
    return f'<a href="{escaping.attribute(url)}"{lang_attrs}>{escaping.inline(title)}</a>'


def website_link(url: str) -> str:
    """A link to a subject's official website, shown as its host (a whole address overflows a phone)."""
    shown = urlsplit(url).hostname or url
    return f'<a href="{escaping.attribute(url)}">{escaping.inline(shown)}</a>'


def definition_list(items: list[tuple[str, str]]) -> str:
    """Key facts as ``<dl>``; labels are glossary text, values already safe Markdown."""
    entries = "\n\n".join(f"{escaping.inline(label)}\n:   {value}" for label, value in items)
    return f'<div class="kk-facts" markdown>\n\n{entries}\n\n</div>'


def page(front: str, title_markdown: str, notice: str, blocks: Iterable[str]) -> str:
    """A whole page: front matter, the title, the translation notice, then the blocks."""
    parts = [front, f"# {title_markdown}"]
    if notice:
        parts.append(notice)
    parts += [block for block in blocks if block]
    return "\n\n".join(parts) + "\n"
