"""MkDocs hooks: wire the ``kakehashi`` generator into the build, nothing else.

mkdocs-static-i18n builds one language after another, calling every event
once per language (the ja and en builds run inside the de build's
``on_post_build``). The sources are loaded and checked once per change of
their files, not once per language. ``mkdocs serve`` executes this file anew
for every rebuild, so what must last lives in ``kakehashi.mkdocs_adapter.build_state``.

An event that does several things is a ``CombinedEvent`` of named steps, run
in the order listed (equal priorities keep their order). ARCHITECTURE.md has
the whole timeline; every priority is set against static-i18n's (-100).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

from jinja2 import Environment, Template
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from kakehashi.base import speedups
from kakehashi.mkdocs_adapter import i18n_files, raw_html, serve_update, theme_words
from kakehashi.mkdocs_adapter.build_state import (
    SEARCH_BUNDLES,
    release_built_language,
    release_page_markdown,
    release_written_page,
)
from kakehashi.mkdocs_adapter.build_state import STATE as state
from kakehashi.mkdocs_adapter.speedups import generated_source, language_switch, page_shell_cache, theme_memo
from kakehashi.mkdocs_adapter.speedups.page_writer import ForkedPageWriter
from kakehashi.mkdocs_adapter.upstream import i18n_plugin
from kakehashi.search.bundles import SearchIndex, SearchIndexError, pages_per_bundle, plan_bundles
from kakehashi.site import urls
from kakehashi.site.editorial import legal_links
from kakehashi.site.glossary import ui_words
from kakehashi.site.interactive_map import MapTilesError, map_tiles_setting
from kakehashi.site.languages import DEFAULT_LANGUAGE, LANGUAGES
from kakehashi.site.open_data import OpenDataSettings
from kakehashi.site.sitemap import SITEMAP_FILE
from kakehashi.sources.problems import PREVIEW_PROBLEMS_FILE, SourceProblems, write_preview_problems


def on_startup(command: str, dirty: bool) -> None:
    state.serving = command == "serve"
    state.dirty = dirty


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    i18n = i18n_plugin(config)
    language_switch.use_for(i18n)
    # Called before each language's build: static-i18n has chosen the language (the first: none yet).
    theme_words.set_theme_words(config, i18n.current_language or i18n.default_language)
    # The HTML the generator made whole is not parsed again (kakehashi.mkdocs_adapter.raw_html).
    raw_html.use_in(config.markdown_extensions)
    # The sitemap of all languages is written once, at the end (kakehashi.site.sitemap).
    config.theme.static_templates.discard(SITEMAP_FILE)
    root = Path(config.config_file_path).parent
    try:
        map_tiles = map_tiles_setting(config.extra.get("map_tiles"), Path(config.docs_dir))
    except MapTilesError as error:
        raise PluginError(f"{config.config_file_path}: {error}") from None
    try:
        open_data = OpenDataSettings.from_settings(config.site_url, config.extra)
        state.load(root, config.extra.get("operator") or {}, open_data, map_tiles)
    except SourceProblems as error:
        raise PluginError(error.report()) from None
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    if not config.plugins["i18n"].building:  # the outer build: the first language, then the others
        root = Path(config.config_file_path).parent
        if not speedups.enabled():
            speedups.log.info("kakehashi: speed-ups switched off (%s)", speedups.ENVIRONMENT_VARIABLE)
        state.start_build(config, root)
        try:
            state.search = SearchIndex(kept_in=root / SEARCH_BUNDLES if speedups.enabled() else None)
        except SearchIndexError as error:
            raise PluginError(str(error)) from None


@event_priority(-150)  # after static-i18n (-100), which leaves the generated pages to us
def on_files(files: Files, config: MkDocsConfig) -> Files:
    return i18n_files.add_generated_pages(files, config, state.site.page_keys())


# --- on_nav: after static-i18n (-100) has picked one file per page and language ----------


@event_priority(-150)
def _open_html_cache_for_language(nav: Navigation, config: MkDocsConfig, files: Files) -> None:
    if state.html_cache:
        state.html_cache.start_language(config, files)


@event_priority(-150)
def _give_generated_pages_their_markdown(nav: Navigation, config: MkDocsConfig, files: Files) -> None:
    generated = []
    page_markdown = state.page_markdown(config.plugins["i18n"].current_language)
    for file in files.documentation_pages():
        parsed = urls.split_placeholder_uri(file.src_uri)
        if parsed:
            key, lang = parsed
            file.content_string = markdown = page_markdown(key)
            if file.page:
                generated_source.attach(file.page)
                if state.html_cache:
                    state.html_cache.attach(file.page)
                    generated.append(file.page)
            if state.serve_session:
                state.serve_session.remember_markdown(key, lang, markdown)
    if state.html_cache:  # a second process may render part of the pages not in the cache
        state.html_cache.offer_helper(generated, config, files)


@event_priority(-150)
def _remember_language_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> None:
    if state.serve_session:
        state.serve_session.remember_navigation(config.plugins["i18n"].current_language, files, nav)
    state.language_nav = nav


on_nav = CombinedEvent(
    _open_html_cache_for_language,
    _give_generated_pages_their_markdown,
    _remember_language_nav,
)


# --- on_env: last (-200), so that the environment is as every plugin left it ------------


@event_priority(-200)
def _stop_render_helper(env: Environment, config: MkDocsConfig, files: Files) -> None:
    if state.html_cache:  # every page of this language is rendered
        state.html_cache.stop_helper()


@event_priority(-200)
def _memoize_theme_parts(env: Environment, config: MkDocsConfig, files: Files) -> None:
    # Material's navigation and config block rendered once per place in the site.
    theme_memo.cache_theme_parts(env)


@event_priority(-200)
def _set_template_globals(env: Environment, config: MkDocsConfig, files: Files) -> None:
    # Words the template overrides show, in the language of this build.
    lang = config.theme.get("language") or DEFAULT_LANGUAGE
    env.globals["kakehashi_words"] = ui_words(lang)
    env.globals["kakehashi_legal_links"] = legal_links(lang)
    # The preview of `mkdocs serve` shows problems in the sources; a published site has none.
    env.globals["kakehashi_preview_problems"] = PREVIEW_PROBLEMS_FILE if state.serving else None


@event_priority(-200)
def _plan_search_bundles(env: Environment, config: MkDocsConfig, files: Files) -> None:
    # The search bundles of this language's pages: every page's search dialog names them.
    lang = config.theme.get("language") or DEFAULT_LANGUAGE
    try:
        limit = pages_per_bundle(config.extra.get("search_pages_per_bundle"))
    except SearchIndexError as error:
        raise PluginError(str(error)) from None
    bundles = plan_bundles(lang, (file.dest_uri for file in files.documentation_pages()), limit)
    state.search_bundles[lang] = bundles
    env.globals["kakehashi_search_bundles"] = [bundle.path for bundle in bundles]


@event_priority(-200)
def _cache_page_shells_and_fork_writer(env: Environment, config: MkDocsConfig, files: Files) -> None:
    # After the globals are set: the theme's part of each page cached for the next build.
    if state.html_cache:
        page_shell_cache.cache_page_shells(env, config, state.html_cache)
        # A second process writes part of the pages where the second core is free.
        busy, nav = state.search is not None and state.search.busy, state.language_nav
        if nav and ForkedPageWriter.worth_it(len(files.documentation_pages()), state.serving, busy):
            state.page_writer = ForkedPageWriter.start(config, files, nav, env, state.html_cache, state.dirty)


@event_priority(-200)
def _remember_environment(env: Environment, config: MkDocsConfig, files: Files) -> None:
    if state.serve_session:
        state.serve_session.remember_environment(config.plugins["i18n"].current_language, env)


on_env = CombinedEvent(
    _stop_render_helper,
    _memoize_theme_parts,
    _set_template_globals,
    _plan_search_bundles,
    _cache_page_shells_and_fork_writer,
    _remember_environment,
)


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Callable[[], None]) -> LiveReloadServer:
    # An edit of one record re-renders its pages, not the whole site.
    if speedups.enabled():
        server.builder = serve_update.fast_builder(builder, state.update_served_pages)
    return server


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    parsed = urls.split_placeholder_uri(page.file.src_uri)
    if parsed:
        context["kakehashi_alternates"] = urls.alternates(config.site_url, parsed[0])
    return context


@event_priority(-200)  # last: every other plugin is done with the page's Markdown
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    release_page_markdown(page)
    return html


@event_priority(-200)  # last: every other plugin is done with the page
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    release_written_page(page)
    return output


def on_pre_template(template: Template, template_name: str, config: MkDocsConfig) -> Template:
    # static-i18n points the language switcher at the alternates of the last page
    # it rendered; on a not-found page it leads to each language's home instead.
    if template_name == "404.html":
        # The attribute, not the key: that is what static-i18n sets and the theme reads.
        config.extra.alternate = copy.deepcopy(config.plugins["i18n"].extra_alternate)
    return template


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    # Every language build renders the theme's 404.html to the site's root; keep
    # the default language's there and put each other language's in its folder.
    if template_name != "404.html":
        return output
    return state.place_not_found_page(output, Path(config.site_dir), config.theme.get("language"))


# --- on_post_build: before static-i18n (-100), whose outer call builds the other languages --


def _all_languages_done() -> bool:
    return state.languages_done == set(LANGUAGES)


@event_priority(-50)
def _finish_page_writer(config: MkDocsConfig) -> None:
    if state.page_writer:  # the pages it wrote are part of this language's site
        writer, state.page_writer = state.page_writer, None
        writer.finish()
        for page in writer.pages:
            release_written_page(page)


@event_priority(-50)
def _write_preview_problems(config: MkDocsConfig) -> None:
    if state.serving:  # after MkDocs has emptied the folder for this build
        write_preview_problems(Path(config.site_dir), state.problems)


@event_priority(-50)
def _mark_language_done(config: MkDocsConfig) -> None:
    if not state.serving:  # serving, the pages are kept for the re-rendering of edited records
        release_built_language(config.plugins["i18n"])
    state.languages_done.add(config.plugins["i18n"].current_language)


@event_priority(-50)
def _save_html_cache(config: MkDocsConfig) -> None:
    if state.html_cache:
        state.html_cache.finish_language()
        if _all_languages_done():
            state.html_cache.finish_build()
            state.html_cache = None


@event_priority(-50)
def _write_downloads(config: MkDocsConfig) -> None:
    # The sitemap and the data files cover every language: written once, at the end.
    if _all_languages_done():
        state.stop_markdown_prefetch()
        state.write_downloads(Path(config.site_dir), config.site_url)


@event_priority(-50)
def _index_language_for_search(config: MkDocsConfig) -> None:
    # Pagefind indexes the language just written while the next one is built.
    if not state.search:
        return
    lang = config.plugins["i18n"].current_language
    state.search.add_language(Path(config.site_dir), lang, state.search_bundles[lang])
    if _all_languages_done():  # wait for the last language's bundle
        search, state.search = state.search, None
        try:
            search.finish()
        except SearchIndexError as error:
            raise PluginError(str(error)) from None


on_post_build = CombinedEvent(
    _finish_page_writer,
    _write_preview_problems,
    _mark_language_done,
    _save_html_cache,
    _write_downloads,
    _index_language_for_search,
)


def on_build_error(error: Exception) -> None:
    state.stop_markdown_prefetch()
    if state.page_writer:
        state.page_writer.stop()
        state.page_writer = None
    if state.html_cache:
        state.html_cache.close()
        state.html_cache = None
    if state.search:
        state.search.close()
        state.search = None
