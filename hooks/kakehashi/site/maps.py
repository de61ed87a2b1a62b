"""Pictures of places and routes, drawn at build time as inline SVG, and links to OpenStreetMap.

Each picture is a ``<figure>`` holding an ``<svg>`` (with ``<title>`` and
``<desc>`` in the page's language), a caption, and the same points or values
as a ``<table>``. No tiles and no request leaves the site: the pictures show
the points and lines alone, in an equirectangular projection whose longitudes
are scaled by the cosine of the middle latitude, so that a kilometre is as
long across as up and down. They scale to the width of the page (viewBox,
width 100 %), and take their colours from the theme (``currentColor`` and
Material's variables in ``extra.css``), so they read in dark mode and in print.

Exact points are filled circles, approximate ones hollow, with a legend. Every
text from data goes through :mod:`kakehashi.site.escaping`: ``inline`` gives
numeric character references only, which are valid in SVG as in HTML.

The work per page is plain string building over the record's own points (a
track's points on its route page only). A picture shows only its record and
the records it links under "See also", so an edit redraws the pictures of the
pages that ``mkdocs serve`` renders again anyway.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import quote

from kakehashi.site import downloads, escaping, formatting
from kakehashi.site.glossary import LABELS, MAP_WORDS, VALUE_WORDS, term
from kakehashi.site.languages import pick
from kakehashi.site.markdown_blocks import LocalizedText, raw_html
from kakehashi.site.track_files import geojson_path, gpx_path
from kakehashi.sources.gpx_tracks import Track
from kakehashi.sources.loader import Data, Record

WIDTH = 640  # viewBox units; the picture scales to the page
PAD = 36
BOTTOM = 64  # below the drawing: room for the scale bar
FONT = 24  # viewBox units: about 13 px on a 390 px wide phone
METRES_PER_DEGREE = 111_320  # of latitude, near enough for a scale bar
MIN_SPAN_M = 2_000  # the smallest area shown around a single point
MAX_DRAWN_POINTS = 800  # per picture: more adds bytes, not detail, at this size
ROUTE_KINDS = ("route", "route-section")


@dataclass(frozen=True)
class MapPoint:
    lat: float
    lon: float
    label: str  # safe text (already escaped)
    exact: bool


class Projection:
    """Equirectangular, longitudes scaled by the cosine of the middle latitude, fitted into the frame."""

    def __init__(self, points: Sequence[tuple[float, float]], width: int = WIDTH, max_height: int = 420):
        lats = [lat for lat, _ in points]
        lons = [lon for _, lon in points]
        middle = (min(lats) + max(lats)) / 2
        self.k = math.cos(math.radians(middle))
        min_span = MIN_SPAN_M / METRES_PER_DEGREE
        span_y = max(max(lats) - min(lats), min_span)
        span_x = max((max(lons) - min(lons)) * self.k, min_span)
        inner_w, inner_h = width - 2 * PAD, max_height - PAD - BOTTOM
        self.scale = min(inner_w / span_x, inner_h / span_y)
        self.width = width
        self.height = round(span_y * self.scale + PAD + BOTTOM)
        # centred across; from the top margin down, the scale bar below
        self.x0 = (min(lons) + max(lons)) / 2 * self.k - (width / 2) / self.scale
        self.y0 = (min(lats) + max(lats)) / 2 + span_y / 2

    def xy(self, lat: float, lon: float) -> tuple[float, float]:
        return round((lon * self.k - self.x0) * self.scale, 1), round(PAD + (self.y0 - lat) * self.scale, 1)


@functools.cache
def _word(name: str, lang: str) -> str:
    """A glossary word of the maps, escaped: the same few words on every page, escaped once."""
    return escaping.inline(term(MAP_WORDS, name, lang))


def _nice(value: float) -> float:
    """The largest of 1, 2 and 5 times a power of ten not above ``value``."""
    power = 10 ** math.floor(math.log10(value))
    return max(step * power for step in (1, 2, 5) if step * power <= value)


def _length_words(metres: float, lang: str) -> str:
    return formatting.kilometres(metres, lang) if metres >= 1000 else formatting.metres(metres, lang)


@functools.cache
def _scale_text(metres: float, lang: str) -> str:
    """ "Maßstab: 2 km": a few round lengths, each formatted once."""
    words = term(VALUE_WORDS, "labelled", lang)
    return escaping.inline(
        words.format(label=term(MAP_WORDS, "scale", lang), value=_length_words(metres, lang))
    )


def _scale_bar(projection: Projection, lang: str) -> str:
    metres_per_unit = METRES_PER_DEGREE / projection.scale
    metres = _nice(metres_per_unit * (projection.width - 2 * PAD) / 4)
    length = metres / metres_per_unit
    x, y = PAD, projection.height - 20
    text = _scale_text(metres, lang)
    return (
        f'<g class="kk-map__scale">'
        f'<path d="M{x} {y - 6}v6h{length:.1f}v-6" fill="none" stroke="currentColor"/>'
        f'<text x="{x + length + 6:.1f}" y="{y}" font-size="{FONT}" fill="currentColor">{text}</text></g>'
    )


def _marker(x: float, y: float, exact: bool) -> str:
    kind = "exact" if exact else "approximate"
    fill = "currentColor" if exact else "none"
    return (
        f'<circle class="kk-map__point kk-map__point--{kind}" cx="{x}" cy="{y}" r="7" '
        f'fill="{fill}" stroke="currentColor" stroke-width="2.5"/>'
    )


@functools.cache
def _legend(lang: str) -> str:
    """The legend under a picture: filled for exact places, hollow for approximate ones."""
    items = []
    for kind, exact in (("exact", True), ("approximate", False)):
        fill = "currentColor" if exact else "none"
        symbol = (
            f'<svg class="kk-map__key" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true">'
            f'<circle cx="10" cy="10" r="6" fill="{fill}" stroke="currentColor" stroke-width="2.5"/></svg>'
        )
        items.append(f"<li>{symbol} {_word(f'legend_{kind}', lang)}</li>")
    return f'<ul class="kk-map__legend">{"".join(items)}</ul>'


def _svg(ident: str, title: str, desc: str, height: int, body: str) -> str:
    return (
        f'<svg class="kk-map__svg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" role="img" aria-labelledby="{ident}-title {ident}-desc">'
        f'<title id="{ident}-title">{title}</title><desc id="{ident}-desc">{desc}</desc>'
        f'<rect class="kk-map__frame" x="1" y="1" width="{WIDTH - 2}" height="{height - 2}" '
        f'fill="none" stroke="currentColor" stroke-opacity="0.3"/>'
        f"{body}</svg>"
    )


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], lang: str) -> str:
    """The values of a picture as a table, folded under the picture."""
    head = "".join(f'<th scope="col">{escaping.inline(h)}</th>' for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    summary = _word("table_summary", lang)
    return (
        f'<details class="kk-map__data abstract"><summary>{summary}</summary>'
        f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></details>"
    )


def _figure(kind: str, svg: str, caption: str, extra: str = "") -> str:
    """One picture as HTML with no blank line inside, so that Markdown leaves it whole."""
    # The caption first: HTML allows it only as a figure's first or last child.
    # Kept out of the search index: its words repeat the page's facts.
    return (
        f'<figure class="kk-map kk-map--{kind}" data-pagefind-ignore="all">'
        f"<figcaption>{caption}</figcaption>{svg}{extra}</figure>"
    )


@functools.cache
def _precision_words(exact: bool, lang: str) -> str:
    return escaping.inline(term(LABELS, "location_exact" if exact else "location_approximate", lang))


def _point_rows(points: Sequence[MapPoint], lang: str, numbered: bool = False) -> list[list[str]]:
    rows = []
    for number, point in enumerate(points, start=1):
        row = [str(number)] if numbered else []
        row += [point.label, f"{point.lat}", f"{point.lon}", _precision_words(point.exact, lang)]
        rows.append(row)
    return rows


def _point_headers(lang: str, numbered: bool = False) -> list[str]:
    words = [term(MAP_WORDS, name, lang) for name in ("place", "latitude", "longitude", "precision")]
    return (["#"] if numbered else []) + words


# --- a route: its track, or a schematic line through its known places -----------


def _thin(line: Sequence[tuple[float, float]], keep: int) -> list[tuple[float, float]]:
    """Every n-th point of ``line`` and its last, at most about ``keep`` points."""
    if len(line) <= keep:
        return list(line)
    step = math.ceil(len(line) / keep)
    return [*line[::step], line[-1]] if (len(line) - 1) % step else list(line[::step])


def _polyline(points: Sequence[tuple[float, float]], projection: Projection, css: str, dashed: bool) -> str:
    coordinates = " ".join(f"{x},{y}" for x, y in (projection.xy(lat, lon) for lat, lon in points))
    dash = ' stroke-dasharray="10 8"' if dashed else ""
    return (
        f'<polyline class="{css}" points="{coordinates}" fill="none" stroke="currentColor" '
        f'stroke-width="4" stroke-linejoin="round" stroke-linecap="round"{dash}/>'
    )


def _label(x: float, y: float, text: str) -> str:
    anchor = "end" if x > WIDTH * 0.6 else "start"
    dx = -12 if anchor == "end" else 12
    return (
        f'<text x="{x + dx}" y="{y - 10}" text-anchor="{anchor}" font-size="{FONT}" '
        f'fill="currentColor" class="kk-map__label">{text}</text>'
    )


def _labelled_marker(point: MapPoint, projection: Projection) -> str:
    x, y = projection.xy(point.lat, point.lon)
    return _marker(x, y, point.exact) + _label(x, y, point.label)


def _numbered_markers(points: Sequence[MapPoint], projection: Projection) -> str:
    """A marker per point, numbered as in the table; points drawn at one spot share a label ("1, 2")."""
    markers, numbers = [], {}
    for number, point in enumerate(points, start=1):
        x, y = projection.xy(point.lat, point.lon)
        markers.append(_marker(x, y, point.exact))
        numbers.setdefault((x, y), []).append(str(number))
    labels = [_label(x, y, ", ".join(shared)) for (x, y), shared in numbers.items()]
    return "".join(markers) + "".join(labels)


def route_picture(record: Record, track: Track | None, writer: LocalizedText) -> str:
    """The route's map: its track where it has one, else a schematic line through its
    waypoints (or the points known); "" where nothing is located."""
    lang = writer.lang
    title_text = escaping.inline(
        term(MAP_WORDS, "route_map_title", lang).format(title=writer.plain(record["title"]))
    )
    start_word, end_word = term(LABELS, "start", lang), term(LABELS, "end", lang)
    if track is not None:
        # The places listed along the route, numbered, over the track.
        waypoints = route_places(record, writer) if "waypoints" in record else []
        points = [p for line in track.lines for p in line] + [(w.lat, w.lon) for w in waypoints]
        projection = Projection(points)
        keep = max(2, MAX_DRAWN_POINTS // len(track.lines))
        body = "".join(
            _polyline(_thin(line, keep), projection, "kk-map__track", dashed=False) for line in track.lines
        )
        ends = [
            MapPoint(*track.start, escaping.inline(start_word), True),
            MapPoint(*track.end, escaping.inline(end_word), True),
        ]
        body += "".join(_labelled_marker(point, projection) for point in ends)
        body += _numbered_markers(waypoints, projection)
        desc = _word("track_desc", lang)
        svg = _svg("kk-route", title_text, desc, projection.height, body + _scale_bar(projection, lang))
        if waypoints:
            rows = [["", *row] for row in _point_rows(ends, lang)] + _point_rows(
                waypoints, lang, numbered=True
            )
            table = _legend(lang) + _table(_point_headers(lang, numbered=True), rows, lang)
        else:
            table = _table(_point_headers(lang), _point_rows(ends, lang), lang)
        return _figure("route", svg, desc, table)
    places = route_places(record, writer)
    if not places:
        return ""
    projection = Projection([(p.lat, p.lon) for p in places])
    body = ""
    if len(places) > 1:
        line = [(p.lat, p.lon) for p in places]
        body += _polyline(line, projection, "kk-map__schematic", dashed=True)
        note = term(MAP_WORDS, "schematic_note", lang)
    else:
        note = term(MAP_WORDS, "points_only_note", lang)
    body += _numbered_markers(places, projection)
    desc = escaping.inline(note)
    svg = _svg("kk-route", title_text, desc, projection.height, body + _scale_bar(projection, lang))
    table = _table(_point_headers(lang, numbered=True), _point_rows(places, lang, numbered=True), lang)
    return _figure("route", svg, f"<strong>{desc}</strong>", _legend(lang) + table)


def route_places(record: Record, writer: LocalizedText) -> list[MapPoint]:
    """The places known along a route in their order: its waypoints, or else its location."""
    if "waypoints" in record:
        return [
            MapPoint(w["lat"], w["lon"], writer.inline(w["label"]), w["precision"] == "exact")
            for w in record["waypoints"]
        ]
    if "location" in record:
        location = record["location"]
        label = writer.inline(location["label"] if "label" in location else record["title"])
        return [MapPoint(location["lat"], location["lon"], label, location["precision"] == "exact")]
    return []


def _ticks(first: float, last: float, step: float, lang: str) -> list[tuple[float, str]]:
    """The ticks of an axis from ``first`` to ``last`` every ``step``, with their labels
    in the page's numbers."""
    ticks, value = [], first
    while value <= last + 1e-9:
        ticks.append((value, escaping.inline(formatting.number(round(value, 3), lang))))
        value += step
    return ticks


