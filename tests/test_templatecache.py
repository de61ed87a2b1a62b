"""The navigation rendered once per place: one render per set of links, pages of the navigation always."""

from __future__ import annotations

from jinja2 import DictLoader, Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import url_filter

from kakehashi.templatecache import NAVIGATION_TEMPLATE, cache_navigation


def site_pages(uris: list[str]) -> list[Page]:
    config = MkDocsConfig()
    config.load_dict({"site_name": "Test", "docs_dir": "/docs", "site_dir": "/site"})
    return [Page(uri, File(uri, "/docs", "/site", True), config) for uri in uris]


def render(env: Environment, page: Page, nav: Navigation) -> str:
    return env.get_template(NAVIGATION_TEMPLATE).render(page=page, nav=nav, base_url="")


def test_pages_with_the_same_links_share_one_render_and_others_get_their_own() -> None:
    index, projects, record_a, record_b, deeper = site_pages(
        ["index.md", "projects/index.md", "projects/a.md", "projects/b.md", "projects/x/y.md"]
    )
    nav = Navigation([index, projects], [index, projects])
    renders = []
    template = '{{ count() }}{% for p in nav.pages %}<a href="{{ p.url | url }}">{% endfor %}'
    env = Environment(loader=DictLoader({NAVIGATION_TEMPLATE: template}))
    env.filters["url"] = url_filter
    env.globals["count"] = lambda: renders.append(1) or len(renders)
    cache_navigation(env)

    first = render(env, record_a, nav)
    assert render(env, record_b, nav) == first == '1<a href="../..">' + '<a href="../">'
    # Another place in the site: its links differ, so the theme renders it.
    assert render(env, deeper, nav) == '2<a href="../../..">' + '<a href="../../">'
    # A page of the navigation is always rendered: its entry is the active one.
    assert render(env, projects, nav) == '3<a href="..">' + '<a href="./">'
    assert render(env, projects, nav) == '4<a href="..">' + '<a href="./">'
    assert len(renders) == 4
