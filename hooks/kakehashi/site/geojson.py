"""The located records of each section as GeoJSON: ``/data/<section>.geojson``.

RFC 7946: a FeatureCollection of Point features, coordinates ``[lon, lat]`` in
WGS84. Each feature carries the record's ``id``, ``city``, ``kind``,
``precision``, its ``title`` in every language the record has, and the absolute
``url`` of its page in every language. The section index pages link the file,
and their map and "nearest to me" read it (same origin) once the reader asks.
"""

from __future__ import annotations

import json
from typing import Any

from kakehashi.site.downloads import Download
from kakehashi.site.languages import LANGUAGES
from kakehashi.site.urls import absolute_url, record_key
from kakehashi.sources.loader import SECTION_IDS, Data, Record


def geojson_path(section: str) -> str:
    """Where a section's GeoJSON is, below the site root."""
    return f"data/{section}.geojson"


def located_records(data: Data, section: str) -> list[Record]:
    """The records of a section that have a ``location``, in the order of the data file."""
    return [record for record in data.sections[section] if "location" in record]


def feature(section: str, record: Record, site_url: str) -> dict[str, Any]:
    location = record["location"]
    key = record_key(section, record["id"])
    return {
        "type": "Feature",
        "id": record["id"],
        "geometry": {"type": "Point", "coordinates": [location["lon"], location["lat"]]},
        "properties": {
            "id": record["id"],
            "city": record["city"],
            "kind": record["kind"],
            "precision": location["precision"],
            "title": {lang: record["title"][lang] for lang in LANGUAGES if record["title"].get(lang)},
            "url": {lang: absolute_url(site_url, key, lang) for lang in LANGUAGES},
        },
    }


def section_geojson(data: Data, section: str, site_url: str) -> dict[str, Any]:
    """The FeatureCollection of a section's located records."""
    return {
        "type": "FeatureCollection",
        "features": [feature(section, record, site_url) for record in located_records(data, section)],
    }


def geojson_downloads(data: Data, site_url: str) -> list[Download]:
    """One GeoJSON file per section that has located records."""
    downloads = []
    for section in SECTION_IDS:
        if located_records(data, section):
            collection = section_geojson(data, section, site_url)
            text = json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n"
            downloads.append(Download(geojson_path(section), text.encode("utf-8")))
    return downloads
