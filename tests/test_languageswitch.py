"""Each page's language switcher is set as static-i18n sets it."""

from __future__ import annotations

import copy

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs_static_i18n.reconfigure import ExtendedPlugin

from conftest import ROOT
from kakehashi.mkdocs_adapter import i18n_files as i18nfiles
from kakehashi.mkdocs_adapter.speedups import language_switch as languageswitch
from kakehashi.site.languages import LANGUAGES
from kakehashi.site.whole_site import load_site

# The switcher's links as static-i18n makes them from mkdocs.yml: each language's home.
HOMES = [
    {"name": "Deutsch", "link": "/", "lang": "de"},
    {"name": "日本語", "link": "/ja/", "lang": "ja"},
    {"name": "English", "link": "/en/", "lang": "en"},
]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_gets_the_links_static_i18n_gives_it(lang: str) -> None:
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir="/site")
    i18n = config.plugins["i18n"]
    i18n.current_language, i18n.extra_alternate = lang, copy.deepcopy(HOMES)
    files = i18nfiles.add_generated_pages(Files([]), config, load_site(ROOT).page_keys())
    switched = 0
    for file in files.documentation_pages():
        page = Page(None, file, config)
        ExtendedPlugin.reconfigure_page_context(i18n, {}, page, config, None)
        theirs = config.extra.alternate
        assert languageswitch.set_page_links(i18n.extra_alternate, {}, page, config, None) == {}
        ours = config.extra.alternate
        assert ours == theirs
        assert ours is not i18n.extra_alternate and ours[0] is not i18n.extra_alternate[0]
        switched += ours != HOMES
    assert i18n.extra_alternate == HOMES  # copied, not changed
    assert switched == len(files.documentation_pages()) - 1  # all but the home page link to themselves


def test_links_that_are_not_flat_strings_are_still_copied_whole() -> None:
    links = [{"name": "Deutsch", "link": "/", "lang": "de", "extra": ["x"]}]
    copied = languageswitch._copied(links)
    assert copied == links and copied[0]["extra"] is not links[0]["extra"]