def elevation_profile(record: Record, track: Track, writer: LocalizedText) -> str:
    """Elevation against distance, with axes in the page's language; "" without elevations."""
    lang = writer.lang
    profile = track.profile()
    if len(profile) < 2:
        return ""
    total_km = profile[-1][0] / 1000 or 1.0
    heights = [h for _, h in profile]
    low, high = min(heights), max(heights)
    y_step = _nice(max(high - low, 10) / 4) or 1
    y_min, y_max = math.floor(low / y_step) * y_step, math.ceil(high / y_step) * y_step
    if y_max == y_min:
        y_max = y_min + y_step
    x_step = _nice(total_km / 4)
    height = 330
    left, right, top, bottom = 104, WIDTH - 28, 24, height - 84

    def x_of(km: float) -> float:
        return round(left + (right - left) * km / total_km, 1)

    def y_of(metres: float) -> float:
        return round(bottom - (bottom - top) * (metres - y_min) / (y_max - y_min), 1)

    thinned = _thin(profile, MAX_DRAWN_POINTS)
    line = " ".join(f"{x_of(d / 1000)},{y_of(h)}" for d, h in thinned)
    parts = [
        f'<path class="kk-map__axis" d="M{left} {top}V{bottom}H{right}" fill="none" stroke="currentColor"/>',
        f'<polyline class="kk-map__track" points="{line}" fill="none" '
        'stroke="currentColor" stroke-width="3"/>',
    ]
    for tick, label in _ticks(0.0, total_km, x_step, lang):
        x = x_of(tick)
        parts.append(
            f'<path d="M{x} {bottom}v6" stroke="currentColor"/><text x="{x}" y="{bottom + 32}" '
            f'text-anchor="middle" font-size="{FONT}" fill="currentColor">{label}</text>'
        )
    for level, label in _ticks(y_min, y_max, y_step, lang):
        y = y_of(level)
        parts.append(
            f'<path d="M{left - 6} {y}h6" stroke="currentColor"/><text x="{left - 10}" y="{y + 8}" '
            f'text-anchor="end" font-size="{FONT}" fill="currentColor">{label}</text>'
        )
    x_axis = _word("distance_axis", lang)
    y_axis = _word("elevation_axis", lang)
    parts.append(
        f'<text x="{(left + right) / 2}" y="{height - 12}" text-anchor="middle" font-size="{FONT}" '
        f'fill="currentColor">{x_axis}</text>'
        f'<text x="26" y="{(top + bottom) / 2}" text-anchor="middle" font-size="{FONT}" fill="currentColor" '
        f'transform="rotate(-90 26 {(top + bottom) / 2})">{y_axis}</text>'
    )
    title = escaping.inline(
        term(MAP_WORDS, "profile_title", lang).format(title=writer.plain(record["title"]))
    )
    desc = escaping.inline(
        term(MAP_WORDS, "profile_desc", lang).format(
            low=formatting.metres(low, lang), high=formatting.metres(high, lang)
        )
    )
    svg = (
        f'<svg class="kk-map__svg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" role="img" aria-labelledby="kk-profile-title kk-profile-desc">'
        f'<title id="kk-profile-title">{title}</title><desc id="kk-profile-desc">{desc}</desc>'
        + "".join(parts)
        + "</svg>"
    )
    samples = _thin(profile, 10)
    # The units are in the column headings.
    rows = [
        [
            escaping.inline(formatting.number(round(d / 1000, 2), lang)),
            escaping.inline(formatting.number(h, lang)),
        ]
        for d, h in samples
    ]
    headers = [term(MAP_WORDS, "distance_axis", lang), term(MAP_WORDS, "elevation_axis", lang)]
    return _figure("profile", svg, desc, _table(headers, rows, lang))


