"""The one glossary: every word the generator writes, in de, ja and en.

Terms used on several pages live here once, so a section is called the same
in the nav, on the home page, on record pages and in notices.

This module declares each word: its key, which is the message context in the
catalogs (``kind:agreement``), and its English source text, the ``msgid``.
Translators keep the words themselves in the gettext catalogs
``locales/<lang>/LC_MESSAGES/kakehashi.po`` (README: "Translating the
site's words"); ``make catalogs`` extracts the declarations with
``pybabel extract`` and merges them into the catalogs. The tables below are
built once, at import, from the catalogs: a word is a dictionary lookup,
``term(KINDS, "agreement", "ja")``.
"""

from __future__ import annotations

from typing import Any

from kakehashi.site import catalogs
from kakehashi.site.languages import LANGUAGES

Terms = dict[str, dict[str, str]]
# Words for a number of things: key → language → the catalog's plural forms.
CountedTerms = dict[str, dict[str, tuple[str, ...]]]

# Every declared message: context → English source text, in the order of this file.
DECLARED: dict[str, catalogs.Source] = {}
_TRANSLATIONS = catalogs.load_all()


def N_(context: str, source: str) -> tuple[str, str]:
    """Declares a message (``pybabel extract -k N_:1c,2``); translated from the catalogs by ``_table``."""
    return context, source


def NP_(context: str, singular: str, plural: str) -> tuple[str, tuple[str, str]]:
    """Declares the words for a number of things (``pybabel extract -k NP_:1c,2,3``): the English
    singular and plural; each catalog has as many forms as its ``Plural-Forms`` header says."""
    return context, (singular, plural)


def _declare(prefix: str, messages: tuple[tuple[str, Any], ...], kind: type) -> dict[str, dict[str, Any]]:
    """``{key: {lang: translation}}`` of the messages ``<prefix>:<key>``, each declared once;
    a language whose catalog has no usable translation of a message (not of ``kind``: text,
    or the tuple of plural forms) is left out of it (``missing_translations``)."""
    table: dict[str, dict[str, Any]] = {}
    for context, source in messages:
        table_name, _, key = context.partition(":")
        if table_name != prefix or context in DECLARED:
            raise ValueError(f"{context}: declared twice, or in the table of {prefix!r}")
        DECLARED[context] = source
        table[key] = {
            lang: found.texts[context]
            for lang, found in _TRANSLATIONS.items()
            if isinstance(found.texts.get(context), kind)
        }
    return table


def _counted_table(prefix: str, *messages: tuple[str, tuple[str, str]]) -> CountedTerms:
    """``{key: {lang: forms}}`` of the counted messages ``<prefix>:<key>``."""
    return _declare(prefix, messages, tuple)


def _table(prefix: str, *messages: tuple[str, str]) -> Terms:
    """``{key: {lang: text}}`` of the messages ``<prefix>:<key>``."""
    return _declare(prefix, messages, str)


SECTION_TITLES: Terms = _table(
    "section",
    N_("section:projects", "Partnership projects"),
    N_("section:ecosystem", "Start-up ecosystems"),
    N_("section:cycling", "Cycling"),
    N_("section:disaster-prevention", "Disaster prevention"),
)

SECTION_INTROS: Terms = _table(
    "section-intro",
    N_(
        "section-intro:projects",
        "Agreements, cooperations, visits and events of the partnership between Bochum and Tsukuba, "
        "newest first.",
    ),
    N_(
        "section-intro:ecosystem",
        "Where founders find support in both cities, side by side: start-up centres, public programmes, "
        "universities and sites.",
    ),
    N_("section-intro:cycling", "Cycle routes and cycling facilities in and around Tsukuba and Bochum."),
    N_(
        "section-intro:disaster-prevention",
        "Facilities and sites for disasters: crisis centres, reserve areas, evacuation sites and a "
        "disaster prevention park.",
    ),
)

