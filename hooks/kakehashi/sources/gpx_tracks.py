"""GPX tracks of cycle routes: read, check and measure ``data/tracks/<name>.gpx``.

A cycling record names its file under ``track``. The file is checked in two
passes. The first runs expat over the bytes, so that each problem can name its
line: the file must be well-formed XML, its root element ``<gpx>``, without a
DOCTYPE or entities, every point with a latitude and longitude in range, and at
least one track or route point. The second reads the checked file with gpxpy.

What is measured, and how:

- **Distance**: the length of each line (a track segment, or a route) on the
  WGS84 ellipsoid, from point to point, by Karney's geodesic algorithm
  (GeographicLib, ``Geodesic.WGS84.Inverse``; accurate to nanometres). gpxpy's
  own ``length_2d`` is not used: it takes a flat approximation on a sphere for
  short steps and the haversine formula for long ones. Elevation is not added
  (on a cycle route it changes the length by far less than 1 %). The gaps
  between segments are not counted.
- **Climb and descent** only where every point of the file has an elevation.
  A change of elevation counts once it reaches ``CLIMB_THRESHOLD_M`` (5 m)
  from the last level counted, and then counts whole; smaller ups and downs
  (GPS noise) are left out, and so is a last change of less than 5 m.
- **Bounding box**: the smallest and largest latitude and longitude.

A file with track points is read as a track; routes (``<rte>``) are used only
when the file has no track points, since a file with both usually holds the
planned route and the ride along it.
"""

from __future__ import annotations

import itertools
import re
import xml.parsers.expat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import gpxpy
import gpxpy.gpx
from geographiclib.geodesic import Geodesic

from kakehashi.sources.problems import Problem
from kakehashi.sources.yaml_source import YamlDocument

TRACKS_DIR = "tracks"  # below data/
# The largest GPX file accepted. A whole-day ride at one point a second is
# about 5 MB; a route for a web page needs far fewer points.
MAX_BYTES = 5 * 1024 * 1024
CLIMB_THRESHOLD_M = 5.0
# How much the length a record states and the length of its track may differ.
LENGTH_TOLERANCE = 0.10
TRACK_FILE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*\.gpx$")

_POINT_ELEMENTS = {"trkpt", "rtept", "wpt"}

Point = tuple[float, float]  # latitude, longitude in degrees


@dataclass(frozen=True)
class Track:
    """A checked GPX file and what was measured on it."""

    file: str  # as shown to editors: data/tracks/<name>.gpx
    name: str  # <name>, without .gpx
    kind: str  # "track" or "route": which part of the file the lines come from
    lines: tuple[tuple[Point, ...], ...]  # one per track segment or route
    elevations: tuple[tuple[float, ...], ...] | None  # per line, where every point has one
    distance_m: float
    climb_m: float | None
    descent_m: float | None
    bbox: tuple[float, float, float, float]  # south, west, north, east
    content: bytes  # the file as it is, offered for download

    @property
    def start(self) -> Point:
        return self.lines[0][0]

    @property
    def end(self) -> Point:
        return self.lines[-1][-1]

    def profile(self) -> list[tuple[float, float]]:
        """(distance from the start in metres, elevation in metres) for every point,
        the distance running on across the gaps between lines without counting them."""
        if self.elevations is None:
            return []
        result = []
        travelled = 0.0
        for line, heights in zip(self.lines, self.elevations, strict=True):
            previous = None
            for point, height in zip(line, heights, strict=True):
                if previous is not None:
                    travelled += geodesic_m(previous, point)
                result.append((travelled, height))
                previous = point
        return result


def geodesic_m(a: Point, b: Point) -> float:
    """The distance in metres between two points on the WGS84 ellipsoid (Karney)."""
    return Geodesic.WGS84.Inverse(a[0], a[1], b[0], b[1], Geodesic.DISTANCE)["s12"]


def line_length_m(line: tuple[Point, ...]) -> float:
    return sum(geodesic_m(a, b) for a, b in itertools.pairwise(line))


