"""The section GeoJSON, the map's setting ``extra.map_tiles`` and the map blocks of the pages."""

from __future__ import annotations

import dataclasses
import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import ROOT, page_to_html, run_mkdocs_build
from kakehashi.editor import cli
from kakehashi.site import interactive_map
from kakehashi.site.geojson import geojson_downloads, geojson_path, section_geojson
from kakehashi.site.interactive_map import (
    DEFAULT_MAP_TILES,
    MapTiles,
    MapTilesError,
    map_tiles_setting,
    record_map,
    section_map,
)
from kakehashi.site.languages import LANGUAGES
from kakehashi.site.whole_site import load_site
from kakehashi.sources.loader import SECTION_IDS

SITE = load_site(ROOT)
DATA = SITE.data
SITE_URL = "https://example.org/kb/"
PREFIX = {"de": "", "ja": "ja/", "en": "en/"}


def located(section: str) -> list[dict]:
    return [r for r in DATA.sections[section] if "location" in r]


# --- the section GeoJSON ------------------------------------------------------


def test_the_shipped_data_has_located_records_in_several_sections() -> None:
    assert sum(1 for section in SECTION_IDS if located(section)) >= 3
    assert len(located("cycling")) >= 4


@pytest.mark.parametrize("section", [s for s in SECTION_IDS if located(s)])
def test_section_geojson_parses_back_to_the_data(section: str) -> None:
    downloads = {d.path: d.content for d in geojson_downloads(DATA, SITE_URL)}
    collection = json.loads(downloads[f"data/{section}.geojson"].decode("utf-8"))
    assert collection["type"] == "FeatureCollection"
    records = located(section)
    assert [f["properties"]["id"] for f in collection["features"]] == [r["id"] for r in records]
    for feature, record in zip(collection["features"], records, strict=True):
        assert feature["type"] == "Feature"
        geometry = feature["geometry"]
        # RFC 7946: longitude first.
        location = record["location"]
        assert geometry == {"type": "Point", "coordinates": [location["lon"], location["lat"]]}
        props = feature["properties"]
        assert props["city"] == record["city"]
        assert props["kind"] == record["kind"]
        assert props["precision"] == record["location"]["precision"]
        assert props["title"] == {lang: text for lang, text in record["title"].items() if text}
        assert props["url"] == {
            lang: f"{SITE_URL}{PREFIX[lang]}{section}/{record['id']}/" for lang in LANGUAGES
        }


def test_a_title_missing_in_a_language_is_left_out_not_filled_in() -> None:
    section = "cycling"
    record = dict(located(section)[0])
    record["title"] = {"ja": "テスト"}
    sections = {**DATA.sections, section: [record]}
    data = dataclasses.replace(DATA, sections=sections)
    (feature,) = section_geojson(data, section, SITE_URL)["features"]
    assert feature["properties"]["title"] == {"ja": "テスト"}
    assert set(feature["properties"]["url"]) == set(LANGUAGES)


def test_sections_without_located_records_get_no_file() -> None:
    sections = {name: [r for r in records if "location" not in r] for name, records in DATA.sections.items()}
    data = dataclasses.replace(DATA, sections=sections)
    assert geojson_downloads(data, SITE_URL) == []


def test_the_site_lists_the_geojson_among_its_downloads() -> None:
    paths = [d.path for d in SITE.downloads(SITE_URL)]
    for section in SECTION_IDS:
        assert (geojson_path(section) in paths) == bool(located(section))
    assert paths[0] == "sitemap.xml"


# --- the setting extra.map_tiles -----------------------------------------------


def test_no_setting_means_openstreetmaps_tiles() -> None:
    tiles = map_tiles_setting(None)
    assert tiles == DEFAULT_MAP_TILES
    assert tiles.url == "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    assert tiles.attribution == "© OpenStreetMap contributors"
    assert tiles.host == "tile.openstreetmap.org"


def test_the_shipped_setting_is_openstreetmaps_tiles() -> None:
    from kakehashi.editor import project

    assert project.map_tiles(ROOT, project.read_settings(ROOT)) == DEFAULT_MAP_TILES


