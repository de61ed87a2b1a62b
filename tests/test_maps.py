"""Maps in a real build: a copy of the project with a test route that has a GPX track
(a synthetic one from tests/fixtures/gpx) and one with waypoints only.

The pictures are parsed as XML, their titles read in each language, the index
maps counted against the data, and the download links followed to the files.
"""

from __future__ import annotations

import html as html_module
import json
import posixpath
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote

import pytest

from conftest import build, copy_project
from kakehashi.sources.loader import SECTION_IDS, load_data

pytestmark = pytest.mark.build

FIXTURES = Path(__file__).parent / "fixtures" / "gpx"
SVG = "{http://www.w3.org/2000/svg}"

# No source gives these routes' stage facts: every row says so.
STAGE_FACTS = ("distance", "climb", "surface", "rest_repair", "rental", "rail_start", "rail_end")
UNPUBLISHED_STAGE = "  stage:\n" + "".join(f"    {fact}:\n      published: false\n" for fact in STAGE_FACTS)

ROUTES = f"""
- id: test-track-route
  city: bochum
  kind: route
  length:
    value: 5.5
    unit: km
    approximate: true
  title:
    de: "Teststrecke mit Track"
    ja: "トラック付きテストルート"
    en: "Test route with a track"
  summary:
    de: "Eine Teststrecke."
    ja: "テスト用のルートです。"
    en: "A test route."
  track: test-track.gpx
  track_source:
    url: "https://example.org/track"
    title: "Test track"
    licence: "CC0 1.0"
  waypoints:
    - label:
        de: "Testpunkt an der Strecke"
      lat: 51.025
      lon: 7.0
      precision: exact
{UNPUBLISHED_STAGE}  sources:
    - url: "https://example.org/"
      title: "Example"
      lang: en
  updated: "2026-12-05"

- id: test-schematic-route
  city: bochum
  kind: route
  title:
    de: "Teststrecke ohne Track"
    ja: "トラックなしのテストルート"
    en: "Test route without a track"
  summary:
    de: "Eine Teststrecke."
    ja: "テスト用のルートです。"
    en: "A test route."
  waypoints:
    - label:
        de: "Anfang <b>&amp; Ende</b>"
        en: "Start <b>&amp; end</b>"
      lat: 51.478611
      lon: 7.222778
      precision: approximate
    - label:
        de: "Bahnhof Dahlhausen"
      lat: 51.42639
      lon: 7.14222
      precision: exact
{UNPUBLISHED_STAGE}  sources:
    - url: "https://example.org/"
      title: "Example"
      lang: en
  updated: "2026-12-05"
"""

TITLES = {
    "de": "Karte: Teststrecke mit Track",
    "ja": "トラック付きテストルートの地図",
    "en": "Map: Test route with a track",
}
PREFIX = {"de": "", "ja": "ja/", "en": "en/"}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    project = copy_project(tmp_path_factory.mktemp("project"))
    cycling = project / "data" / "cycling.yml"
    cycling.write_text(cycling.read_text("utf-8") + ROUTES, "utf-8")
    (project / "data" / "tracks").mkdir()
    (project / "data" / "tracks" / "test-track.gpx").write_bytes(
        (FIXTURES / "meridian-track.gpx").read_bytes()
    )
    site_dir = tmp_path_factory.mktemp("site")
    build(project, site_dir)
    return project, site_dir


def page(site_dir: Path, path: str) -> str:
    return (site_dir / path / "index.html").read_text("utf-8")


def svgs(html: str) -> list[ET.Element]:
    """Every picture of the maps on a page, parsed as XML (which fails if one is not well-formed)."""
    return [ET.fromstring(text) for text in re.findall(r'<svg class="kk-map__svg".*?</svg>', html, re.S)]


def text_of(element: ET.Element) -> str:
    return "".join(element.itertext())


