"""Theme parts rendered once per place: one render per set of links or path to the root."""

from __future__ import annotations

from jinja2 import DictLoader, Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import url_filter

from kakehashi.mkdocs_adapter.speedups.theme_memo import NAVIGATION_TEMPLATE, cache_theme_parts


def site_pages(uris: list[str]) -> list[Page]:
    config = MkDocsConfig()
    config.load_dict({"site_name": "Test", "docs_dir": "/docs", "site_dir": "/site"})
    return [Page(uri, File(uri, "/docs", "/site", True), config) for uri in uris]


def theme(renders: list[str]) -> Environment:
    """A theme with a navigation and a config block that count their renders."""
    templates = {
        NAVIGATION_TEMPLATE: '{{ count("nav") }}'
        '{% for p in nav.pages %}<a href="{{ p.url | url }}">{% endfor %}',
        "base.html": "{% block config %}{{ count('config') }}{{ base_url }}{% endblock %}",
        "main.html": '{% extends "base.html" %}',
    }
    env = Environment(loader=DictLoader(templates))
    env.filters["url"] = url_filter
    env.globals["count"] = lambda part: renders.append(part) or renders.count(part)
    cache_theme_parts(env)
    return env


def render(env: Environment, page: Page, nav: Navigation) -> str:
    return env.get_template(NAVIGATION_TEMPLATE).render(page=page, nav=nav, base_url="")


def test_pages_with_the_same_links_share_one_render_of_the_navigation() -> None:
    index, projects, record_a, record_b, deeper = site_pages(
        ["index.md", "projects/index.md", "projects/a.md", "projects/b.md", "projects/x/y.md"]
    )
    # A section as mkdocs.yml makes one where it groups pages under a heading.
    nav = Navigation([index, Section("Sections", [projects])], [index, projects])
    renders: list[str] = []
    env = theme(renders)

    first = render(env, record_a, nav)
    assert render(env, record_b, nav) == first == '1<a href="../..">' + '<a href="../">'
    # Another place in the site: its links differ, so the theme renders it.
    assert render(env, deeper, nav) == '2<a href="../../..">' + '<a href="../../">'
    # A page of the navigation is always rendered: its entry is the active one.
    assert render(env, projects, nav) == '3<a href="..">' + '<a href="./">'
    assert render(env, projects, nav) == '4<a href="..">' + '<a href="./">'
    assert renders == ["nav"] * 4


def test_pages_at_the_same_depth_share_one_render_of_the_config_block() -> None:
    record_a, record_b, deeper = site_pages(["projects/a.md", "cycling/b.md", "projects/x/y.md"])
    renders: list[str] = []
    main = theme(renders).get_template("main.html")

    assert main.render(page=record_a, base_url="../..") == "1../.."
    assert main.render(page=record_b, base_url="../..") == "1../.."
    assert main.render(page=deeper, base_url="../../..") == "2../../.."
    # Off a page (the 404 template) the theme renders it every time.
    assert main.render(page=None, base_url="/") == "3/"
    assert main.render(page=None, base_url="/") == "4/"
    assert renders == ["config"] * 4
