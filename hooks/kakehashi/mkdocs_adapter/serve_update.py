"""Serve an edit of data or content by re-rendering only the pages it changed.

``mkdocs serve`` rebuilds the whole site, all three languages, on every saved
file: with thousands of records that is minutes per edit. While serving, each
language's finished build (its files, navigation and template environment) is
kept, and the Markdown handed to MkDocs is remembered by digest. After an edit
of ``data/`` or ``content/`` the pages that could have changed are rendered to
Markdown again; those whose Markdown differs go through MkDocs' own page
pipeline (read, render, template, write) inside the kept build, with the same
plugins and theme, so they come out as a full build would write them.

An edit that leaves the sources with problems changes no page: the last good
site stays, and the preview's pages show the problems from a file beside them
(``problems.write_preview_problems``); the fix is then an edit like any other.
A full rebuild is still done when the edit reaches further than single pages:
pages added or removed, a city renamed (shown on many pages), a title of the
navigation changed, or anything besides ``data/`` and ``content/`` changed.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.commands.build import _build_page, _populate_page
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

from kakehashi.base.fingerprints import digest, file_stamps
from kakehashi.site import events, guides, stages, translation_status
from kakehashi.site.data_catalogue import CATALOGUE_KEY
from kakehashi.site.downloads import write_downloads
from kakehashi.site.geojson import located_records
from kakehashi.site.record_pages import (
    CardGroups,
    index_page_cards,
    index_page_count,
    related_records,
)
from kakehashi.site.translation_status import missing_texts
from kakehashi.site.urls import TOPICS_INDEX_KEY, placeholder_uri, record_key, section_index_key, topic_key
from kakehashi.site.whole_site import Site, sections_shown
from kakehashi.sources.loader import SECTION_IDS, Record

log = logging.getLogger("mkdocs.plugins.kakehashi")

# Inputs outside data/ and content/: any change there takes a full rebuild.
OTHER_INPUTS = ("docs", "overrides", "hooks", "mkdocs.yml")


@dataclass
class LanguageBuild:
    """What one language's build leaves behind that rendering one more page needs."""

    files: Files
    nav: Navigation
    env: object = None  # the jinja2 Environment after every plugin's on_env
    nav_titles: dict[str, str | None] = field(default_factory=dict)


@dataclass
class ServeSession:
    """The last full build of ``mkdocs serve``, kept to update it page by page."""

    root: Path
    config: MkDocsConfig | None = None
    site: Site | None = None  # the site the served pages show
    stamp: tuple = ()
    languages: dict[str, LanguageBuild] = field(default_factory=dict)
    digests: dict[tuple[str, str], bytes] = field(default_factory=dict)

    def start_full_build(self, config: MkDocsConfig, site: Site) -> None:
        self.config, self.site = config, site
        self.stamp = file_stamps(self.root, OTHER_INPUTS)
        self.languages = {}
        self.digests = {}

    def remember_markdown(self, key: str, lang: str, markdown: str) -> None:
        self.digests[(key, lang)] = digest(markdown)

    def remember_navigation(self, lang: str, files: Files, nav: Navigation) -> None:
        self.languages[lang] = LanguageBuild(files, nav)

    def remember_environment(self, lang: str, env: object) -> None:
        """The language's pages are read by now, so the titles in its navigation are known."""
        build = self.languages[lang]
        build.env = env
        build.nav_titles = {page.file.src_uri: page.title for page in build.nav.pages}


Changed = dict[str, list[tuple[Record, Record]]]  # section → (old, new) of the records that differ


def changed_records(old: Site, new: Site) -> Changed | None:
    """The records an edit changed, by section; None when it needs a full rebuild:
    pages were added or removed, the cities (shown on many pages), the events
    (the events page, the timeline and the calendar feeds) or a track changed."""
    if old.page_keys() != new.page_keys() or old.data.cities != new.data.cities:
        return None
    if old.data.events != new.data.events or old.data.guides != new.data.guides:
        return None
    # A GPX file changed (data/tracks/): its route page and its downloads, written by a full build.
    tracks_before = {name: track.content for name, track in old.data.tracks.items()}
    if tracks_before != {name: track.content for name, track in new.data.tracks.items()}:
        return None
    changed: Changed = {}
    for section in SECTION_IDS:
        pairs = zip(old.data.sections[section], new.data.sections[section], strict=True)
        # Unchanged records are the very same objects: the data is read record by record.
        differ = [(before, after) for before, after in pairs if before is not after and before != after]
        if differ:
            changed[section] = differ
    return changed


