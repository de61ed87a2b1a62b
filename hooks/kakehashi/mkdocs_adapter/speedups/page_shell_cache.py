"""Keep the theme's part of each page's HTML for the next build.

With its Markdown taken from ``html_cache``, the largest part of what a page
still costs MkDocs is Material's templates: the header, navigation, language
switcher and footer around the content. They write the same document as
long as everything they can see is the same. That is:

- for the whole language build: the rendered pages' own context (mkdocs.yml,
  the packages, the site's files), the template overrides, this generator's
  code, the configuration as static-i18n set it for the language, the
  navigation (titles, links, nesting) and the template globals;
- for the page: its content and table of contents, title, front matter, URL,
  neighbours and ancestors, ``config.extra`` (static-i18n points the language
  switcher at the page's translations there) and every other value of its
  template context.

A digest of all that is the key. What the theme wrote around the content is
kept under it, compressed, and the next build puts the page's content back in
between instead of running the templates. The page still goes through every
plugin's events; only ``main.html``'s rendering is skipped.

Everything here is an optimisation: an entry that does not fit is ignored and
the page rendered by the theme.
"""

from __future__ import annotations

import hashlib
import json
import marshal
import zlib
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any, Protocol

from jinja2 import Environment
from jinja2.runtime import Context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation

from kakehashi.base.fingerprints import generator_code_digest

DOCUMENT_TEMPLATE = "main.html"
# Configuration no template sees, or that differs between two builds of the same site:
# where the site is written to, objects without a stable repr, and extra, taken per page.
NOT_SEEN_CONFIG = frozenset(
    {
        "site_dir",
        "docs_dir",
        "config_file_path",
        "plugins",
        "hooks",
        "mdx_configs",
        "dev_addr",
        "watch",
        "extra",
    }
)
# Template context values taken apart from the rest: the page by what the theme reads
# of it, the navigation once per language, and by what they are made from: the
# configuration, the list of pages (the files are in the store's context) and
# static-i18n's settings (from mkdocs.yml, also there; as text, a third of the key's cost).
TAKEN_APART = frozenset({"page", "nav", "config", "pages", "i18n_config"})
# The build's time: no template of Material reads it (the overrides are checked);
# without SOURCE_DATE_EPOCH it differs on every page.
BUILD_DATE = "build_date_utc"
COMPRESSION_LEVEL = 1  # three times smaller; level 6 is a tenth smaller and slower


class DocumentStore(Protocol):
    """Where the kept documents are read and written (``html_cache.HtmlCache``)."""

    @property
    def language_context(self) -> bytes | None: ...  # None: nothing can be kept now

    def read_document(self, key: bytes) -> bytes | None: ...

    def store_document(self, key: bytes, entry: bytes) -> None: ...


def cache_page_shells(env: Environment, config: MkDocsConfig, store: DocumentStore) -> None:
    """Render pages through ``store``: a page whose key is kept is not rendered by the theme."""
    template = env.get_template(DOCUMENT_TEMPLATE)
    template.root_render_func = cached_page_shells(template.root_render_func, env, config, store)


def cached_page_shells(
    render: Callable[[Context], Iterator[str]], env: Environment, config: MkDocsConfig, store: DocumentStore
) -> Callable[[Context], Iterator[str]]:
    global_names = frozenset(env.globals)
    overrides, reads_build_date = read_overrides(config.theme.custom_dir, BUILD_DATE)
    skipped = TAKEN_APART | global_names | (frozenset() if reads_build_date else {BUILD_DATE})
    per_navigation: dict[int, tuple[Navigation, bytes]] = {}

    def render_kept(context: Context) -> Iterator[str]:
        page, nav, build = context.get("page"), context.get("nav"), store.language_context
        if build is None or page is None or page.content is None or not isinstance(nav, Navigation):
            yield from render(context)
            return
        if id(nav) not in per_navigation:  # the same navigation object serves the whole language
            language = (build, overrides, generator_code_digest(), stable_repr(_seen_config(config)))
            globals_ = {name: env.globals[name] for name in global_names if _plain(env.globals[name])}
            digest = hashlib.blake2b(stable_repr((language, navigation_outline(nav), globals_)).encode())
            per_navigation[id(nav)] = (nav, digest.digest())
        rest = {name: value for name, value in context.get_all().items() if name not in skipped}
        key = document_key(per_navigation[id(nav)][1], page, config.extra, rest)
        entry = store.read_document(key)
        document = None if entry is None else unpack(entry, page.content)
        if document is None:
            document = "".join(render(context))
            store.store_document(key, pack(document, page.content))
        yield document

    return render_kept


