"""The interactive map and "nearest to me" in Chromium.

Nothing of the map loads before its button is pressed; then the map shows,
with tiles from a local stand-in for the tile server (requests to the real one
are answered inside the browser, never sent). A site whose ``extra.map_tiles``
names a PMTiles archive of its own makes no request to anyone else at all.
"Nearest to me" asks for the position only on the press and lists the three
nearest places in order.
"""

from __future__ import annotations

import io
import math
import re
import struct
import zlib
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from conftest import copy_project
from kakehashi.site.glossary import LABELS, term
from kakehashi.site.interactive_map import DEFAULT_MAP_TILES

from .conftest import PHONE, built_and_served
from .reader import DATA, PREFIX, ServedSite, require

pytestmark = pytest.mark.browser

TILE_HOST = "tile.openstreetmap.org"
DESKTOP = {"width": 1280, "height": 900}
# What the map loads once it is asked for; none of it may load before.
MAP_PARTS = ("/assets/vendor/", ".geojson", ".pmtiles", TILE_HOST)


def located(section: str) -> list[dict]:
    return [r for r in DATA.sections[section] if "location" in r]


RECORD = located("disaster-prevention")[0]
RECORD_PAGE = f"disaster-prevention/{RECORD['id']}/"
MAP_PAGES = {"record": RECORD_PAGE, "section": "cycling/", "projects": "projects/"}


def png(rgb: tuple[int, int, int], size: int = 256) -> bytes:
    """A plain one-colour PNG, made with zlib and struct."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)  # 8-bit RGB
    rows = (b"\x00" + bytes(rgb) * size) * size
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


TILE = png((170, 211, 223))


def write_pmtiles(path: Path, max_zoom: int) -> None:
    """A PMTiles archive of plain PNG tiles covering the world at zoom 0 to ``max_zoom``."""
    from pmtiles.tile import Compression, TileType, zxy_to_tileid
    from pmtiles.writer import write

    tiles = sorted(
        (zxy_to_tileid(z, x, y), png((120 + 30 * z, 200, 160)))
        for z in range(max_zoom + 1)
        for x in range(2**z)
        for y in range(2**z)
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    with write(str(path)) as writer:
        for tile_id, data in tiles:
            writer.write_tile(tile_id, data)
        writer.finalize(
            {"tile_type": TileType.PNG, "tile_compression": Compression.NONE, "center_zoom": 1},
            {"attribution": "test tiles"},
        )


class _RangeHandler(SimpleHTTPRequestHandler):
    """A static host that answers byte ranges (HTTP 206), as most hosts do; with
    ``answer_ranges`` off it sends whole files, as the preview of ``mkdocs serve`` does."""

    answer_ranges = True

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def send_head(self) -> Any:
        wanted = re.fullmatch(r"bytes=(\d+)-(\d*)", self.headers.get("Range", "").strip())
        path = Path(self.translate_path(self.path))
        if not wanted or not path.is_file() or not self.answer_ranges:
            return super().send_head()
        data = path.read_bytes()
        start = int(wanted[1])
        end = min(int(wanted[2]) if wanted[2] else len(data) - 1, len(data) - 1)
        body = data[start : end + 1]
        self.send_response(206)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Range", f"bytes {start}-{end}/{len(data)}")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Accept-Ranges", "bytes")
        self.end_headers()
        return io.BytesIO(body)


@pytest.fixture(scope="session")
def pmtiles_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    """The project with ``extra.map_tiles`` set to a PMTiles archive of its own, built and served."""
    require(_has_pmtiles_writer(), "the PMTiles writer is not installed (pip install -e '.[test]')")
    project = copy_project(tmp_path_factory.mktemp("pmtiles-project"))
    write_pmtiles(project / "docs" / "assets" / "tiles" / "test.pmtiles", max_zoom=3)
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    server_line = f'    url: "{DEFAULT_MAP_TILES.url}"\n'
    assert server_line in text
    text = text.replace(server_line, "    pmtiles: assets/tiles/test.pmtiles\n").replace(
        "    max_zoom: 19\n", "    max_zoom: 3\n"
    )
    config.write_text(text, "utf-8")
    root = tmp_path_factory.mktemp("pmtiles-site")
    with built_and_served(project, root, _RangeHandler) as site:
        yield site


def _has_pmtiles_writer() -> bool:
    try:
        import pmtiles.writer  # noqa: F401
    except ImportError:
        return False
    return True


class Reader:
    """A browser context on a served site that notes every request and error, and
    answers the tile server's requests itself: nothing leaves the machine."""

    def __init__(self, chromium: Any, site: ServedSite, **options: Any) -> None:
        self.site = site
        self.context = chromium.new_context(base_url=site.origin, **options)
        self.context.set_default_timeout(15_000)
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.answered_tiles: list[str] = []
        origin = site.origin
        # Later routes are tried first: the tile server's stand-in, then refusing anything else.
        self.context.route(lambda url: not url.startswith(origin), lambda route: route.abort())
        self.context.route(f"https://{TILE_HOST}/**", self._tile)
        self.page = self.new_page()

    def _tile(self, route: Any) -> None:
        self.answered_tiles.append(route.request.url)
        route.fulfill(status=200, content_type="image/png", body=TILE)

    def new_page(self) -> Any:
        page = self.context.new_page()
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        return page

    def map_requests(self, since: int = 0) -> list[str]:
        """The requests of the map's parts, from request number ``since`` on."""
        return [url for url in self.requests[since:] if any(part in url for part in MAP_PARTS)]

    def elsewhere(self) -> list[str]:
        origin = urlsplit(self.site.origin)
        return [
            url
            for url in self.requests
            if urlsplit(url).scheme not in ("data", "blob")
            and (urlsplit(url).scheme, urlsplit(url).netloc) != (origin.scheme, origin.netloc)
        ]

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def reader(chromium: Any, served_site: ServedSite) -> Iterator[Reader]:
    opened = Reader(chromium, served_site, viewport=DESKTOP)
    yield opened
    opened.close()


