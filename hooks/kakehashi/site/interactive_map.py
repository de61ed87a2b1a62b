"""The interactive map, loaded only when the reader asks for it, and "nearest to me".

A page with located records gets a button that names the server the map's
tiles come from. Nothing of the map (Leaflet, tiles, points) loads before it is
pressed: ``docs/assets/javascripts/map.js`` reads what it needs from the data
attributes written here. Record pages carry their one point as attributes;
section index pages point at the section's GeoJSON (``site/geojson.py``), and
offer the three records nearest to the reader, computed in the browser.

The tile source is ``extra.map_tiles`` in mkdocs.yml: a URL template of a tile
server, or a PMTiles archive (a path below the site, or a URL), so that an
operator can run the map with no third party at all.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from kakehashi.site import escaping
from kakehashi.site.downloads import href
from kakehashi.site.geojson import geojson_path, located_records
from kakehashi.site.glossary import LABELS, VALUE_WORDS, term
from kakehashi.site.languages import FALLBACK_CHAINS, pick
from kakehashi.site.markdown_blocks import raw_html
from kakehashi.site.urls import record_key, section_index_key, url_path
from kakehashi.sources.loader import Data, Record

SETTING = "extra.map_tiles"
# Served from the site itself (docs/assets/), never from a CDN.
SCRIPT = "assets/javascripts/map.js"
LEAFLET = "assets/vendor/leaflet/"
PMTILES_SCRIPT = "assets/vendor/pmtiles/pmtiles.js"
# Sections whose records are places a reader may go to: they offer "nearest to me".
NEAREST_SECTIONS = ("disaster-prevention", "cycling", "ecosystem")
_KEYS = {"url", "pmtiles", "attribution", "attribution_url", "max_zoom"}
_TEMPLATE_FIELDS = re.compile(r"\{([^{}]*)\}")


class MapTilesError(ValueError):
    """``extra.map_tiles`` in mkdocs.yml is not usable; the message says what to write."""


@dataclass(frozen=True)
class MapTiles:
    """Where the map's tiles come from: a tile server's URL template or a PMTiles archive."""

    url: str | None  # "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    pmtiles: str | None  # "assets/tiles/region.pmtiles" (below the site) or an https URL
    attribution: str
    attribution_url: str | None
    max_zoom: int

    @property
    def host(self) -> str | None:
        """The server a reader's browser contacts for the tiles; None: the site itself."""
        address = self.url or self.pmtiles or ""
        return urlsplit(address).hostname


DEFAULT_MAP_TILES = MapTiles(
    url="https://tile.openstreetmap.org/{z}/{x}/{y}.png",
    pmtiles=None,
    attribution="© OpenStreetMap contributors",
    attribution_url="https://www.openstreetmap.org/copyright",
    max_zoom=19,
)


def map_tiles_setting(raw: Any, docs_dir: Path | None = None) -> MapTiles:
    """``extra.map_tiles`` as :class:`MapTiles`; not set: OpenStreetMap's tiles.

    Raises :class:`MapTilesError` naming the key and what is allowed. With
    ``docs_dir``, a PMTiles archive below the site must be a file there.
    """
    if raw is None:
        return DEFAULT_MAP_TILES
    if not isinstance(raw, Mapping):
        raise MapTilesError(f"{SETTING}: expected a mapping with 'url' or 'pmtiles', found {raw!r}")
    unknown = sorted(set(map(str, raw)) - _KEYS)
    if unknown:
        raise MapTilesError(f"{SETTING}: unknown key {', '.join(unknown)}; use {', '.join(sorted(_KEYS))}")
    url, archive = raw.get("url"), raw.get("pmtiles")
    if (url is None) == (archive is None):
        raise MapTilesError(f"{SETTING}: set exactly one of 'url' (a tile server) or 'pmtiles' (an archive)")
    if url is not None:
        _check_url_template(url)
    else:
        _check_archive(archive)
        if docs_dir is not None and not urlsplit(archive).scheme and not (docs_dir / archive).is_file():
            raise MapTilesError(f"{SETTING}.pmtiles: no file {archive} in {docs_dir.name}/")
    attribution = raw.get("attribution")
    if not isinstance(attribution, str) or not attribution.strip():
        raise MapTilesError(
            f"{SETTING}.attribution: the tiles' licence requires one; "
            'write e.g. "© OpenStreetMap contributors"'
        )
    attribution_url = raw.get("attribution_url")
    if attribution_url is not None and not _is_web_address(attribution_url):
        raise MapTilesError(f"{SETTING}.attribution_url: expected an https:// or http:// address")
    max_zoom = raw.get("max_zoom", DEFAULT_MAP_TILES.max_zoom)
    if isinstance(max_zoom, bool) or not isinstance(max_zoom, int) or not 0 <= max_zoom <= 24:
        raise MapTilesError(f"{SETTING}.max_zoom: expected a whole number from 0 to 24, found {max_zoom!r}")
    return MapTiles(url, archive, attribution.strip(), attribution_url, max_zoom)


