"""The sitemap as a function of the page keys."""

from __future__ import annotations

import gzip
import xml.etree.ElementTree as ET
from pathlib import Path

from kakehashi.site.downloads import write_downloads
from kakehashi.site.languages import LANGUAGES
from kakehashi.site.sitemap import robots_download, sitemap_downloads, sitemap_xml

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def test_every_page_in_every_language_names_all_its_alternates() -> None:
    xml = sitemap_xml("https://example.org/a&b/", ["cycling/ring", "index"])
    urls = ET.fromstring(xml).findall("s:url", NS)
    base = "https://example.org/a&b/"
    assert [url.findtext("s:loc", namespaces=NS) for url in urls] == [
        f"{base}cycling/ring/",
        f"{base}ja/cycling/ring/",
        f"{base}en/cycling/ring/",
        base,
        f"{base}ja/",
        f"{base}en/",
    ]
    for url in urls:
        links = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)}
        assert set(links) == {*LANGUAGES, "x-default"}
        assert links["x-default"] == links["de"]
        assert url.findtext("s:loc", namespaces=NS) in links.values()
    assert "a&amp;b" in xml and "a&b" not in xml


def test_written_with_a_gzipped_copy_that_does_not_change_between_builds(tmp_path: Path) -> None:
    xml = sitemap_xml("https://example.org/", ["index"])
    write_downloads(tmp_path, sitemap_downloads(xml))
    first = (tmp_path / "sitemap.xml.gz").read_bytes()
    # A gzip header holds the time it was made (bytes 4-7, RFC 1952): zero, so that
    # a build a second later gives the same file.
    assert first[4:8] == bytes(4)
    write_downloads(tmp_path, sitemap_downloads(xml))
    assert (tmp_path / "sitemap.xml.gz").read_bytes() == first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sitemap.xml", "sitemap.xml.gz"]
    assert gzip.decompress(first).decode("utf-8") == (tmp_path / "sitemap.xml").read_text("utf-8") == xml


def test_a_page_whose_change_is_known_carries_it_in_every_language() -> None:
    xml = sitemap_xml("https://example.org/", ["cycling/ring", "index"], {"cycling/ring": "2026-11-27"})
    urls = ET.fromstring(xml).findall("s:url", NS)
    lastmod = {url.findtext("s:loc", namespaces=NS): url.findtext("s:lastmod", namespaces=NS) for url in urls}
    assert lastmod == {
        "https://example.org/cycling/ring/": "2026-11-27",
        "https://example.org/ja/cycling/ring/": "2026-11-27",
        "https://example.org/en/cycling/ring/": "2026-11-27",
        "https://example.org/": None,
        "https://example.org/ja/": None,
        "https://example.org/en/": None,
    }


def test_robots_txt_names_the_sitemap_by_its_absolute_url() -> None:
    for site_url in ("https://example.org/partnership/", "https://example.org/partnership"):
        robots = robots_download(site_url)
        assert robots.path == "robots.txt"
        lines = robots.content.decode("utf-8").splitlines()
        assert lines == ["User-agent: *", "Allow: /", "", "Sitemap: https://example.org/partnership/sitemap.xml"]


def test_the_sitemap_of_two_pages_is_exactly_this_text() -> None:
    # The whole text, so that stray characters between elements (still well-formed XML) show.
    def url(loc: str, lastmod: str | None, alternates: str) -> str:
        changed = f"    <lastmod>{lastmod}</lastmod>\n" if lastmod else ""
        return f"  <url>\n    <loc>{loc}</loc>\n{changed}{alternates}  </url>\n"

    def alternates(path: str) -> str:
        return "".join(
            f'    <xhtml:link rel="alternate" hreflang="{lang}" href="https://example.org/{prefix}{path}"/>\n'
            for lang, prefix in (("de", ""), ("ja", "ja/"), ("en", "en/"), ("x-default", ""))
        )

    expected = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
        + url("https://example.org/cycling/ring/", "2026-11-27", alternates("cycling/ring/"))
        + url("https://example.org/ja/cycling/ring/", "2026-11-27", alternates("cycling/ring/"))
        + url("https://example.org/en/cycling/ring/", "2026-11-27", alternates("cycling/ring/"))
        + url("https://example.org/", None, alternates(""))
        + url("https://example.org/ja/", None, alternates(""))
        + url("https://example.org/en/", None, alternates(""))
        + "</urlset>\n"
    )
    changed = {"cycling/ring": "2026-11-27"}
    assert sitemap_xml("https://example.org/", ["index", "cycling/ring"], changed) == expected


def test_robots_txt_keeps_every_letter_of_the_site_path() -> None:
    robots = robots_download("https://example.org/BOX/").content.decode("utf-8")
    assert robots.endswith("Sitemap: https://example.org/BOX/sitemap.xml\n")
