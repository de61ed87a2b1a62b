"""Building blocks of generated Markdown that are not escaping."""

from __future__ import annotations

import itertools
import posixpath

from conftest import ROOT
from kakehashi.site.markdown_blocks import link, relative_path
from kakehashi.site.whole_site import load_site


def test_relative_paths_match_posixpath_for_every_pair_of_pages() -> None:
    keys = [*load_site(ROOT).page_keys(), "a/b/c", "a/b", "a", "projects/page/2"]
    for from_key, to_key in itertools.product(keys, repeat=2):
        expected = posixpath.relpath(f"{to_key}.md", posixpath.dirname(from_key) or ".")
        assert relative_path(f"{to_key}.md", from_key) == expected, (from_key, to_key)


def test_links_are_relative_to_the_linking_page() -> None:
    assert link("Radwege", "cycling/index", "cycling/kasumigaura") == "[Radwege](kasumigaura.md)"
    assert link("Start", "cycling/kasumigaura", "index") == "[Start](../index.md)"