def test_a_tile_server_and_an_archive_are_read() -> None:
    server = map_tiles_setting(
        {"url": "https://tiles.example.net/{z}/{x}/{y}.png", "attribution": "© Someone", "max_zoom": 17}
    )
    assert server == MapTiles("https://tiles.example.net/{z}/{x}/{y}.png", None, "© Someone", None, 17)
    assert server.host == "tiles.example.net"
    archive = map_tiles_setting({"pmtiles": "assets/tiles/region.pmtiles", "attribution": "© OSM"})
    assert archive.pmtiles == "assets/tiles/region.pmtiles"
    assert archive.host is None  # the site itself
    remote = map_tiles_setting({"pmtiles": "https://cdn.example.net/r.pmtiles", "attribution": "© OSM"})
    assert remote.host == "cdn.example.net"


A_URL = "https://a.org/{z}/{x}/{y}.png"
BAD_SETTINGS = [
    ("a string", "https://tile.openstreetmap.org/{z}/{x}/{y}.png", "expected a mapping"),
    ("neither", {"attribution": "x"}, "set exactly one of 'url'"),
    (
        "both",
        {"url": A_URL, "pmtiles": "a.pmtiles", "attribution": "x"},
        "exactly one",
    ),
    ("unknown key", {"url": A_URL, "attribution": "x", "zoom": 3}, "unknown key zoom"),
    ("no placeholders", {"url": "https://a.org/tiles.png", "attribution": "x"}, "lacks {z}, {x}, {y}"),
    ("not a web address", {"url": "tiles/{z}/{x}/{y}.png", "attribution": "x"}, "expected an https://"),
    ("odd placeholder", {"url": "https://a.org/{z}/{x}/{y}{q}.png", "attribution": "x"}, "only {z}"),
    ("no attribution", {"url": A_URL}, "attribution: the tiles' licence"),
    ("empty attribution", {"url": A_URL, "attribution": " "}, "attribution"),
    ("zoom as text", {"url": A_URL, "attribution": "x", "max_zoom": "19"}, "max_zoom"),
    ("zoom too large", {"url": A_URL, "attribution": "x", "max_zoom": 30}, "0 to 24"),
    ("zoom as yes", {"url": A_URL, "attribution": "x", "max_zoom": True}, "max_zoom"),
    ("archive not .pmtiles", {"pmtiles": "assets/tiles/region.mbtiles", "attribution": "x"}, ".pmtiles file"),
    ("archive outside", {"pmtiles": "../region.pmtiles", "attribution": "x"}, "without a leading"),
    ("archive from root", {"pmtiles": "/region.pmtiles", "attribution": "x"}, "without a leading"),
    ("archive by ftp", {"pmtiles": "ftp://a.org/region.pmtiles", "attribution": "x"}, "https://"),
    (
        "bad attribution link",
        {"url": A_URL, "attribution": "x", "attribution_url": "javascript:x"},
        "attribution_url",
    ),
]


@pytest.mark.parametrize(("raw", "message"), [pytest.param(r, m, id=i) for i, r, m in BAD_SETTINGS])
def test_a_bad_setting_is_a_clear_error(raw: object, message: str) -> None:
    with pytest.raises(MapTilesError) as error:
        map_tiles_setting(raw)
    assert str(error.value).startswith("extra.map_tiles")
    assert message in str(error.value)


def test_an_archive_below_the_site_must_exist(tmp_path: Path) -> None:
    raw = {"pmtiles": "assets/tiles/region.pmtiles", "attribution": "© OSM"}
    with pytest.raises(MapTilesError, match=r"no file assets/tiles/region.pmtiles in docs/"):
        map_tiles_setting(raw, tmp_path / "docs")
    archive = tmp_path / "docs" / "assets" / "tiles" / "region.pmtiles"
    archive.parent.mkdir(parents=True)
    archive.write_bytes(b"PMTiles")
    assert map_tiles_setting(raw, tmp_path / "docs").pmtiles == "assets/tiles/region.pmtiles"


def test_the_editor_command_reports_a_bad_setting(project_copy: Path, capsys: pytest.CaptureFixture) -> None:
    config = project_copy / "mkdocs.yml"
    text = config.read_text("utf-8")
    config.write_text(text.replace("    max_zoom: 19\n", "    max_zoom: many\n"), "utf-8")
    assert cli.main(["check", "--root", str(project_copy)]) == 1
    assert "mkdocs.yml: extra.map_tiles.max_zoom: expected a whole number" in capsys.readouterr().err