KINDS: Terms = _table(
    "kind",
    # projects
    N_("kind:agreement", "Agreement"),
    N_("kind:memorandum", "Memorandum (MoU)"),
    N_("kind:cooperation", "Cooperation"),
    N_("kind:event", "Event"),
    N_("kind:visit", "Visit"),
    # ecosystem
    N_("kind:startup-centre", "Start-up centre"),
    N_("kind:public-programme", "Public programme"),
    N_("kind:university", "University"),
    N_("kind:development-site", "Development site"),
    N_("kind:knowledge-centre", "Knowledge centre"),
    N_("kind:economic-development", "Economic development"),
    N_("kind:health-campus", "Health campus"),
    N_("kind:technology-centre", "Technology centre"),
    # cycling
    N_("kind:route", "Cycle route"),
    N_("kind:route-section", "Route section"),
    N_("kind:facility", "Cycling facility"),
    # disaster prevention
    N_("kind:disaster-park", "Disaster prevention park"),
    N_("kind:crisis-centre", "Crisis centre"),
    N_("kind:reserve-area", "Reserve area"),
    N_("kind:evacuation-sites", "Evacuation sites"),
    N_("kind:coworking-space", "Co-working space"),
    N_("kind:science-city", "Science city"),
    N_("kind:health-network", "Health-economy network"),
    N_("kind:health-company", "Health-technology company"),
)

STATUSES: Terms = _table(
    "status",
    # Translators: a stage of a place's life, not opening hours; shown only as the opening date.
    N_("status:open", "opened"),
    N_("status:under-construction", "under construction"),
    N_("status:planned", "planned"),
)

LANGUAGE_NAMES: Terms = _table(
    "language",
    # Translators: the name of each language, written in the reader's language.
    N_("language:de", "German"),
    N_("language:ja", "Japanese"),
    N_("language:en", "English"),
)

