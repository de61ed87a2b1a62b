"""What the MkDocs hooks keep between events and between the per-language builds."""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.structure.nav import Navigation
from mkdocs.structure.toc import TableOfContents

from kakehashi.base import speedups
from kakehashi.base.fingerprints import sources_fingerprint
from kakehashi.mkdocs_adapter.serve_update import ServeSession, update_pages
from kakehashi.mkdocs_adapter.speedups.download_cache import DownloadCache, inputs_digest
from kakehashi.mkdocs_adapter.speedups.forks import worth_forking
from kakehashi.mkdocs_adapter.speedups.html_cache import HtmlCache
from kakehashi.mkdocs_adapter.speedups.markdown_prefetch import MarkdownPrefetch
from kakehashi.mkdocs_adapter.speedups.page_writer import ForkedPageWriter
from kakehashi.search.bundles import SearchBundle, SearchIndex
from kakehashi.site.downloads import write_downloads
from kakehashi.site.interactive_map import DEFAULT_MAP_TILES, MapTiles
from kakehashi.site.languages import DEFAULT_LANGUAGE, LANGUAGES
from kakehashi.site.open_data import OpenDataSettings
from kakehashi.site.whole_site import Site, load_site
from kakehashi.sources.data_file import read_checked
from kakehashi.sources.problems import SourceProblems, write_preview_problems
from kakehashi.sources.record_cache import RecordCache

# The parsed records of the data files, the rendered pages and the search bundles, kept between builds.
STORE = Path(".cache") / "kakehashi"
RENDERED = STORE / "rendered.sqlite"
SEARCH_BUNDLES = STORE / "search"