def wait_for_map(page: Any) -> None:
    page.locator(".kk-livemap__canvas .kk-livemap__point").first.wait_for()
    page.locator(".kk-livemap__canvas img.leaflet-tile-loaded").first.wait_for()


VIEWPORTS = {
    "desktop": {"viewport": DESKTOP},
    "phone": {"viewport": PHONE, "device_scale_factor": 3, "is_mobile": True, "has_touch": True},
}


@pytest.mark.parametrize("kind", sorted(MAP_PAGES))
@pytest.mark.parametrize("screen", sorted(VIEWPORTS))
def test_nothing_of_the_map_loads_before_the_button_is_pressed(
    chromium: Any, served_site: ServedSite, screen: str, kind: str
) -> None:
    reader = Reader(chromium, served_site, **VIEWPORTS[screen])
    try:
        page = reader.page
        page.goto(served_site.url("en", MAP_PAGES[kind]), wait_until="networkidle")
        page.wait_for_timeout(300)  # a script that loads late would still be caught
        assert reader.map_requests() == [], "the map loaded before it was asked for"
        assert reader.elsewhere() == []
        assert page.evaluate("typeof window.L") == "undefined"
        assert not page.locator(".kk-livemap__canvas").is_visible()

        button = page.get_by_role("button", name=re.compile(re.escape(TILE_HOST)))
        assert button.get_attribute("aria-expanded") == "false"
        button.click()
        wait_for_map(page)
        assert button.get_attribute("aria-expanded") == "true"
        assert page.locator(".kk-livemap__canvas").is_visible()
        loaded = reader.map_requests()
        assert any(url.endswith("/assets/vendor/leaflet/leaflet.js") for url in loaded)
        assert reader.answered_tiles, "no tile was asked of the tile server"
        # The only other server is the tile server named on the button, and its stand-in answered.
        assert {urlsplit(url).hostname for url in reader.elsewhere()} == {TILE_HOST}
        if kind != "record":
            section = MAP_PAGES[kind].rstrip("/")
            assert any(url.endswith(f"/data/{section}.geojson") for url in loaded)
            assert page.locator(".kk-livemap__point").count() == len(located(section))
        scroll_width, width = page.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert scroll_width <= width, "the open map makes the page scroll sideways"
        attribution = page.locator(".kk-livemap .leaflet-control-attribution a", has_text="OpenStreetMap")
        assert attribution.get_attribute("href") == "https://www.openstreetmap.org/copyright"
        assert reader.errors == []
    finally:
        reader.close()


