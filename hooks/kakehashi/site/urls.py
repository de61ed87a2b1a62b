"""Page keys and URLs: the public contract of where every page lives.

A page key is its path in the docs tree without ``.md`` ("index",
"cycling/index", "cycling/ring-ring-road", "partnership"). The same key exists
in every language; the default language is served at the root, the others
under ``/<lang>/``.
"""

from __future__ import annotations

from kakehashi.site.languages import DEFAULT_LANGUAGE, LANGUAGES


def section_index_key(section: str, number: int = 1) -> str:
    """Page ``number`` of a section's index: ``cycling/index``, then ``cycling/page-2``, …"""
    return f"{section}/index" if number == 1 else f"{section}/page-{number}"


def record_key(section: str, record_id: str) -> str:
    return f"{section}/{record_id}"


# The topics' overview, and one page per topic (kakehashi.site.topic_pages).
TOPICS_INDEX_KEY = "topics/index"


def topic_key(topic: str) -> str:
    return f"topics/{topic}"


def placeholder_uri(key: str, lang: str) -> str:
    """The docs-tree file name that mkdocs-static-i18n reads as ``key`` in ``lang``."""
    return f"{key}.{lang}.md"


def split_placeholder_uri(src_uri: str) -> tuple[str, str] | None:
    """``"cycling/x.ja.md"`` → ``("cycling/x", "ja")``; None for other files."""
    if not src_uri.endswith(".md"):
        return None
    stem, _, lang = src_uri[: -len(".md")].rpartition(".")
    return (stem, lang) if stem and lang in LANGUAGES else None


def url_path(key: str, lang: str) -> str:
    """The URL path below the site root, with directory URLs: "ja/cycling/x/"."""
    prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
    if key == "index":
        return prefix
    if key.endswith("/index"):
        return f"{prefix}{key[: -len('index')]}"
    return f"{prefix}{key}/"


def search_bundle_path(lang: str) -> str:
    """Where the search index of a language's pages is, below the site root: "ja/pagefind/"."""
    return url_path("index", lang) + "pagefind/"


def absolute_url(site_url: str, key: str, lang: str) -> str:
    return site_url.rstrip("/") + "/" + url_path(key, lang)


def alternates(site_url: str, key: str) -> list[tuple[str, str]]:
    """hreflang alternates of a page: every language, then x-default (the default language)."""
    links = [(lang, absolute_url(site_url, key, lang)) for lang in LANGUAGES]
    links.append(("x-default", absolute_url(site_url, key, DEFAULT_LANGUAGE)))
    return links