def track_facts(data: Data, record: Record, lang: str) -> list[tuple[str, str]]:
    """What the route's track measures, for the key facts beside the stated length."""
    track = data.tracks.get(record.get("track", ""))
    if track is None:
        return []
    word = lambda name: term(MAP_WORDS, name, lang)  # noqa: E731 - a local shorthand
    facts = [(word("track_length"), escaping.inline(formatting.kilometres(track.distance_m, lang)))]
    if track.climb_m is not None and track.descent_m is not None:
        facts.append((word("climb"), escaping.inline(formatting.metres(track.climb_m, lang))))
        facts.append((word("descent"), escaping.inline(formatting.metres(track.descent_m, lang))))
    south, west, north, east = track.bbox
    extent = term(VALUE_WORDS, "range", lang).format(low=south, high=north) + ", "
    extent += term(VALUE_WORDS, "range", lang).format(low=west, high=east)
    facts.append((word("extent"), escaping.inline(extent)))
    return facts


def _track_part(record: Record, track: Track, page_key: str, lang: str) -> str:
    """The method, the source and licence of the track, and its files."""
    word = lambda name: term(MAP_WORDS, name, lang)  # noqa: E731 - a local shorthand
    source = record["track_source"]
    source_link = f'<a href="{escaping.attribute(source["url"])}">{escaping.inline(source["title"])}</a>'
    licence = escaping.inline(word("licence").format(licence=source["licence"]))
    credit = term(VALUE_WORDS, "labelled", lang).format(
        label=escaping.inline(word("track_source")), value=f"{source_link} ({licence})"
    )
    files = []
    for path, label, media in (
        (gpx_path(track.name), word("download_gpx"), "application/gpx+xml"),
        (geojson_path(track.name), word("download_geojson"), "application/geo+json"),
    ):
        href = escaping.attribute(downloads.href(path, page_key, lang))
        files.append(f'- <a href="{href}" type="{media}" download>{escaping.inline(label)}</a>')
    heading = f"### {escaping.inline(word('downloads'))}"
    return "\n\n".join([escaping.inline(word("track_method")), credit, heading, "\n".join(files)])


