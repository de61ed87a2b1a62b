"""Parts of the theme rendered once per place in the site, not once per page.

Material renders its whole navigation into every page. A record page is not in
the navigation, so nothing in it is marked active for that page and the only
thing that differs between two record pages is where the links point from:
the navigation HTML of one page serves every page whose links resolve the same.
Pages in the navigation (their entry is active and carries their table of
contents) are always rendered by the theme.

The theme's ``config`` block (the JSON its scripts read: translations, the
features, the path to the site's root) differs only with the path to the root.
And every template stays loaded for the whole build, and compiled once for
all languages (each language build has its own environment).

The kept HTML lives as long as the template environment of one language
build: MkDocs makes a new one for every build, and ``mkdocs serve`` keeps one
only while its navigation and templates stay as they were (see ``incremental``).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket
from jinja2.runtime import Context
from mkdocs.structure.nav import Navigation
from mkdocs.utils import normalize_url

from kakehashi.base import speedups

NAVIGATION_TEMPLATE = "partials/nav.html"
CONFIG_BLOCK = ("base.html", "config")

Render = Callable[[Context], Iterator[str]]


class CompiledTemplates(BytecodeCache):
    """Compiled templates kept in memory; Jinja compiles a template again when its source changed."""

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self._compiled:
            bucket.bytecode_from_string(self._compiled[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()


COMPILED = CompiledTemplates()


def cache_theme_parts(env: Environment) -> None:
    if not speedups.enabled():
        return
    # Every template stays loaded for the build: a plain dict, as Jinja's cache_size=-1
    # makes, not its LRU cache, which searches its queue on every include of every page.
    env.cache = {}
    env.bytecode_cache = COMPILED
    # MkDocs' environment never reloads a template, so these objects serve every page.
    navigation = env.get_template(NAVIGATION_TEMPLATE)
    navigation.root_render_func = memoized_per(navigation_links, navigation.root_render_func)
    template_name, block = CONFIG_BLOCK
    blocks = env.get_template(template_name).blocks
    blocks[block] = memoized_per(path_to_root, blocks[block])


def navigation_links(context: Context) -> tuple[str, ...] | None:
    """Every link the navigation makes, as this page's HTML writes it; None for a page in the navigation."""
    page, nav = context.get("page"), context.get("nav")
    if page is None or not isinstance(nav, Navigation) or page in nav.pages:
        return None
    links = [context.get("base_url", "")]
    items = list(nav.items)
    while items:
        item = items.pop()
        url = getattr(item, "url", None)  # pages and links; sections have none
        if url is not None:
            links.append(normalize_url(url, page=page))
        items.extend(item.children or ())
    # The logo's link: extra.homepage where mkdocs.yml sets it.
    extra = getattr(context.get("config"), "extra", None) or {}
    homepage = extra.get("homepage") or (nav.homepage.url if nav.homepage is not None else None)
    if homepage is not None:
        links.append(normalize_url(homepage, page=page))
    return tuple(links)


def path_to_root(context: Context) -> str | None:
    """The page's relative path to the site's root; None off a page. The block's only link, to
    the search worker below assets/, follows from it (no page lies below assets/)."""
    if context.get("page") is None:
        return None
    return context.get("base_url")


def memoized_per(key: Callable[[Context], Hashable | None], render: Render) -> Render:
    """``render`` that keeps its output per value of ``key`` (None: always renders)."""
    rendered: dict[Hashable, str] = {}

    def render_kept(context: Context) -> Iterator[str]:
        value = key(context)
        if value is None:
            yield from render(context)
            return
        if value not in rendered:
            rendered[value] = "".join(render(context))
        yield rendered[value]

    return render_kept
