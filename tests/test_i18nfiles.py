"""The generated pages' per-language files are the ones static-i18n's own function makes."""

from __future__ import annotations

import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, InclusionLevel

from conftest import ROOT
from kakehashi import i18nfiles
from kakehashi.languages import DEFAULT_LANGUAGE, LANGUAGES
from kakehashi.pages import placeholder_uri
from kakehashi.site import load_site

# Names outside the simple shape, which must reach static-i18n's function unchanged.
UNUSUAL_URIS = [
    "README.de.md",
    "projects/README.en.md",
    "index.md",
    "notes.md",
    "v1.2.de.md",
    "projects/a.b/c.ja.md",
    "über.de.md",
    "cycling/route.fr.md",
    "cycling/route.de.markdown",
    "index/index.de.md",
    "assets/stylesheets/extra.css",
    "assets/logo.de.png",
]


def site_uris() -> list[str]:
    site = load_site(ROOT)
    docs = [p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*") if p.is_file()]
    pages = [placeholder_uri(key, lang) for key in site.page_keys() for lang in LANGUAGES]
    return docs + pages + UNUSUAL_URIS


def config(use_directory_urls: bool) -> MkDocsConfig:
    config = MkDocsConfig()
    config.load_dict(
        {
            "site_name": "Test",
            "docs_dir": "/docs",
            "site_dir": "/site",
            "use_directory_urls": use_directory_urls,
        }
    )
    return config


def fields(file: File, lang: str) -> dict:
    """Everything a later step reads of the file, with its alternates by language."""
    assert file.alternates == {lang: file}
    data = {name: value for name, value in vars(file).items() if name != "alternates"}
    for name in ("src_path", "dest_path", "url", "name", "abs_src_path", "abs_dest_path", "edit_uri"):
        data[f"property {name}"] = getattr(file, name)
    data["is_documentation_page"] = file.is_documentation_page()
    return data


@pytest.mark.parametrize("use_directory_urls", [True, False])
def test_every_file_of_the_site_comes_out_as_static_i18n_makes_it(use_directory_urls: bool) -> None:
    settings = config(use_directory_urls)
    uris = site_uris()
    assert len(uris) > 150
    differences = []
    for uri in uris:
        for lang in LANGUAGES:
            source = File(uri, "/docs", "/site", use_directory_urls, inclusion=InclusionLevel.INCLUDED)
            ours = i18nfiles.create_i18n_file(source, lang, DEFAULT_LANGUAGE, list(LANGUAGES), settings)
            theirs = i18nfiles.STATIC_I18N_FILE(source, lang, DEFAULT_LANGUAGE, list(LANGUAGES), settings)
            if fields(ours, lang) != fields(theirs, lang):
                differences.append((uri, lang, fields(ours, lang), fields(theirs, lang)))
    assert differences == []