def _is_web_address(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    parts = urlsplit(value)
    return parts.scheme in ("https", "http") and bool(parts.hostname)


def _check_url_template(url: Any) -> None:
    if not _is_web_address(url):
        raise MapTilesError(f"{SETTING}.url: expected an https:// address with {{z}}, {{x}} and {{y}}")
    fields = set(_TEMPLATE_FIELDS.findall(url))
    missing = [name for name in ("z", "x", "y") if name not in fields]
    if missing:
        placeholders = ", ".join(f"{{{name}}}" for name in missing)
        raise MapTilesError(f"{SETTING}.url: the address lacks {placeholders}")
    if fields - {"z", "x", "y", "s", "r"}:
        raise MapTilesError(f"{SETTING}.url: only {{z}}, {{x}}, {{y}}, {{s}} and {{r}} may be used")


def _check_archive(archive: Any) -> None:
    if not isinstance(archive, str) or not archive.endswith(".pmtiles"):
        raise MapTilesError(
            f"{SETTING}.pmtiles: expected the path of a .pmtiles file below the site "
            "(e.g. assets/tiles/region.pmtiles) or its https:// address"
        )
    parts = urlsplit(archive)
    if parts.scheme and not _is_web_address(archive):
        raise MapTilesError(f"{SETTING}.pmtiles: expected a path below the site or an https:// address")
    if not parts.scheme and (archive.startswith("/") or ".." in archive.split("/")):
        raise MapTilesError(f"{SETTING}.pmtiles: write the path below the site without a leading '/' or '..'")


def _attribution_html(tiles: MapTiles) -> str:
    """The attribution the map shows, as HTML (Leaflet's attribution control takes HTML)."""
    text = html.escape(tiles.attribution)
    if tiles.attribution_url:
        return f'<a href="{html.escape(tiles.attribution_url)}">{text}</a>'
    return text


def _tile_source(tiles: MapTiles, up: str) -> str:
    """The tile address as the page's script uses it: a path below the site becomes relative
    (``up`` leads from the page to the site root)."""
    if tiles.url:
        return tiles.url
    assert tiles.pmtiles is not None
    return tiles.pmtiles if tiles.host else up + tiles.pmtiles


def _words(tiles: MapTiles, lang: str) -> str:
    """The button's words: which server the map comes from."""
    if tiles.host:
        return term(LABELS, "map_show_from", lang).format(host=tiles.host)
    return term(LABELS, "map_show_from_site", lang)


def _map_block(key: str, lang: str, tiles: MapTiles, attributes: dict[str, str]) -> str:
    """The button, the (hidden) map and its legend, and the script that makes them work."""
    opening, closing, to_region, after_region = _map_block_parts(lang, tiles, url_path(key, lang).count("/"))
    region = f"kk-livemap-{key.replace('/', '-')}"  # the id of the map's region
    own = "".join(f' {name}="{escaping.attribute(value)}"' for name, value in attributes.items())
    return raw_html(f"{opening}{own}{closing}{region}{to_region}{region}{after_region}")


@functools.lru_cache(maxsize=64)
def _map_block_parts(lang: str, tiles: MapTiles, depth: int) -> tuple[str, str, str, str]:
    """What the map blocks of all pages ``depth`` folders below the site root in ``lang``
    share, made once (a section has a thousand such pages): the opening tag up to the
    page's own attributes; the rest of the tag and the button up to the id of the map's
    region; from there to the region's own id; and the rest of the block."""
    up = "../" * depth
    word = lambda name: term(LABELS, name, lang)  # noqa: E731 - a local shorthand
    before = {
        "data-leaflet": up + LEAFLET,
        "data-tiles": _tile_source(tiles, up),
        "data-tiles-kind": "pmtiles" if tiles.pmtiles else "xyz",
        "data-attribution": _attribution_html(tiles),
        "data-max-zoom": str(tiles.max_zoom),
        "data-consent": tiles.host or "this-site",
        "data-word-exact": word("location_exact"),
        "data-word-approximate": word("location_approximate"),
        "data-word-failed": word("map_failed"),
        "data-word-note": term(VALUE_WORDS, "with_note", lang),
        # Leaflet's own controls, named in the page's language.
        "data-word-zoom-in": word("map_zoom_in"),
        "data-word-zoom-out": word("map_zoom_out"),
        "data-word-close": word("close"),
    }
    after = {"data-pmtiles-script": up + PMTILES_SCRIPT} if tiles.pmtiles else {}
    attrs = lambda items: "".join(f' {name}="{escaping.attribute(value)}"' for name, value in items.items())  # noqa: E731
    closing = (
        f'{attrs(after)}><button type="button" class="md-button kk-livemap__show" aria-expanded="false" '
        'aria-controls="'
    )
    to_region = f'">{escaping.attribute(_words(tiles, lang))}</button><div id="'
    after_region = (
        f'" class="kk-livemap__canvas" role="region" aria-label="{escaping.attribute(word("map"))}" '
        "hidden></div>"
        f'<p class="kk-livemap__legend" hidden>'
        f'<span class="kk-livemap__key kk-livemap__key--exact" aria-hidden="true"></span> '
        f"{escaping.attribute(word('location_exact'))} "
        f'<span class="kk-livemap__key kk-livemap__key--approximate" aria-hidden="true"></span> '
        f"{escaping.attribute(word('location_approximate'))}</p></div>\n"
        f'<script src="{up + SCRIPT}" defer></script>'
    )
    return (
        f'<div class="kk-livemap" data-pagefind-ignore="all"{attrs(before)}',
        closing,
        to_region,
        after_region,
    )


def record_map(section: str, record: Record, lang: str, tiles: MapTiles = DEFAULT_MAP_TILES) -> str:
    """The map button of a record page: its one point, or "" for a record without a location."""
    location = record.get("location")
    if not location:
        return ""
    point = {
        "data-point": f"{location['lat']},{location['lon']}",
        "data-precision": location["precision"],
        "data-title": escaping.collapse_whitespace(pick(record["title"], lang).text),
        "data-note": _point_note(location, lang),
    }
    return _map_block(record_key(section, record["id"]), lang, tiles, point)


def _point_note(location: Record, lang: str) -> str:
    """What the point is: how precise, and its label where the record has one."""
    note = term(LABELS, f"location_{location['precision']}", lang)
    if "label" in location:
        label = escaping.collapse_whitespace(pick(location["label"], lang).text)
        note = term(VALUE_WORDS, "note_join", lang).format(first=note, second=label)
    return note


@functools.lru_cache(maxsize=8)
def _has_located_records(data: Data, section: str) -> bool:
    return bool(located_records(data, section))


def section_map(
    data: Data, section: str, lang: str, number: int = 1, tiles: MapTiles = DEFAULT_MAP_TILES
) -> str:
    """The map button, the GeoJSON link and "nearest to me" of a section index page;
    "" for a section without located records."""
    if not _has_located_records(data, section):
        return ""
    key = section_index_key(section, number)
    geojson = href(geojson_path(section), key, lang)
    # Links to the records, relative to this page: the pages of the language read.
    records = href(url_path(section_index_key(section), lang), key, lang)
    shared = {
        "data-geojson": geojson,
        "data-records": records,
        "data-languages": " ".join(FALLBACK_CHAINS[lang]),
    }
    parts = [_map_block(key, lang, tiles, shared)]
    if section in NEAREST_SECTIONS:
        parts.append(_nearest_block(lang, shared))
    download = escaping.inline(term(LABELS, "geojson_download", lang))
    link = f'<a href="{escaping.attribute(geojson)}" download>{download}</a>'
    parts.append(f'<p class="kk-livemap__download">{link}</p>')
    return "\n\n".join(parts)


def _nearest_block(lang: str, shared: dict[str, str]) -> str:
    """The "nearest to me" block: the reader's position, asked for only on the press, stays in the browser."""
    words = {
        "data-word-locating": term(LABELS, "nearest_locating", lang),
        "data-word-unavailable": term(LABELS, "nearest_unavailable", lang),
        "data-word-distance": term(LABELS, "nearest_distance", lang),
        "data-word-approximate": term(LABELS, "location_approximate", lang),
        "data-word-note": term(VALUE_WORDS, "with_note", lang),
        "data-word-failed": term(LABELS, "map_failed", lang),
    }
    attrs = " ".join(f'{name}="{escaping.attribute(v)}"' for name, v in {**shared, **words}.items())
    button = escaping.attribute(term(LABELS, "nearest_button", lang))
    privacy = escaping.attribute(term(LABELS, "nearest_privacy", lang))
    results = escaping.attribute(term(LABELS, "nearest_results", lang))
    return (
        f'<div class="kk-nearest" data-pagefind-ignore="all" {attrs}>'
        f'<button type="button" class="md-button kk-nearest__find">{button}</button>'
        f'<p class="kk-nearest__privacy">{privacy}</p>'
        f'<div class="kk-nearest__status" role="status"></div>'
        f'<ol class="kk-nearest__list" aria-label="{results}" hidden></ol></div>'
    )