@pytest.mark.parametrize("lang", ["de", "ja", "en"])
def test_a_route_with_a_track_shows_its_map_profile_and_figures(site: tuple[Path, Path], lang: str) -> None:
    _, site_dir = site
    html = page(site_dir, f"{PREFIX[lang]}cycling/test-track-route")
    pictures = svgs(html)
    assert [text_of(svg.find(f"{SVG}title")) for svg in pictures] == [
        TITLES[lang],
        {
            "de": "Höhenprofil: Teststrecke mit Track",
            "ja": "トラック付きテストルートの高低図",
            "en": "Elevation profile: Test route with a track",
        }[lang],
    ]
    route, profile = pictures
    assert len(route.findall(f"{SVG}polyline")) == 1  # the track, one segment
    assert len(route.findall(f"{SVG}circle")) == 3  # start, end and the waypoint
    axis_words = {
        "de": ("Entfernung (km)", "Höhe (m)"),
        "ja": ("距離（km）", "標高（m）"),
        "en": ("Distance (km)", "Elevation (m)"),
    }[lang]
    texts = [text_of(t) for t in profile.iter(f"{SVG}text")]
    assert set(axis_words) <= set(texts)
    figures = {
        "de": ("Länge laut GPX-Datei", "5,6\u00a0km", "Anstieg (gesamt)", "45\u00a0m"),
        "ja": ("GPXデータから算出した距離", "5.6km", "累積標高（上り）", "45m"),
        "en": ("Length of the GPX track", "5.6\u00a0km", "Total climb", "45\u00a0m"),
    }[lang]
    for words in figures:
        assert words in html
    # the profile's table in the page's numbers: the last point, 5.56 km from the start at 140 m
    decimal = {"de": "5,56", "ja": "5.56", "en": "5.56"}[lang]
    assert f"<tr><td>{decimal}</td><td>140</td></tr></tbody>" in html
    # where the track comes from, and its licence
    source = {"de": "Quelle der Streckendaten", "ja": "ルートデータの出典", "en": "Source of the track"}[lang]
    assert source in html and "CC0 1.0" in html and 'href="https://example.org/track"' in html
    # every picture scales to the width of a phone
    assert all(
        svg.get("width") == "100%" and svg.get("viewBox", "").startswith("0 0 640 ") for svg in pictures
    )
    # the stated length stays beside the measured one
    assert {"de": "etwa 5,5\u00a0km", "ja": "約5.5km", "en": "about 5.5\u00a0km"}[lang] in html


def test_the_download_links_lead_to_the_gpx_and_its_geojson(site: tuple[Path, Path]) -> None:
    _, site_dir = site
    for lang in ("de", "ja", "en"):
        path = f"{PREFIX[lang]}cycling/test-track-route"
        hrefs = re.findall(
            r'<a href="([^"]+)" type="application/(?:gpx\+xml|geo\+json)" download>', page(site_dir, path)
        )
        targets = [posixpath.normpath(posixpath.join(path, unquote(href))) for href in hrefs]
        assert targets == ["data/tracks/test-track.gpx", "data/tracks/test-track.geojson"]
    assert (site_dir / "data/tracks/test-track.gpx").read_bytes() == (
        FIXTURES / "meridian-track.gpx"
    ).read_bytes()
    geojson = json.loads((site_dir / "data/tracks/test-track.geojson").read_text("utf-8"))
    coordinates = geojson["features"][0]["geometry"]["coordinates"]
    assert coordinates[0] == [7.0, 51.0, 100.0] and coordinates[-1] == [7.0, 51.05, 140.0]
    assert len(coordinates) == 6