def test_exact_and_approximate_points_look_different(reader: Reader) -> None:
    page = reader.page
    page.goto(reader.site.url("de", "projects/"))
    page.locator(".kk-livemap__show").click()
    wait_for_map(page)
    exact = page.locator(".kk-livemap__point--exact")
    approximate = page.locator(".kk-livemap__point--approximate")
    projects = located("projects")
    assert exact.count() == sum(1 for r in projects if r["location"]["precision"] == "exact") > 0
    assert approximate.count() == sum(1 for r in projects if r["location"]["precision"] == "approximate") > 0
    style = "(element) => { const s = getComputedStyle(element); return [s.width, s.borderTopStyle]; }"
    assert exact.first.evaluate(style) != approximate.first.evaluate(style)
    assert page.locator(".kk-livemap__legend").is_visible()


def test_the_map_works_with_the_keyboard(reader: Reader) -> None:
    page = reader.page
    page.goto(reader.site.url("ja", RECORD_PAGE))
    button = page.locator(".kk-livemap__show")
    button.focus()
    page.keyboard.press("Enter")
    wait_for_map(page)
    point = page.locator(".kk-livemap__point")
    # A point is reached by the keyboard and named by its title and how precise it is.
    assert point.get_attribute("tabindex") == "0"
    name = point.get_attribute("aria-label")
    assert RECORD["title"]["ja"] in name
    assert term(LABELS, f"location_{RECORD['location']['precision']}", "ja") in name
    point.focus()
    page.keyboard.press("Enter")
    assert page.locator(".leaflet-popup-content", has_text=RECORD["title"]["ja"]).is_visible()
    # Leaflet's controls are named in the page's language.
    for name in ("map_zoom_in", "map_zoom_out", "close"):
        assert page.get_by_role("button", name=term(LABELS, name, "ja"), exact=True).count() == 1, name
    assert not page.get_by_role("button", name=re.compile("Zoom in|Zoom out|Close popup")).count()
    # Pressed again, the button hides the map.
    button.focus()
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "false"
    assert not page.locator(".kk-livemap__canvas").is_visible()


def test_the_choice_is_remembered_for_the_session_only(chromium: Any, served_site: ServedSite) -> None:
    first = Reader(chromium, served_site, viewport=DESKTOP)
    try:
        first.page.goto(served_site.url("de", RECORD_PAGE))
        first.page.locator(".kk-livemap__show").click()
        wait_for_map(first.page)
        # The next page of the same session shows its map without being asked again.
        first.page.goto(served_site.url("de", "cycling/"))
        wait_for_map(first.page)
        assert first.page.locator(".kk-livemap__show").get_attribute("aria-expanded") == "true"
        # In this session's storage only: not in the lasting one (where the theme keeps its
        # own settings), nor in a cookie.
        stored = first.page.evaluate(
            "[Object.keys(sessionStorage), Object.keys(localStorage).join(' '), document.cookie]"
        )
        assert stored[0] == [f"kakehashi-map-consent:{TILE_HOST}"]
        assert "map" not in stored[1]
        assert stored[2] == ""
        assert first.context.cookies() == []
        # A new tab is a new session: nothing is loaded until it is asked for again.
        before = len(first.requests)
        other = first.new_page()
        other.goto(served_site.url("de", "cycling/"), wait_until="networkidle")
        assert first.map_requests(since=before) == []
        assert other.locator(".kk-livemap__show").get_attribute("aria-expanded") == "false"
    finally:
        first.close()


@pytest.mark.parametrize("ranges", [True, False], ids=["byte-ranges", "whole-file"])
def test_a_self_hosted_archive_makes_no_request_to_anyone_else(
    chromium: Any, pmtiles_site: ServedSite, ranges: bool
) -> None:
    screens = VIEWPORTS if ranges else {"desktop": VIEWPORTS["desktop"]}
    _RangeHandler.answer_ranges = ranges
    try:
        check_archive_map(chromium, pmtiles_site, screens)
    finally:
        _RangeHandler.answer_ranges = True