def climb_and_descent(
    heights: tuple[float, ...], threshold: float = CLIMB_THRESHOLD_M
) -> tuple[float, float]:
    """Climb and descent along one line: a change counts once it reaches ``threshold``
    from the last level counted (hysteresis), and then counts whole."""
    climb = descent = 0.0
    if not heights:
        return climb, descent
    level = heights[0]
    for height in heights[1:]:
        if height - level >= threshold:
            climb += height - level
            level = height
        elif level - height >= threshold:
            descent += level - height
            level = height
    return climb, descent


# --- reading ----------------------------------------------------------------


def read_track(path: Path, display: str) -> tuple[Track | None, list[Problem]]:
    """Read and measure one GPX file; ``display`` names it in problems (data/tracks/x.gpx)."""

    def problem(message: str, line: int = 1, column: int = 1) -> tuple[None, list[Problem]]:
        return None, [Problem(display, line, column, "", message)]

    try:
        size = path.stat().st_size
    except OSError:
        return problem("the track file is missing")
    if size > MAX_BYTES:
        return problem(
            f"the file has {size:,} bytes; a track may have at most {MAX_BYTES:,} bytes (5 MB): "
            "keep fewer points, e.g. one every few metres"
        )
    content = path.read_bytes()
    problems = _scan(content, display)
    if problems:
        return None, problems
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return problem(f"the file is not UTF-8 text (byte {error.start + 1}); save it as UTF-8")
    try:
        gpx = gpxpy.parse(text)
    except (gpxpy.gpx.GPXException, ValueError) as error:
        return problem(f"not a readable GPX file: {error}")
    return _measure(gpx, display, content), []


class _Stop(Exception):
    """Ends the scan at the first problem: later ones would mostly follow from it."""


def _scan(content: bytes, display: str) -> list[Problem]:
    """The checks that need a line number: XML, the <gpx> root, no DOCTYPE, points in range,
    elevations that are numbers."""
    parser = xml.parsers.expat.ParserCreate(namespace_separator=" ")
    problems: list[Problem] = []
    state: dict[str, Any] = {"root": None, "points": 0}

    def stop(message: str) -> None:
        line, column = parser.CurrentLineNumber, parser.CurrentColumnNumber + 1
        problems.append(Problem(display, line, column, "", message))
        raise _Stop

    def doctype(*_args: object) -> None:
        problems.append(
            Problem(
                display,
                parser.CurrentLineNumber,
                1,
                "",
                "a GPX file may not have a DOCTYPE or declare entities; remove the <!DOCTYPE …> part",
            )
        )
        raise _Stop

    def start(name: str, attributes: dict[str, str]) -> None:
        local = name.rsplit(" ", 1)[-1]
        if local == "ele":
            state["ele"] = (parser.CurrentLineNumber, parser.CurrentColumnNumber + 1, [])
            return
        if state["root"] is None:
            state["root"] = local
            if local != "gpx":
                stop(f"this is not a GPX file: its first element is <{local}>, not <gpx>")
            return
        if local not in _POINT_ELEMENTS:
            return
        for attribute, limit in (("lat", 90), ("lon", 180)):
            word = "latitude" if attribute == "lat" else "longitude"
            raw = attributes.get(attribute)
            if raw is None:
                stop(f"<{local}> has no {attribute} attribute (its {word})")
            try:
                value = float(raw)
            except ValueError:
                stop(f'<{local}> {attribute}="{raw}" is not a number (the {word} in decimal degrees)')
            if not -limit <= value <= limit:
                stop(
                    f'<{local}> {attribute}="{raw}" is out of range: '
                    f"a {word} lies between -{limit} and {limit}"
                )
        if local != "wpt":
            state["points"] += 1

    def text(data: str) -> None:
        if state.get("ele"):
            state["ele"][2].append(data)

    def end(name: str) -> None:
        if name.rsplit(" ", 1)[-1] != "ele" or not state.get("ele"):
            return
        line, column, parts = state.pop("ele")
        value = "".join(parts).strip()
        try:
            float(value or "0")
        except ValueError:
            message = f"<ele>{value}</ele> is not a number (the elevation in metres)"
            problems.append(Problem(display, line, column, "", message))
            raise _Stop from None

    parser.CharacterDataHandler = text
    parser.EndElementHandler = end
    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = doctype
    parser.StartElementHandler = start
    try:
        parser.Parse(content, True)
    except _Stop:
        return problems
    except xml.parsers.expat.ExpatError as error:
        reason = xml.parsers.expat.errors.messages[error.code]
        return [Problem(display, error.lineno, error.offset + 1, "", f"not well-formed XML: {reason}")]
    if state["points"] == 0:
        return [Problem(display, 1, 1, "", "the file has no track or route points (<trkpt> or <rtept>)")]
    return []