# --- one place, and the links that open it elsewhere ------------------------------


def place_picture(record: Record, related: Sequence[tuple[str, Record]], writer: LocalizedText) -> str:
    """A small picture of the record's point (1), with the located records under "See also"
    (2, 3, …) around it. Only these records: an edit of another record redraws no picture
    on this page, so pages updated one by one under ``mkdocs serve`` stay as a full build."""
    lang = writer.lang
    location = record["location"]
    label = writer.inline(location["label"]) if "label" in location else writer.inline(record["title"])
    points = [MapPoint(location["lat"], location["lon"], label, location["precision"] == "exact")]
    points += [
        MapPoint(
            other["location"]["lat"],
            other["location"]["lon"],
            writer.inline(other["title"]),
            other["location"]["precision"] == "exact",
        )
        for _, other in related
        if "location" in other
    ]
    projection = Projection([(p.lat, p.lon) for p in points], max_height=300)
    body = _numbered_markers(points, projection) + _scale_bar(projection, lang)
    title = escaping.inline(
        term(MAP_WORDS, "place_map_title", lang).format(title=writer.plain(record["title"]))
    )
    coordinates = formatting.coordinates(location["lat"], location["lon"])
    desc_text = term(MAP_WORDS, "place_desc", lang).format(coordinates=coordinates)
    if len(points) > 1:
        desc_text += (" " if lang != "ja" else "") + term(MAP_WORDS, "place_desc_related", lang)
    desc = escaping.inline(desc_text)
    svg = _svg("kk-place", title, desc, projection.height, body)
    table = _table(_point_headers(lang, numbered=True), _point_rows(points, lang, numbered=True), lang)
    return _figure("place", svg, desc, _legend(lang) + table)


