"""mkdocs-static-i18n's per-language file, made without pathlib for the generated pages.

For every language it builds, static-i18n turns each file of the docs tree into
a file of that language (``suffix.create_i18n_file``), twice per page with the
alternates: 219,570 calls for the 36,594 pages of 3,000 records per section.
Its pathlib arithmetic made that a sixth of a build whose pages were already
rendered. The generated pages all have the same simple shape,
``<folder>/<name>.<lang>.md`` in ASCII without dots, so for them the same
result is computed with string operations; every other file still goes to
static-i18n's own function. ``tests/test_i18nfiles.py`` compares both, field by
field, for every file of the site in every language.
"""

from __future__ import annotations

import os
import re
from urllib.parse import quote

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs_static_i18n import suffix

STATIC_I18N_FILE = suffix.create_i18n_file
SIMPLE_PAGE = re.compile(
    r"(?:(?P<folder>[A-Za-z0-9_-]+(?:/[A-Za-z0-9_-]+)*)/)?(?P<name>[A-Za-z0-9_-]+)\.(?P<lang>[a-z]{2})\.md"
)


def use_for_static_i18n() -> None:
    # static-i18n looks the function up in its module on every call.
    suffix.create_i18n_file = create_i18n_file


def create_i18n_file(
    file: File, current_language: str, default_language: str, all_languages: list, config: MkDocsConfig
) -> File:
    """``file`` as static-i18n's build of ``current_language`` sees it (same signature and result)."""
    match = SIMPLE_PAGE.fullmatch(file.src_uri)
    if (
        match is None
        or match["lang"] not in all_languages
        or match["name"] == "README"
        or not config.use_directory_urls
        or file.dest_uri != f"{file.src_uri[: -len('.md')]}/index.html"
    ):
        return STATIC_I18N_FILE(file, current_language, default_language, all_languages, config)
    folder, name, lang = match["folder"], match["name"], match["lang"]
    # static-i18n drops the language from the name, and an index page's own folder.
    page_path = f"{name}/index.html" if name != "index" else "index.html"
    dest_uri = f"{folder}/{page_path}" if folder else page_path
    if current_language != default_language:
        dest_uri = f"{current_language}/{dest_uri}"
    i18n_file = File.__new__(File)
    i18n_file.__dict__.update(
        src_uri=file.src_uri,
        src_dir=config.docs_dir,
        dest_dir=file.dest_path,  # sic: static-i18n passes the old destination as dest_dir
        use_directory_urls=True,
        dest_uri=dest_uri,
        inclusion=file.inclusion,
        name=name,
        abs_dest_path=os.path.normpath(os.path.join(config.site_dir, dest_uri)),
        url=quote(dest_uri[: -len("index.html")] or "./"),
        locale=lang,
        locale_alternate_of=current_language,
        localization=lang,
        norm_src_uri=file.src_uri.replace(f".{lang}", "", 1),
    )
    i18n_file.alternates = {current_language: i18n_file}
    return i18n_file
