"""Search bundles: a language's pages in one Pagefind bundle, or in parts merged by the browser."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from conftest import copy_project, run_mkdocs_build
from kakehashi.mkdocs_adapter.build_state import SEARCH_BUNDLES
from kakehashi.search.bundles import (
    DEFAULT_PAGES_PER_BUNDLE,
    SearchBundle,
    SearchIndex,
    SearchIndexError,
    pages_per_bundle,
    plan_bundles,
)


def pages_of(prefix: str, sections: dict[str, int]) -> list[str]:
    pages = [f"{prefix}index.html"]
    for section, count in sections.items():
        pages.append(f"{prefix}{section}/index.html")
        pages += [f"{prefix}{section}/record-{n:04d}/index.html" for n in range(count)]
    return pages


def test_a_language_within_the_limit_is_one_bundle_named_by_its_folders() -> None:
    pages = pages_of("ja/", {"cycling": 3, "projects": 2})
    [bundle] = plan_bundles("ja", pages, 100)
    assert bundle.path == "ja/pagefind/"
    assert sorted(bundle.pages) == sorted(pages)
    assert bundle.glob == "{ja/cycling/**/*.html,ja/index.html,ja/projects/**/*.html}"


def test_the_default_language_bundle_is_at_the_site_root() -> None:
    [bundle] = plan_bundles("de", pages_of("", {"cycling": 2}), 100)
    assert bundle.path == "pagefind/"
    assert bundle.glob == "{cycling/**/*.html,index.html}"


def test_a_larger_language_is_dealt_out_to_as_few_parts_as_hold_it() -> None:
    pages = pages_of("en/", {"cycling": 40, "disaster-prevention": 30, "projects": 25})  # 99 pages
    bundles = plan_bundles("en", pages, 40)
    assert [b.path for b in bundles] == ["en/pagefind/", "en/pagefind-2/", "en/pagefind-3/"]
    assert all(b.glob is None for b in bundles)
    assert all(len(b.pages) <= 40 for b in bundles)
    held = [page for b in bundles for page in b.pages]
    assert sorted(held) == sorted(pages), "every page in exactly one part"
    for bundle in bundles:  # each part is a sample of every section, not one section
        sections = {page.split("/")[1] for page in bundle.pages if page.count("/") > 1}
        assert sections == {"cycling", "disaster-prevention", "projects"}


def test_the_plan_does_not_depend_on_the_order_pages_come_in() -> None:
    pages = pages_of("", {"a": 30, "b": 30})
    assert plan_bundles("de", pages, 25) == plan_bundles("de", reversed(pages), 25)


@pytest.mark.parametrize(("setting", "expected"), [(None, DEFAULT_PAGES_PER_BUNDLE), (40, 40), ("40", 40)])
def test_pages_per_bundle_setting(setting: object, expected: int) -> None:
    assert pages_per_bundle(setting) == expected


@pytest.mark.parametrize("setting", [0, -3, "many", "4.5"])
def test_a_bad_pages_per_bundle_setting_is_named(setting: object) -> None:
    with pytest.raises(SearchIndexError, match=r"mkdocs.yml, extra.search_pages_per_bundle: .* whole number"):
        pages_per_bundle(setting)


def test_built_site_with_small_bundles_indexes_every_page_once(tmp_path: Path) -> None:
    site = tmp_path / "site"
    project = copy_project(tmp_path / "project")
    result = run_mkdocs_build(project, site, {"KAKEHASHI_SEARCH_PAGES_PER_BUNDLE": "20"})
    assert result.returncode == 0, result.stderr
    assert not [p.name for p in site.rglob(".search-*")], "staging folders are removed"
    for lang in ("de", "ja", "en"):
        folder = site if lang == "de" else site / lang
        every_page = [
            page
            for page in folder.rglob("index.html")
            if lang != "de" or page.relative_to(site).parts[0] not in ("ja", "en")
        ]
        # The pages are dealt out to the bundles; those left out of the search (the
        # editors' guide) are not indexed by the bundle they fall to.
        pages = [page for page in every_page if "data-pagefind-body" in page.read_text("utf-8")]
        assert len(pages) < len(every_page)
        bundles = sorted(p.parent for p in folder.glob("pagefind*/pagefind-entry.json"))
        assert len(bundles) == -(-len(every_page) // 20) >= 2
        counts = [
            json.loads((b / "pagefind-entry.json").read_text("utf-8"))["languages"][lang]["page_count"]
            for b in bundles
        ]
        assert sum(counts) == len(pages) and max(counts) <= 20
        # Every page's search dialog names all the language's bundles.
        home = (folder / "index.html").read_text("utf-8")
        named = [re.search(r'data-bundle="([^"]+)"', home).group(1)]
        named += re.search(r'data-merge="([^"]+)"', home).group(1).split()
        assert sorted(Path(os.path.normpath(folder / part)) for part in named) == bundles


def bundle_files(site: Path, bundle: str) -> dict[str, bytes]:
    folder = site / bundle
    return {
        path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()
    }


def test_a_bundle_of_unchanged_pages_is_copied_from_the_last_build(
    project_copy: Path, tmp_path: Path
) -> None:
    first = run_mkdocs_build(project_copy, tmp_path / "first")
    assert first.returncode == 0, first.stderr
    kept = sorted((project_copy / SEARCH_BUNDLES).iterdir())
    assert len(kept) == 3  # one bundle per language
    for folder in kept:  # a mark that only a copy of the kept bundle carries
        (folder / "kept.txt").write_text(folder.name, "utf-8")
    # A change of a German page only: the Japanese and English bundles are as before.
    page = project_copy / "content" / "de" / "partnership.md"
    page.write_text(page.read_text("utf-8") + "\nEin neuer Absatz über Radwege.\n", "utf-8")
    second = run_mkdocs_build(project_copy, tmp_path / "second")
    assert second.returncode == 0, second.stderr
    site = tmp_path / "second"
    assert not (site / "pagefind" / "kept.txt").exists()
    assert (site / "ja" / "pagefind" / "kept.txt").exists() and (
        site / "en" / "pagefind" / "kept.txt"
    ).exists()
    for bundle in ("ja/pagefind", "en/pagefind"):
        copied = bundle_files(site, bundle)
        assert copied.pop("kept.txt")
        assert copied == bundle_files(tmp_path / "first", bundle)
    # The German bundle was made anew and is kept in place of the old one.
    assert bundle_files(site, "pagefind") != bundle_files(tmp_path / "first", "pagefind")
    now_kept = sorted((project_copy / SEARCH_BUNDLES).iterdir())
    assert len(now_kept) == 3 and len(set(now_kept) & set(kept)) == 2


def test_a_bundle_pagefind_cannot_make_fails_with_its_report(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("no html element, nothing to index", "utf-8")
    index = SearchIndex(kept_in=tmp_path / "kept")
    index.add_language(tmp_path, "de", [SearchBundle("pagefind/", ("index.html",), "nothing-matches/*.html")])
    with pytest.raises(SearchIndexError, match=r"Pagefind failed on the de pages \(exit code \d+\):\n."):
        index.finish()
    assert not (tmp_path / "kept").exists(), "nothing kept of a failed bundle"
