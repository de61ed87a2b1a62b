"""MkDocs hooks: wire the ``kakehashi`` generator into the build, nothing else.

mkdocs-static-i18n builds one language after another, calling every event
once per language (the ja and en builds run inside the de build's
``on_post_build``). The sources are loaded and checked once per change of
their files, not once per language. ``mkdocs serve`` executes this file anew
for every rebuild, so what must last lives in ``kakehashi.build_state``.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

from jinja2 import Environment, Template
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from kakehashi import (
    documentcache,
    generatedsource,
    i18nfiles,
    incremental,
    languageswitch,
    pages,
    templatecache,
    themewords,
)
from kakehashi.build_state import (
    SEARCH_BUNDLES,
    release_built_language,
    release_page_markdown,
    release_written_page,
)
from kakehashi.build_state import STATE as state
from kakehashi.glossary import ui_words
from kakehashi.languages import DEFAULT_LANGUAGE
from kakehashi.pagewriter import PageWriter
from kakehashi.problems import PREVIEW_PROBLEMS_FILE, SourceProblems, write_preview_problems
from kakehashi.search import SearchIndex, SearchIndexError, pages_per_bundle, plan_bundles
from kakehashi.sitemap import SITEMAP_FILE, sitemap_xml, write_sitemap


def on_startup(command: str, dirty: bool) -> None:
    state.serving = command == "serve"
    state.dirty = dirty


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    i18n = config.plugins["i18n"]
    languageswitch.use_for(i18n)
    # Called before each language's build: static-i18n has chosen the language (the first: none yet).
    themewords.set_theme_words(config, i18n.current_language or i18n.default_language)
    # The sitemap of all languages is written once, at the end (kakehashi.sitemap).
    config.theme.static_templates.discard(SITEMAP_FILE)
    root = Path(config.config_file_path).parent
    try:
        state.load(root, config.extra.get("operator") or {})
    except SourceProblems as error:
        raise PluginError(error.report()) from None
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    if not config.plugins["i18n"].building:  # the outer build: the first language, then the others
        root = Path(config.config_file_path).parent
        state.start_build(config, root)
        try:
            state.search = SearchIndex(kept_in=root / SEARCH_BUNDLES)
        except SearchIndexError as error:
            raise PluginError(str(error)) from None


@event_priority(-150)  # after static-i18n (-100), which leaves the generated pages to us
def on_files(files: Files, config: MkDocsConfig) -> Files:
    return i18nfiles.add_generated_pages(files, config, state.site.page_keys())


@event_priority(-150)  # after static-i18n (-100) has picked one file per page and language
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    if state.rendered:
        state.rendered.start_language(config, files)
    generated = []
    page_markdown = state.page_markdown(config.plugins["i18n"].current_language)
    for file in files.documentation_pages():
        parsed = pages.split_placeholder_uri(file.src_uri)
        if parsed:
            key, lang = parsed
            file.content_string = markdown = page_markdown(key)
            if file.page:
                generatedsource.attach(file.page)
                if state.rendered:
                    state.rendered.attach(file.page)
                    generated.append(file.page)
            if state.served:
                state.served.remember_markdown(key, lang, markdown)
    if state.rendered:
        state.rendered.offer_helper(generated, config, files)
    if state.served:
        state.served.remember_navigation(config.plugins["i18n"].current_language, files, nav)
    state.language_nav = nav
    return nav


@event_priority(-200)  # last: the environment as every plugin left it is kept while serving
def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    if state.rendered:  # every page of this language is rendered
        state.rendered.stop_helper()
    # Material's navigation and config block rendered once per place in the site.
    templatecache.cache_theme_parts(env)
    # Words the template overrides show, in the language of this build.
    lang = config.theme.get("language") or DEFAULT_LANGUAGE
    env.globals["kakehashi_words"] = ui_words(lang)
    # The preview of `mkdocs serve` shows problems in the sources; a published site has none.
    env.globals["kakehashi_preview_problems"] = PREVIEW_PROBLEMS_FILE if state.serving else None
    # The search bundles of this language's pages: every page's search dialog names them.
    try:
        limit = pages_per_bundle(config.extra.get("search_pages_per_bundle"))
    except SearchIndexError as error:
        raise PluginError(str(error)) from None
    bundles = plan_bundles(lang, (file.dest_uri for file in files.documentation_pages()), limit)
    state.search_bundles[lang] = bundles
    env.globals["kakehashi_search_bundles"] = [bundle.path for bundle in bundles]
    # Last, when the globals are set: the theme's part of each page kept for the next build.
    if state.rendered:
        documentcache.keep_documents(env, config, state.rendered)
        # A second process writes part of the pages where the second core is free.
        busy, nav = state.search is not None and state.search.busy, state.language_nav
        if nav and PageWriter.worth_it(len(files.documentation_pages()), state.serving, busy):
            state.writer = PageWriter.start(config, files, nav, env, state.rendered, state.dirty)
    if state.served:
        state.served.remember_environment(config.plugins["i18n"].current_language, env)
    return env


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Callable[[], None]) -> LiveReloadServer:
    # An edit of one record re-renders its pages, not the whole site.
    server.builder = incremental.fast_builder(builder, state.update_served_pages)
    return server


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    parsed = pages.split_placeholder_uri(page.file.src_uri)
    if parsed:
        context["kakehashi_alternates"] = pages.alternates(config.site_url, parsed[0])
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


@event_priority(-50)  # before static-i18n (-100), whose outer call goes on to build the other languages
def on_post_build(config: MkDocsConfig) -> None:
    if state.writer:  # the pages it wrote are part of this language's site
        writer, state.writer = state.writer, None
        writer.finish()
        for page in writer.pages:
            release_written_page(page)
    if state.serving:  # after MkDocs has emptied the folder for this build
        write_preview_problems(Path(config.site_dir), state.problems)
    lang = config.plugins["i18n"].current_language
    if not state.serving:  # serving, the pages are kept for the re-rendering of edited records
        release_built_language(config.plugins["i18n"])
    state.written.add(lang)
    last = state.written == set(pages.LANGUAGES)
    if state.rendered:
        state.rendered.finish_language()
        if last:
            state.rendered.finish_build()
            state.rendered = None
    if last:
        state.stop_markdown_ahead()
        sitemap = sitemap_xml(config.site_url, state.site.page_keys(), state.site.last_checked())
        write_sitemap(Path(config.site_dir), sitemap)
    # Pagefind indexes the language just written while the next one is built.
    if not state.search:
        return
    state.search.add_language(Path(config.site_dir), lang, state.search_bundles[lang])
    if last:  # wait for the last language's bundle
        search, state.search = state.search, None
        try:
            search.finish()
        except SearchIndexError as error:
            raise PluginError(str(error)) from None


def on_build_error(error: Exception) -> None:
    state.stop_markdown_ahead()
    if state.writer:
        state.writer.stop()
        state.writer = None
    if state.rendered:
        state.rendered.close()
        state.rendered = None
    if state.search:
        state.search.close()
        state.search = None
