"""Each page's language switcher, set as mkdocs-static-i18n sets it, with a cheaper copy.

Before the theme renders a page, static-i18n copies the switcher's links
(``extra.alternate``) with ``copy.deepcopy`` and points each at the page's
alternate in that language (``reconfigure_page_context``). The deep copy of
three small dicts was most of a tenth of a build whose pages were already
rendered (3,000 records per section). The links are flat dicts of strings, so a
copy of each dict is the same copy; anything else is still deep-copied.
``tests/test_languageswitch.py`` compares the result with static-i18n's.
"""

from __future__ import annotations

import copy
from pathlib import PurePath
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from kakehashi.base import speedups

HOME = PurePath(".")


def use_for(i18n: Any) -> None:
    """Let static-i18n's plugin ``i18n`` set the switcher with :func:`set_page_links`."""
    if not speedups.enabled():
        return
    # static-i18n looks the method up on the plugin for every page.
    i18n.reconfigure_page_context = lambda context, page, config, nav: set_page_links(
        i18n.extra_alternate, context, page, config, nav
    )


def set_page_links(links: list, context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    """What static-i18n's ``reconfigure_page_context`` does, given its ``extra_alternate`` as ``links``."""
    if not links:
        return context
    config.extra.alternate = page_links = _copied(links)
    url = PurePath(page.url)
    if url == HOME or url == PurePath(page.file.locale_alternate_of):
        return context  # a language's home page: the switcher leads to each home
    alternates = page.file.alternates
    for link in page_links:
        if link["lang"] in alternates:
            link["link"] = alternates[link["lang"]].url
    return context


def _copied(links: list) -> list:
    flat = type(links) is list and all(
        type(link) is dict and all(type(value) is str for value in link.values()) for link in links
    )
    return [dict(link) for link in links] if flat else copy.deepcopy(links)
