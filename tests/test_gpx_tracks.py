"""GPX tracks: distance, climb and bounding box on small files with known answers, the
refusal of bad files with their exact messages, the rules on the records that name a
track, and the GeoJSON made of a track.

The expected distances are computed here without GeographicLib: points on the
equator are a·Δλ apart on the WGS84 ellipsoid, and points on a meridian the
meridian arc between them, integrated numerically below.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pytest

from kakehashi.site.track_files import track_downloads, track_geojson
from kakehashi.site.whole_site import load_site
from kakehashi.sources.gpx_tracks import MAX_BYTES, climb_and_descent, read_track
from kakehashi.sources.loader import load_data
from kakehashi.sources.problems import SourceProblems

FIXTURES = Path(__file__).parent / "fixtures" / "gpx"
A = 6378137.0  # WGS84 semi-major axis, metres
F = 1 / 298.257223563
E2 = F * (2 - F)


def meridian_arc(lat1: float, lat2: float, steps: int = 2000) -> float:
    """The length of the meridian between two latitudes on the WGS84 ellipsoid (Simpson's rule
    over the radius of curvature in the meridian, a(1−e²)/(1−e² sin²φ)^{3/2})."""
    a, b = math.radians(lat1), math.radians(lat2)
    h = (b - a) / steps

    def radius(phi: float) -> float:
        return A * (1 - E2) / (1 - E2 * math.sin(phi) ** 2) ** 1.5

    total = radius(a) + radius(b)
    total += sum((4 if i % 2 else 2) * radius(a + i * h) for i in range(1, steps))
    return total * h / 3


def equator_arc(lon1: float, lon2: float) -> float:
    return A * math.radians(lon2 - lon1)


def read(name: str):
    track, problems = read_track(FIXTURES / name, f"data/tracks/{name}")
    assert problems == []
    assert track is not None
    return track


def test_a_track_on_a_meridian_has_the_meridian_arc_as_its_length_and_a_smoothed_climb() -> None:
    track = read("meridian-track.gpx")
    assert track.kind == "track"
    assert track.distance_m == pytest.approx(meridian_arc(51.0, 51.05), abs=0.01)
    # elevations 100, 110, 108, 130, 125, 140: the 2 m dip is noise below 5 m, the 5 m one counts
    assert (track.climb_m, track.descent_m) == (45.0, 5.0)
    assert track.bbox == (51.0, 7.0, 51.05, 7.0)
    assert (track.start, track.end) == ((51.0, 7.0), (51.05, 7.0))


def test_a_route_only_file_is_measured_from_its_route_points() -> None:
    track = read("route-only.gpx")
    assert track.kind == "route"
    assert track.distance_m == pytest.approx(meridian_arc(51.0, 51.05), abs=0.01)
    assert track.distance_m > 5000  # gpxpy's own length of a route-only file is 0
    assert (track.climb_m, track.descent_m) == (None, None)
    assert track.elevations is None
    assert track.profile() == []


def test_a_track_without_elevations_has_a_length_and_no_climb() -> None:
    track = read("equator-no-elevation.gpx")
    assert track.distance_m == pytest.approx(equator_arc(10.0, 10.1), abs=0.001)
    assert (track.climb_m, track.descent_m) == (None, None)
    assert track.bbox == (0.0, 10.0, 0.0, 10.1)


def test_the_gap_between_segments_counts_neither_in_length_nor_in_climb() -> None:
    track = read("two-segments.gpx")
    assert len(track.lines) == 2
    expected = equator_arc(10.0, 10.05) + equator_arc(10.10, 10.20)
    assert track.distance_m == pytest.approx(expected, abs=0.001)
    # 0 → 20 in the first segment; 50 → 47 → 40 in the second; the jump 20 → 50 is a gap
    assert (track.climb_m, track.descent_m) == (20.0, 10.0)
    profile = track.profile()
    assert [height for _, height in profile] == [0, 20, 50, 47, 40]
    assert profile[2][0] == pytest.approx(equator_arc(10.0, 10.05), abs=0.001)


def test_climb_counts_a_change_once_it_reaches_the_threshold() -> None:
    assert climb_and_descent((100, 104, 103, 107)) == (7, 0)
    assert climb_and_descent((100, 101, 102, 103, 104)) == (0, 0)
    assert climb_and_descent((0, 10, 0, 10)) == (20, 10)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("bad-not-xml.gpx", "data/tracks/bad-not-xml.gpx:1:1: not well-formed XML: syntax error"),
        (
            "bad-not-gpx.gpx",
            "data/tracks/bad-not-gpx.gpx:2:1: this is not a GPX file: its first element is <kml>, not <gpx>",
        ),
        (
            "bad-no-points.gpx",
            "data/tracks/bad-no-points.gpx:1:1: the file has no track or route points (<trkpt> or <rtept>)",
        ),
        (
            "bad-latitude.gpx",
            'data/tracks/bad-latitude.gpx:6:7: <trkpt> lat="95.5" is out of range: '
            "a latitude lies between -90 and 90",
        ),
        (
            "bad-doctype.gpx",
            "data/tracks/bad-doctype.gpx:2:1: a GPX file may not have a DOCTYPE or declare entities; "
            "remove the <!DOCTYPE …> part",
        ),
    ],
)
def test_a_bad_file_is_refused_with_its_line(name: str, message: str) -> None:
    track, problems = read_track(FIXTURES / name, f"data/tracks/{name}")
    assert track is None
    assert [str(p) for p in problems] == [message]


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    big = tmp_path / "big.gpx"
    big.write_bytes((FIXTURES / "meridian-track.gpx").read_bytes().ljust(MAX_BYTES + 1, b" "))
    track, problems = read_track(big, "data/tracks/big.gpx")
    assert track is None
    assert [str(p) for p in problems] == [
        "data/tracks/big.gpx:1:1: the file has 5,242,881 bytes; a track may have at most "
        "5,242,880 bytes (5 MB): keep fewer points, e.g. one every few metres"
    ]


def test_a_longitude_that_is_not_a_number_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.gpx"
    path.write_text('<gpx>\n<rte><rtept lat="1" lon="east"/></rte></gpx>', "utf-8")
    _, problems = read_track(path, "data/tracks/x.gpx")
    assert [str(p) for p in problems] == [
        'data/tracks/x.gpx:2:6: <rtept> lon="east" is not a number (the longitude in decimal degrees)'
    ]


# --- records that name a track -------------------------------------------------

RECORD = """
- id: test-track-route
  city: bochum
  kind: route
  length:
    value: {length}
    unit: km
  title:
    de: "Teststrecke"
    ja: "テストルート"
    en: "Test route"
  summary:
    de: "Eine Teststrecke."
    ja: "テスト用のルートです。"
    en: "A test route."
  track: {track}
{source}  sources:
    - url: "https://example.org/"
      title: "Example"
      lang: en
  updated: "2026-12-05"
  stage:
    distance: {{published: false}}
    climb: {{published: false}}
    surface: {{published: false}}
    rest_repair: {{published: false}}
    rental: {{published: false}}
    rail_start: {{published: false}}
    rail_end: {{published: false}}