@pytest.mark.build
def test_a_bad_setting_stops_the_build(project_copy: Path, tmp_path: Path) -> None:
    config = project_copy / "mkdocs.yml"
    text = config.read_text("utf-8")
    config.write_text(text.replace(f'url: "{DEFAULT_MAP_TILES.url}"', 'url: "tiles"'), "utf-8")
    result = run_mkdocs_build(project_copy, tmp_path / "site")
    assert result.returncode != 0
    assert "extra.map_tiles.url: expected an https:// address with {z}, {x} and {y}" in result.stderr
    assert not (tmp_path / "site" / "index.html").exists()


# --- the blocks on the pages -------------------------------------------------------


class _Elements(HTMLParser):
    """Start tags of an HTML fragment: (tag, attributes) in order."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def elements(html: str) -> _Elements:
    parser = _Elements()
    parser.feed(html)
    return parser


def first(parsed: _Elements, tag: str, cls: str | None = None) -> dict[str, str | None]:
    return next(a for t, a in parsed.elements if t == tag and (cls is None or cls in (a.get("class") or "")))


def test_a_located_record_page_has_a_map_button_naming_the_tile_server() -> None:
    record = located("disaster-prevention")[0]
    html, _ = page_to_html(SITE.markdown(f"disaster-prevention/{record['id']}", "ja"))
    parsed = elements(html)
    box = first(parsed, "div", "kk-livemap")
    assert box["data-point"] == f"{record['location']['lat']},{record['location']['lon']}"
    assert box["data-precision"] == record["location"]["precision"]
    assert box["data-title"] == record["title"]["ja"]
    assert box["data-tiles"] == DEFAULT_MAP_TILES.url
    # From the site itself, relative to the page (ja/disaster-prevention/<id>/).
    assert box["data-leaflet"] == "../../../assets/vendor/leaflet/"
    assert box["data-attribution"] == (
        '<a href="https://www.openstreetmap.org/copyright">© OpenStreetMap contributors</a>'
    )
    button = first(parsed, "button", "kk-livemap__show")
    assert button["aria-expanded"] == "false"
    assert "tile.openstreetmap.org" in "".join(parsed.text)
    assert "hidden" in first(parsed, "div", "kk-livemap__canvas")
    assert first(parsed, "script")["src"] == "../../../assets/javascripts/map.js"
    # Nothing loads before the press: no Leaflet, no tiles in the page itself.
    assert "leaflet.js" not in html and "leaflet.css" not in html
    assert not re.search(r"<(img|link|iframe)[^>]+openstreetmap", html)


def test_a_record_without_location_has_no_map() -> None:
    record = next(r for r in DATA.sections["disaster-prevention"] if "location" not in r)
    assert record_map("disaster-prevention", record, "de") == ""
    assert "kk-livemap" not in SITE.markdown(f"disaster-prevention/{record['id']}", "de")


def test_section_index_pages_offer_the_map_the_geojson_and_nearest_places() -> None:
    html, _ = page_to_html(SITE.markdown("disaster-prevention/index", "en"))
    parsed = elements(html)
    box = first(parsed, "div", "kk-livemap")
    assert box["data-geojson"] == "../../data/disaster-prevention.geojson"
    assert box["data-records"] == "../../en/disaster-prevention/"
    assert box["data-languages"] == "en de ja"
    nearest = first(parsed, "div", "kk-nearest")
    assert nearest["data-geojson"] == box["data-geojson"]
    text = "".join(parsed.text)
    assert "Find the three places nearest to me" in text
    assert "your position is never sent anywhere" in text
    download = next(a for t, a in parsed.elements if t == "a" and a.get("href", "").endswith(".geojson"))
    assert download["href"] == "../../data/disaster-prevention.geojson"


def test_projects_get_a_map_but_no_nearest_places() -> None:
    markdown = SITE.markdown("projects/index", "de")
    assert 'class="kk-livemap"' in markdown
    assert "kk-nearest" not in markdown


def test_a_section_without_located_records_has_no_map() -> None:
    sections = {**DATA.sections, "cycling": [r for r in DATA.sections["cycling"] if "location" not in r]}
    data = dataclasses.replace(DATA, sections=sections)
    assert section_map(data, "cycling", "de") == ""


def test_a_self_hosted_archive_names_no_other_server() -> None:
    raw = {"pmtiles": "assets/tiles/region.pmtiles", "attribution": "© OSM <contributors>"}
    tiles = map_tiles_setting(raw)
    record = located("cycling")[0]
    block = record_map("cycling", record, "de", tiles)
    parsed = elements(block)
    box = first(parsed, "div", "kk-livemap")
    assert box["data-tiles-kind"] == "pmtiles"
    assert box["data-tiles"] == "../../assets/tiles/region.pmtiles"
    assert box["data-pmtiles-script"] == "../../assets/vendor/pmtiles/pmtiles.js"
    assert box["data-attribution"] == "© OSM &lt;contributors&gt;"  # text, escaped for Leaflet's HTML
    assert "Karte anzeigen (lädt nur von dieser Website)" in "".join(parsed.text)


def test_the_server_named_on_the_button_is_escaped() -> None:
    tiles = map_tiles_setting({"url": "https://a.example/{z}/{x}/{y}.png?k=<b>&x=1", "attribution": "x"})
    block = interactive_map.record_map("cycling", located("cycling")[0], "en", tiles)
    assert "<b>" not in block
    assert 'data-tiles="https://a.example/{z}/{x}/{y}.png?k=&lt;b&gt;&amp;x=1"' in block


# --- Leaflet and pmtiles, served from the site itself ----------------------------

VENDOR = ROOT / "docs" / "assets" / "vendor"
NODE_MODULES = ROOT / "node_modules"
VENDORED = {
    "leaflet": {
        "leaflet/leaflet.js": "dist/leaflet.js",
        "leaflet/leaflet.css": "dist/leaflet.css",
        "leaflet/LICENSE": "LICENSE",
        **{
            f"leaflet/images/{p.name}": f"dist/images/{p.name}" for p in (VENDOR / "leaflet/images").iterdir()
        },
    },
    "pmtiles": {"pmtiles/pmtiles.js": "dist/pmtiles.js"},
}


def package_versions() -> dict[str, str]:
    return json.loads((ROOT / "package.json").read_text("utf-8"))["dependencies"]


@pytest.mark.parametrize("package", sorted(VENDORED))
def test_the_vendored_copy_equals_the_npm_package(package: str) -> None:
    installed = NODE_MODULES / package
    if not installed.is_dir():
        # CI installs the npm packages (.ci/run): there a missing one is a failure, not a skip.
        if os.environ.get("KAKEHASHI_REQUIRE_BROWSER") == "1":
            pytest.fail(f"{installed} is not installed (npm ci)")
        pytest.skip(f"{installed} is not installed (npm ci)")
    version = json.loads((installed / "package.json").read_text("utf-8"))["version"]
    assert version == package_versions()[package]
    for vendored, original in VENDORED[package].items():
        assert (VENDOR / vendored).read_bytes() == (installed / original).read_bytes(), vendored
    assert (VENDOR / package / "LICENSE").is_file()


def test_third_party_code_is_listed_with_its_version_and_licence() -> None:
    listed = (ROOT / "THIRD_PARTY.md").read_text("utf-8")
    for package, version in package_versions().items():
        assert re.search(rf"\| {re.escape(package)} \| {re.escape(version)} \|", listed), package
    assert "BSD-2-Clause" in listed and "BSD-3-Clause" in listed


def test_the_built_site_serves_the_geojson_and_links_it_from_the_index_pages(built_site: Path) -> None:
    for section in SECTION_IDS:
        file = built_site / geojson_path(section)
        assert file.is_file() == bool(located(section)), section
        if not located(section):
            continue
        collection = json.loads(file.read_text("utf-8"))
        assert [f["properties"]["id"] for f in collection["features"]] == [r["id"] for r in located(section)]
        for lang in LANGUAGES:
            index = built_site / PREFIX[lang] / section / "index.html"
            links = [a.get("href") for t, a in elements(index.read_text("utf-8")).elements if t == "a"]
            geojson_links = [href for href in links if href and href.endswith(".geojson")]
            assert geojson_links, (section, lang)
            assert all((index.parent / href).resolve() == file.resolve() for href in geojson_links)
