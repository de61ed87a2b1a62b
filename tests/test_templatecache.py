"""The navigation rendered once per place: the same pages come out, with far fewer renders."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from jinja2 import DictLoader, Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import url_filter

from conftest import ROOT
from kakehashi.templatecache import NAVIGATION_TEMPLATE, cache_navigation

# A build whose navigation is rendered by the theme for every page, as without the cache.
UNCACHED_BUILD = (
    "import sys, kakehashi.templatecache as cache; cache.cache_navigation = lambda env: None; "
    "from mkdocs.__main__ import cli; sys.argv[0] = 'mkdocs'; cli()"
)


def html_files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*.html")}


def test_the_site_is_byte_identical_to_one_rendered_without_the_cache(
    built_site: Path, tmp_path: Path
) -> None:
    uncached = tmp_path / "uncached"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1764201600"}
    result = subprocess.run(
        [sys.executable, "-c", UNCACHED_BUILD, "build", "--strict", "--site-dir", str(uncached)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    cached, expected = html_files(built_site), html_files(uncached)
    assert len(expected) > 100
    assert cached.keys() == expected.keys()
    assert [name for name in expected if cached[name] != expected[name]] == []


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