def check_archive_map(chromium: Any, pmtiles_site: ServedSite, screens: dict[str, dict]) -> None:
    for screen, options in screens.items():
        reader = Reader(chromium, pmtiles_site, **options)
        try:
            page = reader.page
            for path in ("cycling/", RECORD_PAGE):
                start = len(reader.requests)
                page.goto(pmtiles_site.url("de", path), wait_until="networkidle")
                assert reader.map_requests(since=start) == [], (screen, path)
                button = page.locator(".kk-livemap__show")
                assert "nur von dieser Website" in button.inner_text()
                button.click()
                wait_for_map(page)
                assert page.locator(".kk-livemap__canvas img.leaflet-tile-loaded").count() > 0
                assert any(url.endswith("/assets/tiles/test.pmtiles") for url in reader.requests[start:])
                assert any(
                    url.endswith("/assets/vendor/pmtiles/pmtiles.js") for url in reader.requests[start:]
                )
                page.evaluate("sessionStorage.clear()")
            assert reader.elsewhere() == [], screen
            assert reader.answered_tiles == []
            assert reader.errors == []
        finally:
            reader.close()


# --- nearest to me ---------------------------------------------------------------


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(math.sqrt(a))


def nearest(section: str, lat: float, lon: float) -> list[dict]:
    by_distance = sorted(
        located(section),
        key=lambda r: haversine_km(lat, lon, r["location"]["lat"], r["location"]["lon"]),
    )
    return by_distance[:3]


# Tsukuba's city hall, the west of Bochum, and near the Kemnader See in Bochum.
POSITIONS = {
    "cycling-ja": ("cycling", "ja", 36.0835, 140.0764),
    "disaster-prevention-de": ("disaster-prevention", "de", 51.47, 7.16),
    "cycling-en": ("cycling", "en", 51.42, 7.26),
}

# Every call of the Geolocation API, counted.
COUNT_GEOLOCATION = """
    window.kkPositionAsked = 0;
    const ask = navigator.geolocation.getCurrentPosition.bind(navigator.geolocation);
    navigator.geolocation.getCurrentPosition = (...args) => {
        window.kkPositionAsked += 1;
        return ask(...args);
    };
"""


def shown_km(text: str, lang: str) -> float:
    """The distance a list item shows, in km, read back as the page's language writes numbers."""
    number = re.search(r"\d[\d.,\u202f\u00a0 ]*", text).group().strip()
    thousands, decimal = (".", ",") if lang == "de" else (",", ".")
    for space in ("\u202f", "\u00a0", " ", thousands):
        number = number.replace(space, "")
    value = float(number.replace(decimal, "."))
    return value if "km" in text else value / 1000


