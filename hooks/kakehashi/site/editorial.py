"""Editorial pages from ``content/<lang>/``, with the fallback rule and generated parts.

A page is one Markdown file per language with the same path. A reader whose
language lacks the file gets the next language of the chain, marked with its
``lang`` and announced by a notice. Marker lines such as
``<!-- kakehashi:timeline -->`` are replaced by Markdown generated from data.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kakehashi.site.glossary import LABELS, term
from kakehashi.site.languages import LANGUAGES, first_available
from kakehashi.site.markdown_blocks import fallback_block, translation_notice
from kakehashi.site.urls import url_path
from kakehashi.sources.problems import Problem

MARKER = re.compile(r"^<!--\s*kakehashi:([a-z-]+)\s*-->\s*$", re.MULTILINE)
# Fenced code blocks show marker lines as they are (the editor's guide quotes them).
_FENCE = re.compile(r"^(`{3,}|~{3,}).*?^\1[ \t]*$", re.MULTILINE | re.DOTALL)
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
_TITLE = re.compile(r"^# .*$", re.MULTILINE)

# name → (page key, reader language) → Markdown
Directive = Callable[[str, str], str]

# The legal pages every page's footer links to: (page key, its name in LABELS).
LEGAL_PAGES = (("about", "imprint"), ("privacy", "privacy"), ("accessibility", "accessibility"))


def legal_links(lang: str) -> list[tuple[str, str]]:
    """The footer's links to the imprint, the privacy and the accessibility statement in
    ``lang``: (link text, URL path below the site root)."""
    return [(term(LABELS, name, lang), url_path(key, lang)) for key, name in LEGAL_PAGES]


@dataclass
class EditorialPage:
    key: str
    files: dict[str, str] = field(default_factory=dict)  # lang → project-relative file
    texts: dict[str, str] = field(default_factory=dict)  # lang → Markdown source


def load_content(root: Path, directive_names: set[str]) -> tuple[dict[str, EditorialPage], list[Problem]]:
    pages: dict[str, EditorialPage] = {}
    problems: list[Problem] = []
    for lang in LANGUAGES:
        lang_dir = root / "content" / lang
        for path in sorted(lang_dir.rglob("*.md")):
            key = path.relative_to(lang_dir).as_posix()[: -len(".md")]
            display = path.relative_to(root).as_posix()
            try:
                text = path.read_bytes().decode("utf-8").removeprefix("\ufeff")
            except UnicodeDecodeError as error:
                problems.append(Problem(display, 1, 1, "", f"not UTF-8 text ({error.reason})"))
                continue
            text = text.replace("\r\n", "\n")
            for match in _markers(text):
                if match.group(1) not in directive_names:
                    line = text.count("\n", 0, match.start()) + 1
                    known = ", ".join(sorted(directive_names))
                    problems.append(
                        Problem(
                            display,
                            line,
                            1,
                            "",
                            f"unknown marker 'kakehashi:{match.group(1)}'; known markers: {known}",
                        )
                    )
            if not _title_line(text):
                problems.append(Problem(display, 1, 1, "", "the page has no title line ('# Title')"))
            page = pages.setdefault(key, EditorialPage(key))
            page.files[lang] = display
            page.texts[lang] = text
    return pages, problems


def page_title(page: EditorialPage, lang: str) -> str:
    """The text of the title line of the page's version in ``lang`` (which must exist)."""
    title = _title_line(page.texts[lang])
    assert title is not None  # checked when loading
    return title.group(0)[2:].strip()


def render_editorial(page: EditorialPage, lang: str, directives: dict[str, Directive]) -> str:
    source_lang = first_available(set(page.texts), lang)
    assert source_lang is not None  # every page has at least one language
    text = page.texts[source_lang]
    fallback = source_lang != lang

    def expand(match: re.Match[str]) -> str:
        generated = directives[match.group(1)](page.key, lang)
        # Generated parts are in the reader's language even inside a fallen-back page.
        return fallback_block(generated, lang) if fallback else generated

    if not fallback:
        return _expand_markers(text, expand)
    front = _FRONT_MATTER.match(text)
    head = front.group(0) if front else ""
    rest = text[len(head) :]
    title = _TITLE.search(rest)
    assert title is not None  # checked when loading
    before, heading, after = rest[: title.start()], title.group(0), rest[title.end() :]
    heading = f'# <span lang="{source_lang}">{heading[2:].strip()}</span>'
    notice = translation_notice(lang, {source_lang})
    body = fallback_block(_expand_markers(after.strip(), expand), source_lang)
    return f"{head}{before}{heading}\n\n{notice}\n\n{body}\n"


def _markers(text: str) -> list[re.Match[str]]:
    """Marker lines outside fenced code blocks."""
    fences = [(fence.start(), fence.end()) for fence in _FENCE.finditer(text)]
    return [m for m in MARKER.finditer(text) if not any(a <= m.start() < b for a, b in fences)]


def directives_used(page: EditorialPage) -> set[str]:
    """The names of the directives the page uses in any of its languages."""
    return {match.group(1) for text in page.texts.values() for match in _markers(text)}


def _expand_markers(text: str, expand: Callable[[re.Match[str]], str]) -> str:
    parts, last = [], 0
    for match in _markers(text):
        parts += [text[last : match.start()], expand(match)]
        last = match.end()
    return "".join([*parts, text[last:]])


def _title_line(text: str) -> re.Match[str] | None:
    """The page's ``# Title`` line, after any front matter."""
    return _TITLE.search(_FRONT_MATTER.sub("", text, count=1))
