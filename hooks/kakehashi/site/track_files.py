"""The GPX tracks of cycle routes as files of the site: the GPX as it is, and GeoJSON.

Stable addresses: ``/data/tracks/<name>.gpx`` and ``/data/tracks/<name>.geojson``.
The GeoJSON (RFC 7946) is a FeatureCollection with one Feature: a LineString,
or a MultiLineString where the file has several segments (a LineString would
join them across their gaps). Positions are [longitude, latitude] or, where
the file has elevations, [longitude, latitude, elevation], as in the file.
"""

from __future__ import annotations

import json
from typing import Any

from kakehashi.site.downloads import Download
from kakehashi.sources.gpx_tracks import Track
from kakehashi.sources.loader import Data

TRACKS_PATH = "data/tracks"


def gpx_path(name: str) -> str:
    """The track's GPX below the site root, ``name`` without ``.gpx``."""
    return f"{TRACKS_PATH}/{name}.gpx"


def geojson_path(name: str) -> str:
    return f"{TRACKS_PATH}/{name}.geojson"


def track_geojson(track: Track, properties: dict[str, Any] | None = None) -> dict[str, Any]:
    """The track as a GeoJSON FeatureCollection of one Feature."""
    lines = []
    for number, line in enumerate(track.lines):
        heights = track.elevations[number] if track.elevations is not None else None
        if heights is None:
            lines.append([[lon, lat] for lat, lon in line])
        else:
            lines.append([[lon, lat, height] for (lat, lon), height in zip(line, heights, strict=True)])
    if len(lines) == 1:
        geometry: dict[str, Any] = {"type": "LineString", "coordinates": lines[0]}
    else:
        geometry = {"type": "MultiLineString", "coordinates": lines}
    south, west, north, east = track.bbox
    feature = {"type": "Feature", "properties": properties or {}, "geometry": geometry}
    return {"type": "FeatureCollection", "bbox": [west, south, east, north], "features": [feature]}


def track_downloads(data: Data) -> list[Download]:
    """Every track named by a record, as GPX and as GeoJSON, in the order of the records."""
    files: list[Download] = []
    for record in data.sections.get("cycling", []):
        name = record.get("track")
        if name not in data.tracks:
            continue
        track = data.tracks[name]
        if any(download.path == gpx_path(track.name) for download in files):
            continue
        source = record.get("track_source", {})
        properties = {
            "name": track.name,
            "source": source.get("url"),
            "source_title": source.get("title"),
            "licence": source.get("licence"),
        }
        text = json.dumps(track_geojson(track, properties), ensure_ascii=False, separators=(",", ":"))
        files.append(Download(gpx_path(track.name), track.content))
        files.append(Download(geojson_path(track.name), (text + "\n").encode("utf-8")))
    return files