LABELS: Terms = _table(
    "label",
    N_("label:city", "City"),
    N_("label:date", "Date"),
    N_("label:kind", "Type"),
    N_("label:status", "Status"),
    N_("label:section", "Section"),
    N_("label:opened", "Opened"),
    N_("label:opening", "Planned opening"),
    N_("label:length", "Length"),
    N_("label:area", "Area"),
    N_("label:address", "Address"),
    # Translators: where in its city a place lies; the values are districts, quarters and areas.
    N_("label:district", "Location"),
    N_("label:start", "Start"),
    N_("label:end", "End"),
    N_("label:location", "Coordinates"),
    N_("label:location_exact", "exact"),
    N_("label:location_approximate", "approximate"),
    N_("label:sources", "Sources"),
    N_("label:website", "Official website"),
    N_("label:last_checked", "Last checked"),
    N_("label:unverified", "Not verified"),
    N_("label:translation_notice_title", "Not yet translated"),
    N_(
        "label:translation_notice",
        "Parts of this page have not been translated into English yet and are shown in {languages}.",
    ),
    # Translators: put between the names of two languages in the notice above; keep its spaces.
    N_("label:language_joiner", " and "),
    N_("label:operator_missing", "The operator's details are still to be added."),
    N_("label:search", "Search"),
    # Translators: the tooltip of the search button; / is the key that opens the search.
    N_("label:search_with_key", "Search (/)"),
    N_("label:not_found_title", "Page not found"),
    N_("label:not_found_text", "This page does not exist or no longer exists. The search above may help."),
    N_("label:home", "Go to the home page"),
    N_("label:back_to_section", "All entries in {section}"),
    N_("label:close", "Close"),
    N_("label:related", "See also"),
    # the theme's own controls (theme_words.py)
    N_("label:switch_to_dark", "Switch to dark mode"),
    N_("label:switch_to_light", "Switch to light mode"),
    N_("label:permalink", "Link to this section"),
    # long section indexes are split into pages
    N_("label:pages", "Pages"),
    N_("label:page_number", "Page {number}"),
    N_("label:page_of", "Page {number} of {total}"),
    N_("label:previous_page", "Previous page"),
    N_("label:next_page", "Next page"),
    N_("label:operator_email", "E-mail"),
    N_("label:operator_phone", "Phone"),
    # the translation status page
    N_("label:translation_status", "Translation status"),
    N_(
        "label:translation_status_intro",
        "Which entries and pages are available in all three languages. Where a translation is missing, "
        "the site shows the text in another language and says so.",
    ),
    N_(
        "label:fallback_order",
        "Where a text is missing, it is shown in the first language of this order that has it:",
    ),
    N_("label:status_section", "Section"),
    N_("label:status_entries", "Entries"),
    N_("label:status_complete", "complete"),
    N_("label:status_partial", "{complete} of {total}"),
    N_("label:other_pages", "Other pages"),
    N_("label:all_translated", "Every entry and page is available in all three languages."),
    N_("label:missing_in", "Missing in {language}"),
    N_("label:shown_in", "shown in {language}"),
    # Translators: put between the names of a record's texts; keep its spaces.
    N_("label:field_joiner", ", "),
    # Translators: put between groups of those names, each with the language it is shown in.
    N_("label:group_joiner", "; "),
    N_("label:title", "Title"),
    N_("label:topic", "Topic"),
    N_("label:topics", "Topics"),
    N_("label:topics_intro", "Entries from every section, by topic."),
    N_("label:topic_intro", "Every entry on {topic}, by section."),
    N_("label:no_records", "There are no entries here at present."),
    N_("label:events", "Events"),
    N_(
        "label:events_intro",
        "Visits, signings and other dated events of the partnership and at places this site describes, "
        "each with its sources."
    ),
    N_("label:events_as_of", "As of {date}. Whether an event is upcoming or past is judged from this day."),
    N_("label:upcoming_events", "Upcoming events"),
    N_("label:past_events", "Past events"),
    N_("label:no_upcoming_events", "No upcoming events are known at present."),
    N_("label:calendar_feed", "Subscribe to the calendar (iCalendar)"),
    N_(
        "label:calendar_how_to",
        "Copy this link's address and add it in your calendar app as a subscribed calendar (a calendar "
        "from the internet); new events then appear by themselves. Events for which the sources give no "
        "day are listed on this page only."
    ),
    N_("label:calendar_name", "Bochum ⇄ Tsukuba: events"),
    N_(
        "label:timeline_intro",
        "Events of the partnership for which this site has sources, oldest first. The list is not "
        "complete."
    ),
    N_("label:all_events", "All events, upcoming ones too, and the calendar to subscribe to"),
    # Translators: above two columns, one per city, each saying what that city's own sources stress.
    N_("label:event_reports", "How each side reported it, and where the reports differ:"),
    # Translators: the heading of one of those columns; {city} is the city's name.
    N_("label:report_from", "Reports from {city}"),
    N_("label:place", "Place"),
    N_("label:open_data", "Open data"),
    N_(
        "label:open_data_intro",
        "Every entry of this site to download and reuse: each dataset as JSON and as CSV, with its JSON "
        "Schema. The files are made from the same data as the pages each time the site is published."
    ),
    N_(
        "label:open_data_licence",
        "The data is available under the licence {licence}. When you reuse it, name this site and its "
        "address as the source."
    ),
    N_(
        "label:open_data_json",
        "JSON: an object with the dataset's details (name, title, licence, site, schema, number of "
        "entries, last update) and the list records, which holds the entries as they are in the source "
        "data. Dates are ISO 8601 strings (2025-04-23, 2025-04 or 2025)."
    ),
    N_(
        "label:open_data_csv",
        "CSV: one row per entry, in UTF-8 with a byte order mark (BOM) and CRLF line ends, so that "
        "spreadsheet programs such as Excel read accented and Japanese characters correctly. Texts have "
        "one column per language (title_de, title_ja, title_en), nested details one column per part, "
        "joined with _ (location_lat, location_lon, location_precision). Lists such as sources and "
        "related are JSON in one cell. The columns licence and licence_url name the licence in every "
        "row."
    ),
    N_(
        "label:open_data_formulas",
        "Cells hold the texts unchanged. A spreadsheet program may read a text that starts with =, +, - "
        "or @ as a formula, so import the file with its columns set to text rather than opening it with "
        "a double click."
    ),
    N_(
        "label:open_data_schema",
        "JSON Schema: describes a dataset's list records (draft 07); shared definitions are in "
        "common.schema.json beside it."
    ),
    N_("label:open_data_about_files", "About the files"),
    N_(
        "label:open_data_section",
        "The entries of this section as data: {files} (licence: {licence}). All datasets: {catalogue}."
    ),
    N_(
        "label:dataset_projects_intro",
        "Agreements, cooperations, visits and events of the partnership between Bochum and Tsukuba."
    ),
    N_("label:dataset_cities", "Cities"),
    N_(
        "label:dataset_cities_intro",
        "The cities the entries refer to, with country, region and coordinates."
    ),
    N_("label:file", "File"),
    N_("label:format", "Format"),
    N_("label:size", "Size"),
    N_("label:last_update", "Last updated"),
    N_("label:licence", "Licence"),
    N_("label:cities_covered", "Cities"),
    N_("label:format_json", "JSON"),
    N_("label:format_csv", "CSV (UTF-8 with BOM, CRLF)"),
    N_("label:format_schema", "JSON Schema"),
    N_("label:legal_pages", "Legal"),
    N_("label:imprint", "Imprint"),
    N_("label:privacy", "Privacy"),
    N_("label:accessibility", "Accessibility"),
    N_("label:basics", "Emergency numbers and warnings"),
    N_("label:basics_elsewhere", "Emergency numbers and how warnings reach you: {link}"),
    N_("label:operator_representative", "Represented by"),
    N_("label:operator_register", "Register entry"),
    N_(
        "label:operator_responsible",
        "Responsible for the content under § 18 (2) MStV (German Interstate Media Treaty)"
    ),
    N_("label:details_missing", "The details are still to be added."),
    N_("label:map", "Map"),
    N_("label:map_show_from", "Show map (loads map images from {host})"),
    N_("label:map_show_from_site", "Show map (loads from this site only)"),
    N_("label:map_zoom_in", "Zoom in"),
    N_("label:map_zoom_out", "Zoom out"),
    N_("label:map_failed", "The map could not be loaded."),
    N_("label:geojson_download", "All places of this section as a GeoJSON file"),
    N_("label:nearest_button", "Find the three places nearest to me"),
    N_(
        "label:nearest_privacy",
        "Your browser asks for your position. The distances are computed in your browser only; your "
        "position is never sent anywhere."
    ),
    N_("label:nearest_results", "Nearest places"),
    N_("label:nearest_locating", "Finding your position …"),
    N_("label:nearest_unavailable", "Your position is not available. Please allow your browser to use it."),
    N_("label:nearest_distance", "{distance} in a straight line"),
    N_("label:guides", "Guides"),
    N_(
        "label:guides_intro",
        "Guides that set Bochum and Tsukuba side by side: what a term means in the other country, how "
        "cycling works there, what a visitor needs in an emergency, how founders find their feet in the "
        "partner city, and how schools, clubs, researchers, founders and citizens can take part in the "
        "partnership, each fact with its source."
    ),
    N_("label:guide_kind_crosswalk", "Side by side"),
    N_("label:guide_kind_visitor_card", "Emergency card"),
    N_("label:guide_kind_playbook", "Step by step"),
    N_("label:guide_kind_taking_part", "Taking part"),
    # Translators: the audiences of the guides on taking part, shown beside the kind on /guides/.
    N_("label:audience_schools", "Schools and students"),
    N_("label:audience_clubs", "Clubs and sports"),
    N_("label:audience_researchers", "Researchers"),
    N_("label:audience_founders", "Founders"),
    N_("label:audience_citizens", "Citizens"),
    N_("label:guide_offers", "What exists today"),
    N_("label:guide_contacts", "Where to turn"),
    N_("label:guide_not_published", "What has not been published"),
    N_(
        "label:guide_nothing_sourced",
        "The sources read name nothing in the partnership that this audience can take part in today.",
    ),
    N_("label:guide_japan", "Japan"),
    N_("label:guide_germany", "Germany"),
    N_("label:guide_facilities", "Related entries"),
    N_(
        "label:guide_offline",
        "Once you have opened this page, it stays readable in this browser without an internet "
        "connection."
    ),
    N_("label:card_numbers", "Emergency numbers"),
    N_("label:card_warnings", "How warnings reach you"),
    N_("label:card_install", "Install the app"),
    N_("label:card_places", "Where to go in a crisis"),
    N_("label:card_all_places", "All entries on disaster prevention"),
    N_("label:card_phrases", "Phrases for an emergency"),
    N_("label:card_phrase", "Phrase"),
    N_("label:card_reading", "Pronunciation"),
    N_("label:card_meaning", "Meaning"),
    N_("label:card_source_ref", "Source {number}"),
    # Translators: the heading of a numbered step of a founders' playbook, before its own heading.
    N_("label:playbook_step", "Step {number}"),
    # Translators: shown on a step or item of a playbook that no source confirms yet.
    N_("label:not_yet_confirmed", "Not yet confirmed"),
    N_("label:checked_on", "Checked on"),
    N_("label:playbook_amount", "Amount"),
    N_("label:playbook_deadline", "Deadline"),
    # Translators: links a founders' playbook to the one for the way back (Tsukuba → Bochum).
    N_("label:playbook_counterpart", "The other direction"),
    # a route's stage: the same rows on every route's page
    N_("label:stage", "The route at a glance"),
    N_("label:stage_distance", "Distance"),
    # Translators: the total height gained along the route.
    N_("label:stage_climb", "Climb"),
    # Translators: {climb} is a height in metres, measured on the route's GPX file where no source gives one.
    N_("label:stage_climb_from_track", "{climb}, measured on the GPX track"),
    # Translators: what the path is made of, e.g. asphalt.
    N_("label:stage_surface", "Surface"),
    N_("label:stage_rest_repair", "Rest and repair points"),
    N_("label:stage_rental", "Bike rental"),
    N_("label:stage_rail_start", "Railway station at the start"),
    N_("label:stage_rail_end", "Railway station at the end"),
    # Translators: shown in a row of the table instead of a value that no source gives.
    N_("label:stage_not_published", "not published in the sources"),
    # Translators: the heading over the linked route of the other city, e.g. the other rail trail.
    N_("label:pair", "Its counterpart in the partner city"),
)