def _measure(gpx: gpxpy.gpx.GPX, display: str, content: bytes) -> Track:
    track_lines = [segment.points for track in gpx.tracks for segment in track.segments]
    kind = "track" if any(track_lines) else "route"
    raw_lines = (
        [points for points in track_lines if points]
        if kind == "track"
        else [route.points for route in gpx.routes if route.points]
    )
    lines = tuple(tuple((p.latitude, p.longitude) for p in points) for points in raw_lines)
    has_elevations = all(p.elevation is not None for points in raw_lines for p in points)
    elevations = (
        tuple(tuple(float(p.elevation) for p in points) for points in raw_lines) if has_elevations else None
    )
    climb = descent = None
    if elevations is not None:
        pairs = [climb_and_descent(heights) for heights in elevations]
        climb, descent = sum(c for c, _ in pairs), sum(d for _, d in pairs)
    lats = [lat for line in lines for lat, _ in line]
    lons = [lon for line in lines for _, lon in line]
    return Track(
        file=display,
        name=Path(display).stem,
        kind=kind,
        lines=lines,
        elevations=elevations,
        distance_m=sum(line_length_m(line) for line in lines),
        climb_m=climb,
        descent_m=descent,
        bbox=(min(lats), min(lons), max(lats), max(lons)),
        content=content,
    )


# --- the records that name a track ---------------------------------------------


def check_tracks(doc: YamlDocument, data_dir: Path) -> tuple[dict[str, Track], list[Problem]]:
    """Read the track of every record of ``doc`` that names one; check that it has its
    source, and that a stated length agrees with the track's within 10 %."""
    tracks: dict[str, Track] = {}
    problems: list[Problem] = []

    problem = doc.reporter(problems)
    for index, record, label in doc.records():
        name = record.get("track")
        if "track_source" in record and name is None:
            message = "track_source is only for a track; add track"
            problem((index, "track_source"), f"{label}.track_source", message)
        if not isinstance(name, str) or not TRACK_FILE.match(name):
            continue  # no track, or the schema names what is wrong with it
        if "track_source" not in record:
            problem(
                (index, "track"),
                f"{label}.track",
                "a track needs its source: add track_source with url, title and licence",
            )
        display = f"data/{TRACKS_DIR}/{name}"
        path = data_dir / TRACKS_DIR / name
        if not path.is_file():
            problem((index, "track"), f"{label}.track", f"there is no file {display}")
            continue
        track, file_problems = tracks.get(name), []
        if track is None:
            track, file_problems = read_track(path, display)
        problems += file_problems
        if track is None:
            continue
        tracks[name] = track
        length = record.get("length")
        if isinstance(length, dict) and length.get("unit") == "km":
            difference = _length_difference(length, track.distance_m / 1000)
            if difference is not None and difference > LENGTH_TOLERANCE:
                problem(
                    (index, "length"),
                    f"{label}.length",
                    f"the length given here and the length of the track {display} "
                    f"({track.distance_m / 1000:.1f} km) differ by {difference * 100:.0f} %; "
                    "more than 10 % means one of them is wrong: check both",
                )
    return tracks, problems


def _length_difference(length: dict, measured_km: float) -> float | None:
    """How far ``measured_km`` lies outside the stated length (or range), relative to it."""
    low = length.get("value")
    if not isinstance(low, (int, float)) or isinstance(low, bool) or low <= 0:
        return None
    high = length.get("max", low)
    if not isinstance(high, (int, float)) or isinstance(high, bool):
        high = low
    if measured_km < low:
        return (low - measured_km) / low
    if measured_km > high:
        return (measured_km - high) / high
    return 0.0