def document_key(language: bytes, page: Any, extra: Any, rest: Mapping[str, Any]) -> bytes:
    """The digest of everything the theme sees of ``page`` besides what all pages of its language share."""
    content = hashlib.blake2b(page.content.encode("utf-8"), digest_size=16).digest()
    seen = (
        page.file.src_uri,
        page.url,
        page.canonical_url,
        page.edit_url,
        page.title,
        page.meta,
        _toc_outline(page.toc.items) if page.toc else None,
        [_link(item) for item in (page.previous_page, page.next_page)],
        [_link(item) for item in page.ancestors],
        extra,
        rest,
    )
    return hashlib.blake2b(language + content + stable_repr(seen).encode("utf-8"), digest_size=16).digest()


def pack(document: str, content: str) -> bytes:
    """What the theme wrote around ``content``, to keep (the content is kept by ``html_cache``)."""
    start = document.find(content)
    parts = (document,) if start < 0 else (document[:start], document[start + len(content) :])
    return zlib.compress(marshal.dumps(parts), COMPRESSION_LEVEL)


def unpack(entry: bytes, content: str) -> str | None:
    """The document ``entry`` was packed from, with ``content`` put back; None if it does not fit."""
    try:
        parts = marshal.loads(zlib.decompress(entry))
    except (zlib.error, ValueError, EOFError, TypeError):
        return None
    if isinstance(parts, tuple) and len(parts) == 2 and all(isinstance(part, str) for part in parts):
        return parts[0] + content + parts[1]
    if isinstance(parts, tuple) and len(parts) == 1 and isinstance(parts[0], str):
        return parts[0]
    return None


def navigation_outline(nav: Navigation) -> list:
    """What the theme shows of the navigation: every item's kind, title and link, nested."""

    def outline(items: list) -> list:
        return [
            (type(item).__name__, item.title, getattr(item, "url", None), outline(item.children or []))
            for item in items
        ]

    return [outline(nav.items), nav.homepage.url if nav.homepage is not None else None]


def stable_repr(value: Any) -> str:
    """Text that is the same in every process for equal values: mappings and sets sorted."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=_json_value)


def _json_value(value: Any) -> Any:
    if isinstance(value, Mapping):
        return dict(value)
    if isinstance(value, (set, frozenset)):
        return sorted(map(stable_repr, value))
    return repr(value)


def read_overrides(folder: str | None, name: str) -> tuple[bytes, bool]:
    """The digest of every file below ``folder`` (the template overrides), by name and
    content, and whether any of them mentions ``name``."""
    digest = hashlib.blake2b(digest_size=16)
    mentioned = False
    if folder:
        root = Path(folder)
        for path in sorted(root.rglob("*")):
            if path.is_file():
                content = path.read_bytes()
                digest.update(path.relative_to(root).as_posix().encode() + b"\0" + content)
                mentioned = mentioned or name.encode() in content
    return digest.digest(), mentioned


def _seen_config(config: MkDocsConfig) -> dict[str, Any]:
    seen = {name: value for name, value in config.items() if name not in NOT_SEEN_CONFIG}
    theme = config.theme
    seen["theme"] = (theme.name, theme.locale, theme.static_templates, dict(theme.items()))
    return seen


def _plain(value: Any) -> bool:
    """Data, not a function or class (Jinja's and MkDocs' globals are those)."""
    if isinstance(value, (str, int, float, bool, type(None))):
        return True
    if isinstance(value, Mapping):
        return all(_plain(key) and _plain(item) for key, item in value.items())
    if isinstance(value, (list, tuple, set, frozenset)):
        return all(_plain(item) for item in value)
    return False


def _toc_outline(items: list) -> list:
    return [(link.title, link.id, link.level, _toc_outline(link.children)) for link in items]


def _link(item: Any) -> tuple | None:
    return None if item is None else (type(item).__name__, item.title, getattr(item, "url", None))
