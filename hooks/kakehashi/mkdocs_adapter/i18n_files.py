"""The generated pages' files, as mkdocs-static-i18n's build of one language makes them.

static-i18n turns every file of the docs tree into a file of the language being
built, and makes each alternate of every page anew (``reconfigure_files``),
with pathlib arithmetic per file. For the 12,198 pages per language of 3,000
records per section that was a quarter of a build whose pages were already
rendered. The generated pages are therefore not put into the docs tree that
static-i18n reads: :func:`add_generated_pages` adds them after it, each page as
the file of the language being built with the files of its other languages as
alternates, as static-i18n would have made them from ``<key>.<lang>.md``.
Names of the simple shape ``<folder>/<name>`` in ASCII without dots are made
with string operations; any other name goes through static-i18n's own
function. ``tests/test_i18nfiles.py`` compares the result with static-i18n's,
file by file and field by field, for every page of the site in every language.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs_static_i18n import suffix

from kakehashi.base import speedups
from kakehashi.site.urls import placeholder_uri

SIMPLE_KEY = re.compile(r"(?:(?P<folder>[A-Za-z0-9_-]+(?:/[A-Za-z0-9_-]+)*)/)?(?P<name>[A-Za-z0-9_-]+)")


def add_generated_pages(files: Files, config: MkDocsConfig, keys: Iterable[str]) -> Files:
    """``files`` as static-i18n left them, with the page of every key in the language being built."""
    i18n = config.plugins["i18n"]
    current = i18n.current_language
    make = LanguageFiles(config, i18n.default_language, i18n.all_languages)
    # static-i18n lists the alternates of a page by building language, in this order.
    others = [lang for lang in sorted(i18n.build_languages) if lang != current]
    for key in keys:
        page = make.file(key, current)
        for lang in others:
            page.alternates[lang] = make.file(key, lang)
        files.append(page)
    # What static-i18n notes in its on_files, now with the generated pages (its sitemap template reads it).
    i18n.i18n_files_per_language[current] = files.documentation_pages()
    return files


class LanguageFiles:
    """Makes the file of a page in a language as static-i18n's build of that language makes it."""

    def __init__(self, config: MkDocsConfig, default_language: str, all_languages: list) -> None:
        self._config = config
        self._default, self._languages = default_language, all_languages
        # Read once: a setting of the configuration costs a lookup through its schema.
        self._docs_dir, self._site_dir = config.docs_dir, config.site_dir
        self._directory_urls = config.use_directory_urls
        self._shortcut = speedups.enabled()  # else every file is made by static-i18n's own function

    def file(self, key: str, lang: str) -> File:
        """The file of page ``key`` in ``lang``."""
        uri = placeholder_uri(key, lang)
        match = SIMPLE_KEY.fullmatch(key)
        simple = self._shortcut and match is not None and match["name"] != "README"
        if not simple or lang not in self._languages or not self._directory_urls:
            source = File(uri, self._docs_dir, self._site_dir, self._directory_urls)
            return suffix.create_i18n_file(source, lang, self._default, self._languages, self._config)
        folder, name = match["folder"], match["name"]
        # static-i18n drops the language from the name, and an index page's own folder.
        page_path = f"{name}/index.html" if name != "index" else "index.html"
        dest_uri = f"{folder}/{page_path}" if folder else page_path
        if lang != self._default:
            dest_uri = f"{lang}/{dest_uri}"
        file = File.__new__(File)
        file.__dict__.update(
            src_uri=uri,
            src_dir=self._docs_dir,
            dest_dir=f"{key}.{lang}/index.html",  # sic: static-i18n passes MkDocs' destination as dest_dir
            use_directory_urls=True,
            dest_uri=dest_uri,
            inclusion=InclusionLevel.UNDEFINED,
            name=name,
            abs_dest_path=os.path.normpath(os.path.join(self._site_dir, dest_uri)),
            # A simple name has only characters a URL takes as they are (what quote() would leave).
            url=dest_uri[: -len("index.html")] or "./",
            locale=lang,
            locale_alternate_of=lang,
            localization=lang,
            norm_src_uri=f"{key}.md",
        )
        file.alternates = {lang: file}
        return file