@pytest.mark.parametrize("case", sorted(POSITIONS))
def test_nearest_places_are_listed_in_order(chromium: Any, served_site: ServedSite, case: str) -> None:
    section, lang, lat, lon = POSITIONS[case]
    reader = Reader(
        chromium, served_site, viewport=DESKTOP, locale={"de": "de-DE", "ja": "ja-JP", "en": "en-GB"}[lang]
    )
    try:
        reader.context.grant_permissions(["geolocation"], origin=served_site.origin)
        reader.context.set_geolocation({"latitude": lat, "longitude": lon})
        reader.context.add_init_script(COUNT_GEOLOCATION)
        page = reader.page
        page.goto(served_site.url(lang, f"{section}/"), wait_until="networkidle")
        assert page.evaluate("window.kkPositionAsked") == 0, "the position was asked for before the press"
        assert term(LABELS, "nearest_privacy", lang) in page.locator(".kk-nearest").inner_text()
        page.get_by_role("button", name=term(LABELS, "nearest_button", lang)).click()
        items = page.locator(".kk-nearest__list li")
        items.nth(2).wait_for()
        assert page.evaluate("window.kkPositionAsked") == 1
        expected = nearest(section, lat, lon)
        assert items.count() == 3
        for item, record in zip(items.all(), expected, strict=True):
            link = item.locator("a")
            assert link.inner_text() == record["title"][lang]
            target = urlsplit(
                page.evaluate("(href) => new URL(href, document.baseURI).href", link.get_attribute("href"))
            )
            assert target.path == f"/{PREFIX[lang]}{section}/{record['id']}/"
            km = haversine_km(lat, lon, record["location"]["lat"], record["location"]["lon"])
            distance = item.locator(".kk-nearest__distance").inner_text()
            pattern = term(LABELS, "nearest_distance", lang)
            assert distance.startswith(pattern.split("{distance}")[0])
            assert abs(shown_km(distance, lang) - km) <= 0.5 + 0.001 * km, (distance, km)
            approximate = term(LABELS, "location_approximate", lang)
            assert (approximate in distance) == (record["location"]["precision"] == "approximate")
        # The position went nowhere: no request since the press names it.
        for url in reader.requests:
            assert f"{lat}" not in url and f"{lon}" not in url
        assert reader.elsewhere() == []
        assert reader.errors == []
    finally:
        reader.close()


def test_a_refused_position_is_said_so(chromium: Any, served_site: ServedSite) -> None:
    reader = Reader(chromium, served_site, viewport=DESKTOP)
    try:
        reader.context.clear_permissions()
        page = reader.page
        page.goto(served_site.url("en", "disaster-prevention/"))
        page.locator(".kk-nearest__find").click()
        status = page.locator(".kk-nearest__status")
        status.filter(has_text=term(LABELS, "nearest_unavailable", "en")).wait_for()
        assert not page.locator(".kk-nearest__list").is_visible()
    finally:
        reader.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_open_map_and_the_nearest_list_pass_axe(
    chromium: Any, served_site: ServedSite, axe: Any, scheme: str
) -> None:
    reader = Reader(chromium, served_site, viewport=DESKTOP, color_scheme=scheme)
    try:
        reader.context.grant_permissions(["geolocation"], origin=served_site.origin)
        reader.context.set_geolocation({"latitude": 51.47, "longitude": 7.16})
        page = reader.page
        page.goto(served_site.url("de", "disaster-prevention/"))
        page.locator(".kk-livemap__show").click()
        wait_for_map(page)
        page.locator(".kk-nearest__find").click()
        page.locator(".kk-nearest__list li").nth(2).wait_for()
        found = [v for v in axe(page) if v["impact"] in ("serious", "critical")]
        assert not found, [(v["id"], [n["target"] for n in v["nodes"]]) for v in found]
    finally:
        reader.close()


def test_the_buttons_stay_off_paper(reader: Reader) -> None:
    page = reader.page
    page.goto(reader.site.url("en", "disaster-prevention/"))
    assert page.locator(".kk-livemap__show").is_visible() and page.locator(".kk-nearest__find").is_visible()
    page.emulate_media(media="print")
    for part in (".kk-livemap__show", ".kk-nearest__find", ".kk-livemap__download"):
        assert not page.locator(part).is_visible(), f"{part} is printed"


def test_a_map_that_cannot_load_says_so_and_can_be_tried_again(reader: Reader) -> None:
    page = reader.page
    missing = True
    real = (reader.site.root / "data" / "ecosystem.geojson").read_bytes()

    def geojson(route: Any) -> None:
        if missing:
            route.fulfill(status=404, body="")
        else:
            route.fulfill(status=200, content_type="application/geo+json", body=real)

    page.route("**/data/ecosystem.geojson", geojson)
    page.goto(reader.site.url("en", "ecosystem/"))
    button = page.locator(".kk-livemap__show")
    button.click()
    alert = page.get_by_role("alert")
    alert.filter(has_text=term(LABELS, "map_failed", "en")).wait_for()
    assert button.get_attribute("aria-expanded") == "false"
    assert page.evaluate("sessionStorage.length") == 0  # the next page does not try by itself
    missing = False
    button.click()
    wait_for_map(page)
    assert alert.inner_text() == ""
