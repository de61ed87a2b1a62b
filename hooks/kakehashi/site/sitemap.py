"""The sitemap: every page in every language, each with its hreflang alternates.

Written once, to the site's root, when the last language is built. Every page
key exists in every language, so the sitemap follows from the keys alone.
static-i18n's own sitemap is a template rendered in every language build from
every language's files, which it keeps to the end of the build for it: at
thousands of records that is the largest part of what a build holds in memory
and seconds of templating. The hooks take ``sitemap.xml`` off the theme's
templates, so neither MkDocs nor static-i18n writes one.

A record's pages carry the record's ``updated`` date as ``lastmod``: the day
its facts were last checked, which the page shows. Other pages have none: the
build date, which static-i18n's template gave every page, is not when a page
changed.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable, Mapping

from kakehashi.site import escaping
from kakehashi.site.downloads import Download
from kakehashi.site.urls import alternates

SITEMAP_FILE = "sitemap.xml"
ROBOTS_FILE = "robots.txt"


def sitemap_xml(site_url: str, keys: Iterable[str], changed: Mapping[str, str] | None = None) -> str:
    """The sitemap of the pages ``keys``: one ``<url>`` per page and language, in key order;
    ``changed`` gives the pages' ``lastmod`` dates by key, where known."""
    changed = changed or {}
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
        ' xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
    ]
    for key in sorted(keys):
        links = [(hreflang, escaping.attribute(href)) for hreflang, href in alternates(site_url, key)]
        alternate_links = "".join(
            f'    <xhtml:link rel="alternate" hreflang="{hreflang}" href="{href}"/>\n'
            for hreflang, href in links
        )
        lastmod = f"    <lastmod>{escaping.attribute(changed[key])}</lastmod>\n" if key in changed else ""
        for hreflang, href in links:
            if hreflang != "x-default":
                parts.append(f"  <url>\n    <loc>{href}</loc>\n{lastmod}{alternate_links}  </url>\n")
    parts.append("</urlset>\n")
    return "".join(parts)


def sitemap_downloads(sitemap: str) -> list[Download]:
    """``sitemap.xml`` and its gzipped copy (with no timestamp: the same pages give the same file)."""
    data = sitemap.encode("utf-8")
    return [Download(SITEMAP_FILE, data), Download(f"{SITEMAP_FILE}.gz", gzip.compress(data, mtime=0))]


def robots_download(site_url: str) -> Download:
    """``robots.txt``: every page may be read, and where the sitemap is, as an absolute URL
    (crawlers read it only at the root of a host, so a site served below a path needs its
    host to serve this file there)."""
    sitemap = site_url.rstrip("/") + "/" + SITEMAP_FILE
    text = f"User-agent: *\nAllow: /\n\nSitemap: {sitemap}\n"
    return Download(ROBOTS_FILE, text.encode("utf-8"))
