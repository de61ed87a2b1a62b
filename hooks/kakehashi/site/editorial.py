"""Editorial pages from ``content/<lang>/``, with the fallback rule and generated parts.

A page is one Markdown file per language with the same path. A reader whose
language lacks the file gets the next language of the chain, marked with its
``lang`` and announced by a notice. Marker lines such as
``<!-- kakehashi:timeline -->`` are replaced by Markdown generated from data
(``markers.py`` reads them).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kakehashi.site.glossary import LABELS, term
from kakehashi.site.languages import LANGUAGES, first_available
from kakehashi.site.markdown_blocks import fallback_block, translation_notice
from kakehashi.site.markers import Marker, read_markers
from kakehashi.site.urls import url_path
from kakehashi.sources.problems import Problem

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
_TITLE = re.compile(r"^# .*$", re.MULTILINE)

# name → (page key, reader language, the marker with its arguments) → Markdown
Directive = Callable[[str, str, Marker], str]

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
            markers, errors = read_markers(text)
            problems += [Problem(display, error.line, error.column, "", error.message) for error in errors]
            known = ", ".join(sorted(directive_names))
            problems += [
                Problem(
                    display,
                    marker.line,
                    marker.column,
                    "",
                    f"unknown marker 'kakehashi:{marker.name}'; known markers: {known}",
                )
                for marker in markers
                if marker.name not in directive_names
            ]
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

    def expand(marker: Marker) -> str:
        generated = directives[marker.name](page.key, lang, marker)
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


def page_markers(page: EditorialPage) -> dict[str, list[Marker]]:
    """The marker lines of each language's version of the page (checked when loading)."""
    return {lang: read_markers(text)[0] for lang, text in page.texts.items()}


def _expand_markers(text: str, expand: Callable[[Marker], str]) -> str:
    parts, last = [], 0
    for marker in read_markers(text)[0]:
        parts += [text[last : marker.start], expand(marker)]
        last = marker.end
    return "".join([*parts, text[last:]])


def _title_line(text: str) -> re.Match[str] | None:
    """The page's ``# Title`` line, after any front matter."""
    return _TITLE.search(_FRONT_MATTER.sub("", text, count=1))
