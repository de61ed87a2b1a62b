"""The Markdown made ahead by a second process is the site's own, or nothing."""

from __future__ import annotations

import multiprocessing.context

import pytest

from conftest import ROOT
from kakehashi.mkdocs_adapter.speedups.markdown_prefetch import MarkdownPrefetch
from kakehashi.site.whole_site import load_site


def made_by_now(ahead: MarkdownPrefetch) -> MarkdownPrefetch:
    ahead._process.join(60)
    return ahead


def test_each_language_is_every_page_as_the_site_makes_it_and_is_taken_once() -> None:
    site = load_site(ROOT)
    ahead = made_by_now(MarkdownPrefetch(site, ["ja", "en"]))
    try:
        for lang in ("ja", "en"):
            assert ahead.take(lang) == {key: site.markdown(key, lang) for key in site.page_keys()}
            assert ahead.take(lang) is None
        assert ahead.take("de") is None  # not asked for
    finally:
        ahead.close()
    assert not ahead._folder.exists()


class BrokenSite:
    def page_keys(self) -> list[str]:
        return ["index", "partnership"]

    def markdown(self, key: str, lang: str) -> str:
        raise ValueError("a page the build reports itself")


def test_a_process_that_fails_leaves_the_languages_to_the_build_quietly(
    capfd: pytest.CaptureFixture[str],
) -> None:
    ahead = made_by_now(MarkdownPrefetch(BrokenSite(), ["ja"]))  # type: ignore[arg-type]
    try:
        assert ahead._process.exitcode == 1
        assert ahead.take("ja") is None
    finally:
        ahead.close()
    assert capfd.readouterr().err == ""


def test_a_build_that_stops_early_stops_the_process_and_leaves_no_folder() -> None:
    ahead = MarkdownPrefetch(load_site(ROOT), ["ja", "en"])
    ahead.close()
    assert not ahead._folder.exists()


def test_without_a_process_each_build_makes_its_own_markdown(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_process_left(self: object) -> None:
        raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(multiprocessing.context.ForkProcess, "start", no_process_left)
    ahead = MarkdownPrefetch(load_site(ROOT), ["ja", "en"])
    assert ahead.take("ja") is None
    ahead.close()
    assert not ahead._folder.exists()
