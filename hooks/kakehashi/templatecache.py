"""The theme's navigation rendered once per place in the site, not once per page.

Material renders its whole navigation into every page. A record page is not in
the navigation, so nothing in it is marked active for that page and the only
thing that differs between two record pages is where the links point from:
the navigation HTML of one page serves every page whose links resolve the same.
Pages in the navigation (their entry is active and carries their table of
contents) are always rendered by the theme.

The kept HTML lives as long as the template environment of one language
build: MkDocs makes a new one for every build, and ``mkdocs serve`` keeps one
only while its navigation and templates stay as they were (see ``incremental``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from jinja2 import Environment
from jinja2.runtime import Context
from mkdocs.structure.nav import Navigation
from mkdocs.utils import normalize_url

NAVIGATION_TEMPLATE = "partials/nav.html"


def cache_navigation(env: Environment) -> None:
    # MkDocs' environment never reloads a template, so this object serves every include.
    template = env.get_template(NAVIGATION_TEMPLATE)
    template.root_render_func = cached_navigation(template.root_render_func)


def navigation_links(context: Context) -> tuple[str, ...] | None:
    """Every link the navigation makes, as this page's HTML writes it; None for a page in the navigation."""
    page, nav = context.get("page"), context.get("nav")
    if page is None or not isinstance(nav, Navigation) or page in nav.pages:
        return None
    links = [context.get("base_url", "")]
    items = list(nav.items)
    while items:
        item = items.pop()
        if item.url is not None:  # pages and links; sections have none
            links.append(normalize_url(item.url, page=page))
        items.extend(item.children or ())
    if nav.homepage is not None:
        links.append(normalize_url(nav.homepage.url, page=page))
    return tuple(links)


def cached_navigation(render: Callable[[Context], Iterator[str]]) -> Callable[[Context], Iterator[str]]:
    """``render`` that keeps its output per set of ``navigation_links``."""
    rendered: dict[tuple[str, ...], str] = {}

    def render_navigation(context: Context) -> Iterator[str]:
        key = navigation_links(context)
        if key is None:
            yield from render(context)
            return
        if key not in rendered:
            rendered[key] = "".join(render(context))
        yield rendered[key]

    return render_navigation