@dataclass
class BuildState:
    serving: bool = False
    dirty: bool = False  # `--dirty`: only pages whose source changed are written
    site: Site | None = None
    map_tiles: MapTiles = DEFAULT_MAP_TILES  # extra.map_tiles of the last load
    problems: SourceProblems | None = None
    _fingerprint: tuple | None = None
    _default_not_found: str | None = field(default=None, repr=False)
    # Kept across the rebuilds of `mkdocs serve`: an edit re-reads only the records it touched.
    _records: RecordCache | None = field(default=None, repr=False)
    serve_session: ServeSession | None = None  # while serving: the last build, to update page by page
    search: SearchIndex | None = None  # the search index of the build under way
    html_cache: HtmlCache | None = None  # the rendered pages of the build under way (None: speed-ups off)
    # The files beside the pages of the last build, where they can be kept (not while serving).
    download_cache: DownloadCache | None = None
    # The digest of the inputs of the last load (download_cache.inputs_digest).
    _downloads_key: bytes | None = field(default=None, repr=False)
    # The language being built: its navigation, and the process writing part of its pages.
    language_nav: Navigation | None = None
    page_writer: ForkedPageWriter | None = None
    # The Markdown of the languages built later, made meanwhile.
    markdown_prefetch: MarkdownPrefetch | None = None
    # The languages of the build under way written so far.
    languages_done: set[str] = field(default_factory=set)
    # Per language, the search bundles its pages are indexed in (planned when its pages are known).
    search_bundles: dict[str, list[SearchBundle]] = field(default_factory=dict)

    def load(
        self,
        root: Path,
        operator: Mapping[str, Any],
        open_data: OpenDataSettings | None = None,
        map_tiles: MapTiles | None = None,
    ) -> None:
        """Load the sources unless they are unchanged since the last load.

        ``open_data``: the site's address and the data's licence, which the data files name.
        ``map_tiles`` is the checked ``extra.map_tiles``; None keeps that of the last load.

        Raises :class:`SourceProblems`, except while serving with a good site
        from before: then that site stays, the problems are printed once and
        the preview shows them on every page until they are fixed.
        """
        open_data = open_data or OpenDataSettings()
        self.map_tiles = map_tiles or self.map_tiles
        current = (sources_fingerprint(root, operator), open_data, self.map_tiles)
        if current != self._fingerprint:
            self._fingerprint = current
            first_load = self._records is None
            # Taken before the sources are read: a file changed meanwhile makes the next build miss.
            settings = (sorted(operator.items()), open_data, self.map_tiles)
            keep = speedups.enabled() and not self.serving
            self._downloads_key = inputs_digest(root, settings) if keep else None
            if self._records is None and speedups.enabled():
                self._records = RecordCache(root / STORE)
            reader = self._records.read if self._records is not None else read_checked
            try:
                self.site = load_site(
                    root, operator, reader=reader, open_data_settings=open_data, map_tiles=self.map_tiles
                )
                self.problems = None
                if self._records is not None and (first_load or not self.serving):
                    # Not after each edit while serving: the next start parses the few changed records.
                    self._records.save()
            except SourceProblems as error:
                self.problems = error
                if self.serving and self.site is not None:
                    # Not through MkDocs' logger: in strict mode an error there
                    # would abort the rebuild and leave the browser without a page.
                    print(f"ERROR    -  {error.report()}", file=sys.stderr)
            if not self.serving:
                # A build loads once; the kept records, with the positions of
                # every value, would double the memory the loaded data takes.
                self._records = None
        if self.problems and not (self.serving and self.site is not None):
            raise self.problems

    def start_build(self, config: Any, root: Path) -> None:
        """A full build begins (the outer one of the per-language builds)."""
        if self.html_cache:  # a build stopped before its end left it open
            self.html_cache.close()
        self.html_cache = HtmlCache(root / RENDERED) if speedups.enabled() else None
        self.languages_done = set()
        self.stop_markdown_prefetch()
        key = self._downloads_key
        self.download_cache = DownloadCache(root / STORE, key) if key else None
        if self.site is not None and self.download_cache is not None and self.site.kept_downloads is None:
            self.site.kept_downloads = self.download_cache.load()
        if self.site is not None:
            # The data files, made before the fork below: the catalogue page of every language
            # shows their sizes, and a fork that needed them would make them once more.
            _ = self.site.data_exports
        if self.site is not None and worth_forking(len(self.site.page_keys()), self.serving):
            first = config.plugins["i18n"].current_language
            later = [lang for lang in LANGUAGES if lang != first]
            self.markdown_prefetch = MarkdownPrefetch(self.site, later)
        if self.serving and self.site is not None:
            self.serve_session = self.serve_session or ServeSession(root)
            self.serve_session.start_full_build(config, self.site)

    def write_downloads(self, site_dir: Path, site_url: str) -> None:
        """Write the files beside the pages, and keep them for the next build with the same inputs."""
        assert self.site is not None
        downloads = self.site.downloads(site_url)
        write_downloads(site_dir, downloads)
        if self.download_cache is not None and self.site.kept_downloads is None:
            self.download_cache.save(downloads)
            self.site.kept_downloads = downloads

    def page_markdown(self, lang: str) -> Callable[[str], str]:
        """The Markdown of a page of the language about to be built, by key."""
        assert self.site is not None
        made = (self.markdown_prefetch.take(lang) if self.markdown_prefetch else None) or {}
        site = self.site
        # Each page is asked for once: what was made ahead is not held after.
        return lambda key: made.pop(key, None) or site.markdown(key, lang)

    def stop_markdown_prefetch(self) -> None:
        if self.markdown_prefetch:
            self.markdown_prefetch.close()
            self.markdown_prefetch = None

    def update_served_pages(self) -> int | None:
        """After an edit while serving: re-render the changed pages; None if a full build is needed."""
        served = self.serve_session
        if served is None or served.config is None:
            return None
        config = served.config
        self.load(
            served.root,
            config.extra.get("operator") or {},
            OpenDataSettings.from_settings(config.site_url, config.extra),
        )
        write_preview_problems(Path(served.config.site_dir), self.problems)
        if self.site is None:
            return None
        # With problems the site is still the last good one: its pages stay as they are.
        updated = update_pages(served, self.site, LANGUAGES)
        if updated is not None:  # the files beside the pages (sitemap, GeoJSON) follow the edit
            write_downloads(Path(served.config.site_dir), self.site.downloads(served.config.site_url))
        return updated

    def place_not_found_page(self, page: str, site_dir: Path, lang: str | None) -> str:
        """The 404 page to write at the site's root; a non-default language's own
        404 page is written to its folder instead."""
        if lang in (None, DEFAULT_LANGUAGE):
            self._default_not_found = page
            return page
        target = site_dir / lang / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page, "utf-8")
        return self._default_not_found if self._default_not_found is not None else page


# One per process: kept across the per-language builds and across the
# rebuilds of `mkdocs serve`, which load the hook module afresh each time.
STATE = BuildState()


def release_page_markdown(page: Any) -> None:
    """Drop the Markdown of a page that has been rendered to HTML.

    MkDocs renders every page of a language before it writes the first one,
    so until then it would hold each page's Markdown twice (the generated
    source and static-i18n's copy) beside its HTML. Titles stay: they come
    from the front matter or were kept by the render.
    """
    page.markdown = ""
    page.file.content_string = ""


def release_written_page(page: Any) -> None:
    """Drop the HTML of a page that has been written: its language's build goes on for a while."""
    page.content = None


def release_built_language(i18n: Any) -> None:
    """Drop what the pages of a language that has been built still hold.

    static-i18n keeps every language's files for a sitemap template the site
    does not use (kakehashi.site.sitemap writes its own), and the first language's
    build outlives the others, which run inside it. Only the tables of contents,
    anchors and alternates are dropped: titles and URLs stay.
    """
    built: dict[str, list] = getattr(i18n, "i18n_files_per_language", {})
    for files in built.values():
        for file in files:
            file.alternates = {}
            page = file.page
            if page is not None:
                page.toc = TableOfContents([])
                page.present_anchor_ids = None
                page.links_to_anchors = None
    built.clear()