# Names of the texts of a record, for editors: field path → name.
FIELDS: Terms = _table(
    "field",
    N_("field:title", "Title"),
    N_("field:summary", "Summary"),
    N_("field:body", "Description"),
    N_("field:unverified", "Unverified details"),
    N_("field:start", "Start"),
    N_("field:end", "End"),
    N_("field:district", "Location"),
    N_("field:address", "Address"),
    N_("field:location.label", "Coordinates label"),
    N_("field:place", "Place"),
    N_("field:basics", "Basics (emergency numbers, warnings)"),
    N_("field:stage.surface.text", "Surface"),
    N_("field:stage.rest_repair.text", "Rest and repair points"),
    N_("field:stage.rental.text", "Bike rental"),
    N_("field:stage.rail_start.text", "Railway station at the start"),
    N_("field:stage.rail_end.text", "Railway station at the end"),
    N_("field:pair.shared", "What the pair shares"),
    N_("field:reports.bochum.summary", "What the reports from Bochum stress"),
    N_("field:reports.tsukuba.summary", "What the reports from Tsukuba stress"),
)

# Words used inside formatted values.
VALUE_WORDS: Terms = _table(
    "value",
    # Translators: {value} is a whole number with its unit, such as "180 km".
    N_("value:approximately", "about {value}"),
    # Translators: {value} is a number with decimals or a range, with its unit: "11.2 km", "230–240 km".
    N_("value:approximately_not_round", "about {value}"),
    # Translators: a number and its unit; the source has a no-break space between them.
    N_("value:quantity", "{amount}\u00a0{unit}"),
    N_("value:range", "{low}–{high}"),
    # Translators: an amount of money as published; {amount} is the number as your language writes it.
    N_("value:money_eur", "€{amount}"),
    N_("value:money_jpy", "¥{amount}"),
    # Translators: an amount that is a maximum, e.g. "up to ¥75,000".
    N_("value:up_to", "up to {amount}"),
    # Translators: an amount and what it is for, e.g. "€1,200 per person and month".
    N_("value:amount_per", "{amount} {per}"),
    # Translators: {start} and {end} are dates, of a month or a year where the source gives no day.
    N_("value:period", "{start} to {end}"),
    N_("value:with_note", "{text} ({note})"),
    N_("value:note_join", "{first} – {second}"),
    N_("value:labelled", "{label}: {value}"),
    N_("value:title_with_part", "{title} – {part}"),
    # Translators: put between the facts on a card of a section index: its date, kind, length, place.
    N_("value:fact_joiner", " · "),
    # Translators: an entry of the timeline of projects: its date (bold), then its title.
    N_("value:timeline_item", "{date} – {title}"),
)

