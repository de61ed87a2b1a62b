"""The whole site as Markdown: every page key in every language, from data and content."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property, partial
from pathlib import Path
from typing import Any

from kakehashi.site import directives, translation_status
from kakehashi.site.downloads import Download
from kakehashi.site.editorial import EditorialPage, load_content, render_editorial
from kakehashi.site.geojson import geojson_downloads
from kakehashi.site.interactive_map import DEFAULT_MAP_TILES, MapTiles
from kakehashi.site.record_pages import index_page_count, render_record, render_section_index
from kakehashi.site.sitemap import sitemap_downloads, sitemap_xml
from kakehashi.site.urls import record_key, section_index_key
from kakehashi.sources.loader import SECTION_IDS, Data, Reader, load_data
from kakehashi.sources.problems import Problem, SourceProblems
from kakehashi.sources.record_cache import read_checked

# The directives editorial pages may use, and the data sections each one shows.
DIRECTIVE_SECTIONS: dict[str, tuple[str, ...]] = {
    "sections": (),  # counts only, which change with the set of pages: a full rebuild
    "timeline": ("projects",),
    "operator": (),  # from mkdocs.yml
    "glossary": (),  # from the generator's code
}


@dataclass
class Site:
    data: Data
    editorial: dict[str, EditorialPage]
    operator: Mapping[str, Any] = field(default_factory=dict)
    map_tiles: MapTiles = DEFAULT_MAP_TILES  # extra.map_tiles: where the interactive map's tiles come from
    _records: dict[str, Any] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        # Record pages look their record up by key: a dict, not a scan per page.
        self._records = {
            record_key(section, record["id"]): (section, record)
            for section in SECTION_IDS
            for record in self.data.sections[section]
        }

    def page_keys(self) -> list[str]:
        keys = list(self.editorial)
        for section in SECTION_IDS:
            pages = range(1, index_page_count(self.data, section) + 1)
            keys += [section_index_key(section, number) for number in pages]
            keys += [record_key(section, record["id"]) for record in self.data.sections[section]]
        keys.append(translation_status.PAGE_KEY)
        return keys

    def last_checked(self) -> dict[str, str]:
        """Per record page key, the date its record was last checked (its ``updated``)."""
        return {key: record["updated"] for key, (_, record) in self._records.items()}

    def downloads(self, site_url: str) -> list[Download]:
        """Every file of the site that is not a page, written once all languages are built."""
        sitemap = sitemap_downloads(sitemap_xml(site_url, self.page_keys(), self.last_checked()))
        return [*sitemap, *geojson_downloads(self.data, site_url)]

    @cached_property
    def translation_report(self) -> translation_status.TranslationReport:
        return translation_status.translation_report(self.data, self.editorial)

    def markdown(self, key: str, lang: str) -> str:
        """The Markdown of page ``key`` for readers of ``lang``.

        Not kept: at thousands of records the Markdown of every page in three
        languages would cost hundreds of megabytes, and each is asked for once.
        """
        if key == translation_status.PAGE_KEY:
            return translation_status.render_page(self.data, self.editorial, lang, self.translation_report)
        if key in self.editorial:
            handlers = {
                "sections": partial(directives.sections, self.data),
                "timeline": partial(directives.timeline, self.data),
                "operator": lambda _key, reader: directives.operator(self.operator, reader),
                "glossary": lambda _key, reader: directives.glossary(reader),
            }
            return render_editorial(self.editorial[key], lang, handlers)
        if key in self._records:
            section, record = self._records[key]
            return render_record(self.data, section, record, lang, self.map_tiles)
        section, _, name = key.partition("/")
        number = 1 if name == "index" else int(name.removeprefix("page-"))
        return render_section_index(self.data, section, lang, number, self.map_tiles)


def load_site(
    root: Path,
    operator: Mapping[str, Any] | None = None,
    reader: Reader = read_checked,
    map_tiles: MapTiles = DEFAULT_MAP_TILES,
) -> Site:
    """Load and check all sources under ``root``; raise :class:`SourceProblems` listing all.

    ``reader`` parses and checks one data file (see :func:`load_data`); ``map_tiles``
    is the checked ``extra.map_tiles`` (``interactive_map.map_tiles_setting``).
    """
    problems: list[Problem] = []
    try:
        data = load_data(root, reader=reader)
    except SourceProblems as error:
        problems += error.problems
        data = None
    editorial, content_problems = load_content(root, set(DIRECTIVE_SECTIONS))
    problems += content_problems
    for key, page in editorial.items():
        section = key.split("/")[0]
        if section in SECTION_IDS:
            problems += [
                Problem(
                    file,
                    1,
                    1,
                    "",
                    f"pages under '{section}/' are generated from data/{section}.yml; "
                    "move this page to another folder",
                )
                for file in page.files.values()
            ]
    if translation_status.PAGE_KEY in editorial:
        problems += [
            Problem(
                file,
                1,
                1,
                "",
                f"the page name '{translation_status.PAGE_KEY}' is taken by a generated page; "
                "rename this file",
            )
            for file in editorial[translation_status.PAGE_KEY].files.values()
        ]
    if problems:
        raise SourceProblems(problems)
    assert data is not None
    return Site(data, editorial, dict(operator or {}), map_tiles)