"""
SOURCE = """  track_source:
    url: "https://example.org/track"
    title: "Test track"
    licence: "CC0 1.0"
"""


def add_record(
    project: Path, length: float = 5.5, track: str = "meridian-track.gpx", source: str = SOURCE
) -> int:
    """Append a record with a track to the copy's cycling.yml; the line of its ``id``."""
    cycling = project / "data" / "cycling.yml"
    text = cycling.read_text("utf-8")
    cycling.write_text(text + RECORD.format(length=length, track=track, source=source), "utf-8")
    (project / "data" / "tracks").mkdir(exist_ok=True)
    for fixture in FIXTURES.glob("*.gpx"):
        (project / "data" / "tracks" / fixture.name).write_bytes(fixture.read_bytes())
    return text.count("\n") + 2


def problems_of(project: Path) -> list[str]:
    with pytest.raises(SourceProblems) as caught:
        load_data(project)
    return [str(p) for p in caught.value.problems]


def test_a_record_with_a_track_loads_it(project_copy: Path) -> None:
    add_record(project_copy)
    data = load_data(project_copy)
    assert set(data.tracks) == {"meridian-track.gpx"}
    assert data.tracks["meridian-track.gpx"].file == "data/tracks/meridian-track.gpx"


def test_a_climb_no_source_gives_is_the_one_measured_on_the_track(project_copy: Path) -> None:
    add_record(project_copy)
    page = load_site(project_copy).markdown("cycling/test-track-route", "en")
    rows = re.search(r'<table class="kk-stage".*?</table>', page)
    cells = r'<th scope="row">Climb</th><td>(.*?)</td><td class="kk-stage__sources">(.*?)</td>'
    climb = re.search(cells, rows[0])
    source = '<a href="https://example.org/track" title="Test track">example.org</a>'
    assert climb.groups() == ("45\u00a0m, measured on the GPX track", source)
    assert '<th scope="row">Surface</th><td><span class="kk-stage__none">' in rows[0]


def test_a_track_without_its_source_is_refused(project_copy: Path) -> None:
    line = add_record(project_copy, source="")
    assert problems_of(project_copy) == [
        f"data/cycling.yml:{line + 14}:10: test-track-route.track: a track needs its source: "
        "add track_source with url, title and licence"
    ]


def test_a_track_source_without_licence_is_refused(project_copy: Path) -> None:
    line = add_record(project_copy, source=SOURCE.replace('    licence: "CC0 1.0"\n', ""))
    assert problems_of(project_copy) == [
        f"data/cycling.yml:{line + 16}:5: test-track-route.track_source.licence: "
        "the required field 'licence' is missing"
    ]