# Every number of things the generator writes goes through ``counted``, so it gets the form that
# the language uses for that number ("1 entry", "2 entries").
COUNTS: CountedTerms = _counted_table(
    "count",
    # Translators: {count} is the number of entries in a section of the site.
    NP_("count:records", "{count} entry", "{count} entries"),
)

# The topics that tag records across sections (the enum of ``topics`` in common.schema.json).
TOPICS: Terms = _table(
    "topic",
    N_("topic:health", "Health"),
    N_("topic:mobility", "Mobility"),
    N_("topic:science", "Science"),
    N_("topic:sports", "Sports"),
    N_("topic:startups", "Start-ups"),
    N_("topic:disaster-prevention", "Disaster prevention"),
    N_("topic:urban-development", "Urban development"),
)

# Maps, tracks and elevation profiles (site/maps.py).
MAP_WORDS: Terms = _table(
    "map",
    N_("map:map", "Map"),
    N_("map:route_map_title", "Map: {title}"),
    N_("map:place_map_title", "Location: {title}"),
    N_("map:section_map_title", "Map of the entries in {city}"),
    N_("map:profile_title", "Elevation profile: {title}"),
    N_("map:track_desc", "The course from the GPX file, without a background map; start and end are marked."),
    N_(
        "map:schematic_note",
        "Schematic: straight lines between the places listed, not the course of the route."
    ),
    N_("map:points_only_note", "Only the known points; the course of the route is not recorded here."),
    N_("map:place_desc", "The place (1) at {coordinates}, without a background map."),
    N_("map:place_desc_related", "The other numbers are the entries under “See also”."),
    N_(
        "map:section_map_desc",
        "{count} entries with coordinates, drawn as points without a background map. Entries without "
        "coordinates are not on the map."
    ),
    N_(
        "map:section_map_desc_one",
        "One entry with coordinates, drawn as a point without a background map. Entries without "
        "coordinates are not on the map."
    ),
    N_(
        "map:profile_desc",
        "Elevation against the distance from the start, from the GPX file: from {low} to {high}."
    ),
    N_("map:legend_exact", "exact place"),
    N_("map:legend_approximate", "approximate place (a nearby reference point)"),
    N_("map:table_summary", "The values as a table"),
    N_("map:place", "Place"),
    N_("map:latitude", "Latitude"),
    N_("map:longitude", "Longitude"),
    N_("map:precision", "Precision"),
    N_("map:value", "Value"),
    N_("map:scale", "Scale"),
    N_("map:distance_axis", "Distance (km)"),
    N_("map:elevation_axis", "Elevation (m)"),
    N_("map:track_length", "Length of the GPX track"),
    N_("map:climb", "Total climb"),
    N_("map:descent", "Total descent"),
    N_("map:extent", "Extent (latitude, longitude)"),
    N_(
        "map:track_method",
        "Length computed on the WGS84 ellipsoid (Karney's method); climb and descent count changes in "
        "elevation of 5 m or more, to leave out measurement noise."
    ),
    N_("map:track_source", "Source of the track"),
    N_("map:licence", "Licence: {licence}"),
    N_("map:downloads", "Track data"),
    N_("map:download_gpx", "Download the GPX file"),
    N_("map:download_geojson", "Download as GeoJSON"),
    N_("map:open_in_osm", "Show in OpenStreetMap (new tab)"),
    N_("map:route_to", "Plan a route here (OpenStreetMap, new tab)"),
    N_("map:search_address", "Search for the address in OpenStreetMap (new tab)"),
)