def _new_tab_link(url: str, text: str) -> str:
    """``text`` is safe Markdown already (a glossary word through ``_word``)."""
    return f'<a href="{escaping.attribute(url)}" target="_blank" rel="noopener">{text}</a>'


def osm_links(record: Record, lang: str) -> str:
    """Links that open the place in OpenStreetMap and plan a way there; for a record with
    an address but no coordinates, a search for the address (no point is guessed)."""
    location = record.get("location")
    if location is not None:
        lat, lon = location["lat"], location["lon"]
        show = f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=16/{lat}/{lon}"
        route = f"https://www.openstreetmap.org/directions?to={lat}%2C{lon}"
        links = [
            _new_tab_link(show, _word("open_in_osm", lang)),
            _new_tab_link(route, _word("route_to", lang)),
        ]
    elif "address" in record:
        # The address as the place's own language writes it finds it best; the reader's otherwise.
        address = pick(record["address"], _local_language(record)).text
        search = f"https://www.openstreetmap.org/search?query={quote(address, safe='')}"
        links = [_new_tab_link(search, _word("search_address", lang))]
    else:
        return ""
    return '<ul class="kk-map__links">' + "".join(f"<li>{link}</li>" for link in links) + "</ul>"


def _local_language(record: Record) -> str:
    return "ja" if record.get("city") in ("tsukuba", "tokyo") else "de"


