"""The whole site as Markdown: every page key in every language, from data and content."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any

from kakehashi.site import (
    data_catalogue,
    directives,
    events,
    guides,
    offline,
    open_data,
    records_view,
    translation_status,
)
from kakehashi.site.calendar_feeds import calendar_downloads
from kakehashi.site.data_catalogue import CATALOGUE_FOLDER, CATALOGUE_KEY
from kakehashi.site.downloads import Download
from kakehashi.site.editorial import EditorialPage, load_content, page_markers, render_editorial
from kakehashi.site.geojson import geojson_downloads
from kakehashi.site.interactive_map import DEFAULT_MAP_TILES, MapTiles
from kakehashi.site.open_data import DatasetExport, OpenDataSettings
from kakehashi.site.record_pages import index_page_count, render_record, render_section_index
from kakehashi.site.sitemap import robots_download, sitemap_downloads, sitemap_xml
from kakehashi.site.topic_pages import render_topic, render_topics_index, topic_page_keys
from kakehashi.site.track_files import track_downloads
from kakehashi.site.urls import TOPICS_INDEX_KEY, record_key, section_index_key
from kakehashi.sources.loader import SECTION_IDS, TOPIC_IDS, Data, Reader, load_data
from kakehashi.sources.problems import Problem, SourceProblems
from kakehashi.sources.record_cache import read_checked
from kakehashi.sources.schema import allowed_values

# The directives editorial pages may use, and the data sections each one shows.
DIRECTIVE_SECTIONS: dict[str, tuple[str, ...]] = {
    "sections": (),  # counts only, which change with the set of pages: a full rebuild
    "timeline": (),  # from data/events.yml: an edit of it rebuilds the whole site
    "operator": (),  # from mkdocs.yml
    "contact": (),  # from mkdocs.yml
    "glossary": (),  # from the generator's code
    "records": (),  # the section its section= argument names (sections_shown)
}
# Folders of page keys that are generated: editorial pages may not take them.
_TOPICS_FOLDER = TOPICS_INDEX_KEY.split("/")[0]
_GUIDES_FOLDER = guides.GUIDES_INDEX_KEY.split("/")[0]


def sections_shown(page: EditorialPage) -> set[str]:
    """The data sections an editorial page shows through its directives, in any language."""
    shown: set[str] = set()
    for markers in page_markers(page).values():
        for marker in markers:
            shown.update(DIRECTIVE_SECTIONS.get(marker.name, ()))
            if marker.name == records_view.NAME:
                shown.add(records_view.query_of(marker).section)
    return shown


@dataclass
class Site:
    data: Data
    editorial: dict[str, EditorialPage]
    operator: Mapping[str, Any] = field(default_factory=dict)
    # The day that splits upcoming from past events (events.as_of), taken once per load.
    today: date = field(default_factory=events.as_of)
    # The site's address and the data's licence (mkdocs.yml), and data/schema/*.json by file name.
    open_data: OpenDataSettings = field(default_factory=OpenDataSettings)
    schema_files: Mapping[str, bytes] = field(default_factory=dict, repr=False)
    map_tiles: MapTiles = DEFAULT_MAP_TILES  # extra.map_tiles: where the interactive map's tiles come from
    # The downloads an earlier build made from exactly the same inputs, where the build
    # kept them: taken instead of making them again (mkdocs_adapter/speedups/download_cache.py).
    kept_downloads: list[Download] | None = field(default=None, repr=False)
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
        keys.append(events.PAGE_KEY)
        keys += guides.guide_page_keys(self.data)
        keys += topic_page_keys()
        keys.append(translation_status.PAGE_KEY)
        keys.append(CATALOGUE_KEY)
        return keys

    def last_checked(self) -> dict[str, str]:
        """Per record page key, the date its record was last checked (its ``updated``)."""
        return {key: record["updated"] for key, (_, record) in self._records.items()}

    def downloads(self, site_url: str) -> list[Download]:
        """Every file of the site that is not a page, written once all languages are built."""
        if self.kept_downloads is not None:
            return list(self.kept_downloads)
        keys = self.page_keys()
        sitemap = sitemap_downloads(sitemap_xml(site_url, keys, self.last_checked()))
        return [
            *sitemap,
            robots_download(site_url),
            *calendar_downloads(self.data, site_url),
            *track_downloads(self.data),
            *geojson_downloads(self.data, site_url),
            *open_data.downloads(self.data_exports, self.schema_files),
            offline.service_worker(self.data, keys),
        ]

    @cached_property
    def data_exports(self) -> list[DatasetExport]:
        """The files of every dataset, made once: the catalogue page shows their sizes."""
        made = {download.path: download.content for download in self.kept_downloads or ()}
        return open_data.export_datasets(self.data, self.schema_files, self.open_data, made)

    @cached_property
    def translation_report(self) -> translation_status.TranslationReport:
        return translation_status.translation_report(self.data, self.editorial)

    def markdown(self, key: str, lang: str) -> str:
        """The Markdown of page ``key`` for readers of ``lang``.

        Not kept: at thousands of records the Markdown of every page in three
        languages would cost hundreds of megabytes, and each is asked for once.
        """
        if key == events.PAGE_KEY:
            return events.render_page(self.data, lang, self.today)
        if key == translation_status.PAGE_KEY:
            return translation_status.render_page(self.data, self.editorial, lang, self.translation_report)
        if key == CATALOGUE_KEY:
            return data_catalogue.render_catalogue(
                self.data, self.data_exports, self.open_data, self.operator, lang
            )
        if key in self.editorial:
            handlers = {
                "sections": lambda here, reader, _marker: directives.sections(self.data, here, reader),
                "timeline": lambda here, reader, _marker: directives.timeline(self.data, here, reader),
                "operator": lambda _key, reader, _marker: directives.operator(self.operator, reader),
                "contact": lambda _key, reader, _marker: directives.contact(self.operator, reader),
                "glossary": lambda _key, reader, _marker: directives.glossary(reader),
                "records": lambda here, reader, marker: records_view.records_marker(
                    self.data, marker, here, reader
                ),
            }
            return render_editorial(self.editorial[key], lang, handlers)
        if key in self._records:
            section, record = self._records[key]
            return render_record(self.data, section, record, lang, self.map_tiles)
        section, _, name = key.partition("/")
        if section == _GUIDES_FOLDER:
            if key == guides.GUIDES_INDEX_KEY:
                return guides.render_guides_index(self.data, lang)
            return guides.render_guide(self.data, name, lang)
        if section == _TOPICS_FOLDER:
            if key == TOPICS_INDEX_KEY:
                return render_topics_index(self.data, lang)
            return render_topic(self.data, name, lang)
        number = 1 if name == "index" else int(name.removeprefix("page-"))
        export = next(e for e in self.data_exports if e.name == section)
        note = data_catalogue.section_note(export, self.open_data, key, lang)
        return render_section_index(self.data, section, lang, number, note, self.map_tiles)


def load_site(
    root: Path,
    operator: Mapping[str, Any] | None = None,
    reader: Reader = read_checked,
    open_data_settings: OpenDataSettings | None = None,
    map_tiles: MapTiles = DEFAULT_MAP_TILES,
) -> Site:
    """Load and check all sources under ``root``; raise :class:`SourceProblems` listing all.

    ``reader`` parses and checks one data file (see :func:`load_data`);
    ``open_data_settings`` are the site's address and the data's licence; ``map_tiles``
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
    # Checked even when the data has problems, so that an editor sees them all at once.
    problems += _directive_problems(editorial, _vocabulary(root, data))
    for key, page in editorial.items():
        section = key.split("/")[0]
        generated_from = {_TOPICS_FOLDER: "the topics of the records", _GUIDES_FOLDER: "data/guides/"}
        if section in SECTION_IDS or section in generated_from:
            problems += [
                Problem(
                    file,
                    1,
                    1,
                    "",
                    f"pages under '{section}/' are generated from "
                    + (f"data/{section}.yml" if section in SECTION_IDS else generated_from[section])
                    + "; move this page to another folder",
                )
                for file in page.files.values()
            ]
    reserved = [key for key in editorial if key.split("/")[0] == CATALOGUE_FOLDER]
    problems += [
        Problem(
            file,
            1,
            1,
            "",
            f"pages under '{CATALOGUE_FOLDER}/' would take the address of the data files and their "
            "catalogue; move this page to another folder",
        )
        for key in reserved
        for file in editorial[key].files.values()
    ]
    for generated in (events.PAGE_KEY, translation_status.PAGE_KEY):
        if generated not in editorial:
            continue
        problems += [
            Problem(
                file,
                1,
                1,
                "",
                f"the page name '{generated}' is taken by a generated page; rename this file",
            )
            for file in editorial[generated].files.values()
        ]
    if problems:
        raise SourceProblems(problems)
    assert data is not None
    schema_dir = root / "data" / "schema"
    schema_files = {path.name: path.read_bytes() for path in sorted(schema_dir.glob("*.json"))}
    return Site(
        data,
        editorial,
        dict(operator or {}),
        open_data=open_data_settings or OpenDataSettings(),
        schema_files=schema_files,
        map_tiles=map_tiles,
    )


