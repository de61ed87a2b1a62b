"""The generated pages' files are the ones static-i18n makes from ``<key>.<lang>.md``."""

from __future__ import annotations

import pytest
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from conftest import ROOT
from kakehashi.mkdocs_adapter import i18n_files as i18nfiles
from kakehashi.site.languages import LANGUAGES
from kakehashi.site.urls import placeholder_uri
from kakehashi.site.whole_site import load_site

# Keys outside the simple shape, which must reach static-i18n's function unchanged.
UNUSUAL_KEYS = ["README", "projects/README", "v1.2", "projects/a.b/c", "über", "index/index", "a b"]


def site_config(use_directory_urls: bool) -> MkDocsConfig:
    return load_config(str(ROOT / "mkdocs.yml"), use_directory_urls=use_directory_urls, site_dir="/site")


def static_i18n_pages(config: MkDocsConfig, keys: list[str]) -> list[File]:
    """What static-i18n makes of every key's file in every language, as the docs tree held them."""
    placeholders = Files(
        [
            File(placeholder_uri(key, lang), config.docs_dir, config.site_dir, config.use_directory_urls)
            for key in keys
            for lang in LANGUAGES
        ]
    )
    return config.plugins["i18n"].reconfigure_files(placeholders, config).documentation_pages()


def fields(file: File) -> dict:
    """Everything a later step reads of the file."""
    data = {name: value for name, value in vars(file).items() if name != "alternates"}
    for name in ("src_path", "dest_path", "url", "name", "abs_src_path", "abs_dest_path", "edit_uri"):
        data[f"property {name}"] = getattr(file, name)
    data["is_documentation_page"] = file.is_documentation_page()
    return data


def page_fields(file: File) -> tuple[dict, list]:
    """The file's fields and, in their order, its alternates' (each of which lists only itself)."""
    alternates = []
    for lang, alternate in file.alternates.items():
        lists_itself = list(alternate.alternates.items()) == [(lang, alternate)]
        alternates.append((lang, fields(alternate), lists_itself))
    return fields(file), alternates


@pytest.mark.parametrize("use_directory_urls", [True, False])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_comes_out_as_static_i18n_makes_it(use_directory_urls: bool, lang: str) -> None:
    config = site_config(use_directory_urls)
    config.plugins["i18n"].current_language = lang
    keys = list(load_site(ROOT).page_keys()) + UNUSUAL_KEYS
    assert len(keys) > 60

    theirs = static_i18n_pages(config, keys)
    ours = i18nfiles.add_generated_pages(Files([]), config, keys).documentation_pages()

    assert [file.src_uri for file in ours] == [file.src_uri for file in theirs]
    assert [page_fields(file) for file in ours] == [page_fields(file) for file in theirs]
    # Every page has its other languages as alternates.
    assert {len(file.alternates) for file in ours} == {len(LANGUAGES)}
    # static-i18n's list of the language's pages (its sitemap template's) has them too.
    assert config.plugins["i18n"].i18n_files_per_language[lang] == ours