# --- the map part of a record page ------------------------------------------------


def record_map_block(
    data: Data,
    section: str,
    record: Record,
    related: Sequence[tuple[str, Record]],
    writer: LocalizedText,
    page_key: str,
) -> str:
    """The map part of a record page: for a route its map (track or schematic), the
    elevation profile, what the track measures and its files; for a place its small
    picture; and the links to OpenStreetMap. "" for a record with nothing to show.

    ``writer`` is the page's: a label shown in another language than the page's
    is then named in the page's translation notice.

    A further map part (an interactive map that loads only when the reader asks
    for it) follows this block under the same heading: see ``render_record``.
    """
    lang = writer.lang
    parts = []
    track = data.tracks.get(record.get("track", "")) if section == "cycling" else None
    # The pictures and links are whole HTML blocks: the renderer takes them as they are.
    html = lambda block: raw_html(block) if block else ""  # noqa: E731 - a local shorthand
    if section == "cycling" and record.get("kind") in ROUTE_KINDS:
        parts.append(html(route_picture(record, track, writer)))
        if track is not None:
            parts.append(html(elevation_profile(record, track, writer)))
            parts.append(_track_part(record, track, page_key, lang))
    elif "location" in record:
        parts.append(html(place_picture(record, related, writer)))
    parts.append(html(osm_links(record, lang)))
    parts = [part for part in parts if part]
    if not parts:
        return ""
    heading = f"## {_word('map', lang)}"
    return "\n\n".join([heading, *parts])


# --- a section's index: one map per city ------------------------------------------


def section_city_map(
    section: str, city_id: str, city_name: str, records: Sequence[Record], writer: LocalizedText
) -> str:
    """The located records of one city on an index page, one numbered marker each;
    "" where none has coordinates."""
    lang = writer.lang
    points = [
        MapPoint(
            r["location"]["lat"],
            r["location"]["lon"],
            writer.inline(r["title"]),
            r["location"]["precision"] == "exact",
        )
        for r in records
        if "location" in r
    ]
    if not points:
        return ""
    projection = Projection([(p.lat, p.lon) for p in points], max_height=380)
    body = _numbered_markers(points, projection)
    title = escaping.inline(term(MAP_WORDS, "section_map_title", lang).format(city=city_name))
    if len(points) == 1:
        desc = _word("section_map_desc_one", lang)
    else:
        desc = escaping.inline(term(MAP_WORDS, "section_map_desc", lang).format(count=len(points)))
    ident = f"kk-map-{section}-{city_id}"
    svg = _svg(ident, title, desc, projection.height, body + _scale_bar(projection, lang))
    table = _table(_point_headers(lang, numbered=True), _point_rows(points, lang, numbered=True), lang)
    return _figure("section", svg, f"<strong>{title}</strong><br>{desc}", _legend(lang) + table)