ALL_TERM_TABLES: dict[str, Terms] = {
    "SECTION_TITLES": SECTION_TITLES,
    "SECTION_INTROS": SECTION_INTROS,
    "KINDS": KINDS,
    "STATUSES": STATUSES,
    "LANGUAGE_NAMES": LANGUAGE_NAMES,
    "LABELS": LABELS,
    "VALUE_WORDS": VALUE_WORDS,
    "FIELDS": FIELDS,
    "TOPICS": TOPICS,
    "MAP_WORDS": MAP_WORDS,
}


def term(table: Terms, key: str, lang: str) -> str:
    """A glossary entry in ``lang``; every entry has all languages (tested)."""
    try:
        return table[key][lang]
    except KeyError:
        raise KeyError(_untranslated(table, key, lang)) from None


def _untranslated(table: Terms | CountedTerms, key: str, lang: str) -> str:
    names = [name for name, other in {**ALL_TERM_TABLES, "COUNTS": COUNTS}.items() if other is table]
    where = names[0] if names else "a table"
    if key not in table:
        return f"{where} declares no {key!r}: declare it in glossary.py and run `make catalogs`"
    return (
        f"{where}[{key!r}] has no translation in {lang!r} that is not empty or fuzzy: "
        f"fill it in locales/{lang}/LC_MESSAGES/kakehashi.po (README: Translating the site's words)"
    )