def candidate_keys(old: Site, new: Site, changed: Changed, lang: str) -> set[str]:
    """Keys of the pages in ``lang`` whose Markdown the edit may have changed.

    Rendering a page to Markdown is what an edit costs at thousands of
    records, so only pages that show something changed are candidates: the
    changed records, the index pages whose cards differ (a new title can move
    a card across many pages), editorial pages whose text changed or whose
    directives show a changed section, the pages of the topics a changed record
    has or had (and the topics' overview where the tags changed), and the
    translation status page where it names a changed record or page.
    """
    keys = {record_key(section, after["id"]) for section, pairs in changed.items() for _, after in pairs}
    # Pages that link to a changed record under "See also", before or after the edit.
    for section, pairs in changed.items():
        for before, after in pairs:
            for data, record in ((old.data, before), (new.data, after)):
                keys.update(record_key(s, r["id"]) for s, r in related_records(data, section, record))
    # A route's pair shows on both pages: the counterparts before and after the edit.
    for section, pairs in changed.items():
        for before, after in pairs:
            for data, record in ((old.data, before), (new.data, after)):
                paired = stages.paired_records(data, section, record)
                keys.update(record_key(section, r["id"]) for r in paired)
    # The pages of a city point to the record holding its basics (its title, and whether any does).
    for section, pairs in changed.items():
        for before, after in pairs:
            if "basics" in before or "basics" in after:
                cities = {before["city"], after["city"]}
                for data in (old.data, new.data):
                    keys.update(
                        record_key(section, r["id"]) for r in data.sections[section] if r["city"] in cities
                    )
    for section, pairs in changed.items():
        edited = {id(after) for _, after in pairs}
        # Every index page of a section has its map once one of its records has a location.
        mapped = bool(located_records(old.data, section)) != bool(located_records(new.data, section))
        for number in range(1, index_page_count(new.data, section) + 1):
            before = index_page_cards(old.data, section, lang, number)
            after = index_page_cards(new.data, section, lang, number)
            shows_edited = any(id(r) in edited for _, cards in after for r in cards)
            if mapped or shows_edited or not _same_cards(before, after):
                keys.add(section_index_key(section, number))
    for key, page in new.editorial.items():
        if old.editorial.get(key) != page or sections_shown(page) & set(changed):
            keys.add(key)
    # The events page names the records its events relate to, and says which day it is.
    named = {key for event in new.data.events for key in event.get("related", ())}
    edited = {record_key(section, after["id"]) for section, pairs in changed.items() for _, after in pairs}
    if old.today != new.today or edited & named:
        keys.add(events.PAGE_KEY)
    # A guide shows the titles, addresses and points of the records it links.
    keys.update(guides.keys_showing(new.data, edited))
    for pairs in changed.values():
        for before, after in pairs:
            tagged = (set(before.get("topics", ())), set(after.get("topics", ())))
            keys.update(topic_key(topic) for topic in tagged[0] | tagged[1])
            if tagged[0] != tagged[1]:
                keys.add(TOPICS_INDEX_KEY)
    if changed:  # the data files' sizes and dates
        keys.add(CATALOGUE_KEY)
    records = [(section, record) for section, pairs in changed.items() for pair in pairs for record in pair]
    if old.editorial != new.editorial or any(missing_texts(section, record) for section, record in records):
        keys.add(translation_status.PAGE_KEY)
    return keys


def _same_cards(before: CardGroups, after: CardGroups) -> bool:
    """Whether two pages of an index show the same records (the same objects) under the same cities."""
    if len(before) != len(after):
        return False
    for (old_city, old_cards), (new_city, new_cards) in zip(before, after, strict=True):
        if old_city != new_city or len(old_cards) != len(new_cards):
            return False
        if any(a is not b for a, b in zip(old_cards, new_cards, strict=True)):
            return False
    return True


def update_pages(served: ServeSession, new: Site, languages: Iterable[str]) -> int | None:
    """Re-render the pages whose Markdown changed; their number, or None if a full rebuild is needed."""
    config = served.config
    if config is None or served.site is None:
        return None
    if file_stamps(served.root, OTHER_INPUTS) != served.stamp:
        return None
    edit = changed_records(served.site, new)
    if edit is None:
        return None
    changed: dict[str, list[tuple[str, str]]] = {}
    for lang in languages:
        if lang not in served.languages or served.languages[lang].env is None:
            return None
        for key in sorted(candidate_keys(served.site, new, edit, lang)):
            markdown = new.markdown(key, lang)
            if served.digests.get((key, lang)) != digest(markdown):
                changed.setdefault(lang, []).append((key, markdown))
    i18n = config.plugins["i18n"]
    for lang, page_markdown in changed.items():
        build = served.languages[lang]
        # static-i18n set the shared config up for the language built last; set it up for this one.
        i18n.current_language = lang
        logging.disable(logging.INFO)  # static-i18n would announce a build of the whole language
        try:
            config.plugins.on_config(config)
        finally:
            logging.disable(logging.NOTSET)
        doc_files = build.files.documentation_pages()
        for key, markdown in page_markdown:
            file = build.files.get_file_from_path(placeholder_uri(key, lang))
            if file is None or file.page is None:
                return None
            file.content_string = markdown
            _populate_page(file.page, config, build.files)
            if file.src_uri in build.nav_titles and file.page.title != build.nav_titles[file.src_uri]:
                return None  # the navigation on every page shows this title
            _build_page(file.page, config, doc_files, build.nav, build.env)
            served.remember_markdown(key, lang, markdown)
    if edit:  # the sitemap's dates and the data files
        write_downloads(Path(config.site_dir), new.downloads(config.site_url))
    served.site = new
    return sum(len(pages) for pages in changed.values())


def fast_builder(full_build: Callable[[], None], try_update: Callable[[], int | None]) -> Callable[[], None]:
    """The serve loop's builder: the page-by-page update where it suffices, else the full build."""

    def build() -> None:
        start = time.monotonic()
        try:
            updated = try_update()
        except Exception:
            log.exception("Updating single pages failed; rebuilding the whole site")
            updated = None
        if updated is None:
            full_build()
        else:
            log.info(f"Updated {updated} pages in {time.monotonic() - start:.2f} seconds")

    return build