def test_a_route_without_a_track_is_drawn_as_a_schematic_and_said_to_be_one(site: tuple[Path, Path]) -> None:
    _, site_dir = site
    html = page(site_dir, "cycling/test-schematic-route")
    (route,) = svgs(html)
    line = route.find(f"{SVG}polyline")
    assert line is not None and line.get("stroke-dasharray")
    note = (
        "Schematische Darstellung: gerade Linien zwischen den genannten Orten, nicht der Verlauf des Radwegs."
    )
    assert text_of(route.find(f"{SVG}desc")) == note
    (caption,) = re.findall(r"<figcaption>(.*?)</figcaption>", html)
    assert html_module.unescape(caption) == f"<strong>{note}</strong>"
    # one filled (exact) and one hollow (approximate) marker, and their legend
    kinds = [c.get("class") for c in route.iter(f"{SVG}circle")]
    assert kinds == ["kk-map__point kk-map__point--approximate", "kk-map__point kk-map__point--exact"]
    assert "ungefährer Ort (Bezugspunkt in der Nähe)" in html
    # the labels reach the table as text, not as markup
    assert "<b>" not in html.split('class="kk-map__data')[1].split("</table>")[0]
    assert "<td>Anfang &#60;b&#62;&#38;amp; Ende&#60;/b&#62;</td>" in html


def test_each_section_index_maps_each_located_record_of_each_city_once(site: tuple[Path, Path]) -> None:
    project, site_dir = site
    data = load_data(project)
    for section in SECTION_IDS:
        html = page(site_dir, f"en/{section}")
        maps = {svg.find(f"{SVG}title").text: svg for svg in svgs(html)}
        for city_id, city in data.cities.items():
            located = [r for r in data.sections[section] if r["city"] == city_id and "location" in r]
            title = f"Map of the entries in {city['name']['en']}"
            if not located:
                assert title not in maps
                continue
            circles = maps[title].findall(f"{SVG}circle")
            assert len(circles) == len(located), (section, city_id)
            hollow = [c for c in circles if c.get("fill") == "none"]
            assert len(hollow) == sum(r["location"]["precision"] == "approximate" for r in located)


def test_a_located_place_has_its_picture_and_opens_in_openstreetmap(site: tuple[Path, Path]) -> None:
    project, site_dir = site
    data = load_data(project)
    record = next(r for r in data.sections["disaster-prevention"] if "location" in r)
    html = page(site_dir, f"ja/disaster-prevention/{record['id']}")
    (picture,) = svgs(html)
    assert text_of(picture.find(f"{SVG}title")).endswith("の位置")
    lat, lon = record["location"]["lat"], record["location"]["lon"]
    show = f"https://www.openstreetmap.org/?mlat={lat}&amp;mlon={lon}#map=16/{lat}/{lon}"
    assert f'<a href="{show}" target="_blank" rel="noopener">OpenStreetMapで表示（新しいタブ）</a>' in html
    route = f"https://www.openstreetmap.org/directions?to={lat}%2C{lon}"
    assert f'<a href="{route}" target="_blank" rel="noopener">' in html


def test_an_address_without_coordinates_is_searched_not_guessed(site: tuple[Path, Path]) -> None:
    _, site_dir = site
    html = page(site_dir, "en/cycling/cycle-park-tsukuba")
    assert svgs(html) == []
    search = "https://www.openstreetmap.org/search?query=%E3%81%A4%E3%81%8F%E3%81%B0%E5%B8%82%E5%8C%97%E6%9D%A14160"
    assert (
        f'<a href="{search}" target="_blank" rel="noopener">Search for the address in OpenStreetMap' in html
    )
    assert "mlat=" not in html


def test_a_waypoint_label_in_another_language_is_marked_and_named_in_the_notice(
    site: tuple[Path, Path],
) -> None:
    _, site_dir = site
    html = page(site_dir, "ja/cycling/test-schematic-route")
    # the first label exists in German and English, the second in German only (ja → en → de)
    assert '<td><span lang="en" data-pagefind-ignore="all">Start' in html
    assert '<td><span lang="de" data-pagefind-ignore="all">Bahnhof Dahlhausen</span></td>' in html
    assert "このページの一部はまだ日本語に翻訳されていないため、ドイツ語・英語で表示しています。" in html