def _vocabulary(root: Path, data: Data | None) -> records_view.Vocabulary:
    """What a records marker may name, from the data and the schemas of the project at ``root``;
    what cannot be read (its own problems are reported) is not checked."""
    schema_dir = root / "data" / "schema"
    try:
        kinds = {section: allowed_values(schema_dir, section, "kind") for section in SECTION_IDS}
    except (OSError, ValueError, KeyError):
        kinds = None
    cities = tuple(sorted(data.cities)) if data is not None else None
    return records_view.Vocabulary(cities, kinds, TOPIC_IDS)


def _directive_problems(
    editorial: dict[str, EditorialPage], vocabulary: records_view.Vocabulary
) -> list[Problem]:
    """The arguments of every marker line: the records marker checks its own, the others take none."""
    problems: list[Problem] = []
    for page in editorial.values():
        for lang, markers in page_markers(page).items():
            for marker in markers:
                if marker.name == records_view.NAME:
                    found = records_view.check_marker(marker, vocabulary)
                elif marker.name in DIRECTIVE_SECTIONS and marker.arguments:
                    first = marker.arguments[0]
                    message = f"this marker takes no arguments (found '{first.text}')"
                    found = [(first.column, f"kakehashi:{marker.name}", message)]
                else:
                    found = []
                problems += [Problem(page.files[lang], marker.line, column, f, m) for column, f, m in found]
    return problems