def test_a_stated_length_far_from_the_tracks_is_refused_naming_record_and_file(project_copy: Path) -> None:
    line = add_record(project_copy, length=8)
    assert problems_of(project_copy) == [
        f"data/cycling.yml:{line + 4}:5: test-track-route.length: the length given here and the length "
        "of the track data/tracks/meridian-track.gpx (5.6 km) differ by 30 %; more than 10 % means one "
        "of them is wrong: check both"
    ]


def test_a_missing_or_bad_track_file_is_named(project_copy: Path) -> None:
    line = add_record(project_copy, track="no-such-file.gpx")
    assert problems_of(project_copy) == [
        f"data/cycling.yml:{line + 14}:10: test-track-route.track: "
        "there is no file data/tracks/no-such-file.gpx"
    ]


def test_a_bad_track_file_stops_the_load_with_its_own_line(project_copy: Path) -> None:
    add_record(project_copy, track="bad-latitude.gpx")
    assert problems_of(project_copy) == [
        'data/tracks/bad-latitude.gpx:6:7: <trkpt> lat="95.5" is out of range: '
        "a latitude lies between -90 and 90"
    ]


# --- GeoJSON ------------------------------------------------------------------


def test_the_geojson_has_the_files_points_as_longitude_latitude_elevation(project_copy: Path) -> None:
    add_record(project_copy)
    data = load_data(project_copy)
    files = {d.path: d.content for d in track_downloads(data)}
    assert set(files) == {"data/tracks/meridian-track.gpx", "data/tracks/meridian-track.geojson"}
    assert files["data/tracks/meridian-track.gpx"] == (FIXTURES / "meridian-track.gpx").read_bytes()
    geojson = json.loads(files["data/tracks/meridian-track.geojson"])
    assert geojson["type"] == "FeatureCollection"
    (feature,) = geojson["features"]
    assert feature["geometry"] == {
        "type": "LineString",
        "coordinates": [
            [7.0, 51.0, 100.0],
            [7.0, 51.01, 110.0],
            [7.0, 51.02, 108.0],
            [7.0, 51.03, 130.0],
            [7.0, 51.04, 125.0],
            [7.0, 51.05, 140.0],
        ],
    }
    assert feature["properties"]["licence"] == "CC0 1.0"
    assert geojson["bbox"] == [7.0, 51.0, 7.0, 51.05]


def test_several_segments_become_a_multilinestring_and_no_elevation_two_numbers() -> None:
    segments = track_geojson(read("two-segments.gpx"))["features"][0]["geometry"]
    assert segments["type"] == "MultiLineString"
    assert segments["coordinates"] == [
        [[10.0, 0.0, 0.0], [10.05, 0.0, 20.0]],
        [[10.1, 0.0, 50.0], [10.15, 0.0, 47.0], [10.2, 0.0, 40.0]],
    ]
    flat = track_geojson(read("equator-no-elevation.gpx"))["features"][0]["geometry"]
    assert flat == {"type": "LineString", "coordinates": [[10.0, 0.0], [10.04, 0.0], [10.1, 0.0]]}


def test_a_track_source_without_a_track_is_refused(project_copy: Path) -> None:
    line = add_record(project_copy)
    cycling = project_copy / "data" / "cycling.yml"
    cycling.write_text(cycling.read_text("utf-8").replace("  track: meridian-track.gpx\n", ""), "utf-8")
    assert problems_of(project_copy) == [
        f"data/cycling.yml:{line + 15}:5: test-track-route.track_source: "
        "track_source is only for a track; add track"
    ]


def test_an_elevation_that_is_not_a_number_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "x.gpx"
    path.write_text(
        '<gpx>\n<trk><trkseg>\n<trkpt lat="1" lon="1">\n  <ele>high</ele>\n</trkpt></trkseg></trk></gpx>',
        "utf-8",
    )
    _, problems = read_track(path, "data/tracks/x.gpx")
    assert [str(p) for p in problems] == [
        "data/tracks/x.gpx:4:3: <ele>high</ele> is not a number (the elevation in metres)"
    ]


def test_a_changed_track_file_takes_a_full_rebuild_under_serve(project_copy: Path) -> None:
    from kakehashi.mkdocs_adapter.serve_update import changed_records
    from kakehashi.site.whole_site import load_site

    add_record(project_copy)
    before = load_site(project_copy)
    assert changed_records(before, load_site(project_copy)) == {}
    track = project_copy / "data" / "tracks" / "meridian-track.gpx"
    track.write_text(track.read_text("utf-8").replace("<ele>140</ele>", "<ele>141</ele>"), "utf-8")
    assert changed_records(before, load_site(project_copy)) is None