def counted(key: str, count: int, lang: str) -> str:
    """The words for ``count`` things in the plural form that ``lang``'s catalog picks for it
    by its ``Plural-Forms``; ``{count}`` is left to fill in (``formatting.counted``)."""
    try:
        forms = COUNTS[key][lang]
    except KeyError:
        raise KeyError(_untranslated(COUNTS, key, lang)) from None
    return forms[_TRANSLATIONS[lang].plural_index(count)]


def ui_words(lang: str) -> dict[str, str]:
    """Words of the page chrome (search dialog) for the template overrides."""
    keys = ("search", "search_with_key", "close", "not_found_title", "not_found_text", "home", "legal_pages")
    return {key: term(LABELS, key, lang) for key in keys}


def missing_translations() -> list[str]:
    """Glossary entries lacking a language; empty when the glossary is complete."""
    return [
        f"{name}.{key}.{lang}"
        for name, table in {**ALL_TERM_TABLES, "COUNTS": COUNTS}.items()
        for key, texts in table.items()
        for lang in LANGUAGES
        if not texts.get(lang)
    ]


def dataset_title(name: str, lang: str) -> str:
    """The title of a published dataset: its section's title, else ``dataset_<name>`` of LABELS,
    else the title of its page (``<name>``: the events)."""
    if name in SECTION_TITLES:
        return term(SECTION_TITLES, name, lang)
    return term(LABELS, f"dataset_{name}" if f"dataset_{name}" in LABELS else name, lang)


def dataset_intro(name: str, lang: str) -> str:
    """What a published dataset holds, in one sentence: ``dataset_<name>_intro`` of LABELS,
    else its section's introduction, else its page's (``<name>_intro``)."""
    if f"dataset_{name}_intro" in LABELS:
        return term(LABELS, f"dataset_{name}_intro", lang)
    if name in SECTION_INTROS:
        return term(SECTION_INTROS, name, lang)
    return term(LABELS, f"{name}_intro", lang)
