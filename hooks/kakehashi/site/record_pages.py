"""Record pages and section index pages, generated from the validated data."""

from __future__ import annotations

import functools

from kakehashi.site import escaping, formatting, interactive_map, maps, stages
from kakehashi.site.glossary import (
    KINDS,
    LABELS,
    LANGUAGE_NAMES,
    SECTION_INTROS,
    SECTION_TITLES,
    STATUSES,
    TOPICS,
    VALUE_WORDS,
    term,
)
from kakehashi.site.languages import pick
from kakehashi.site.markdown_blocks import (
    LocalizedText,
    admonition,
    definition_list,
    external_link,
    front_matter,
    link,
    page,
    website_link,
)
from kakehashi.site.urls import record_key, section_index_key, topic_key
from kakehashi.sources.loader import Data, Record


def render_record(
    data: Data,
    section: str,
    record: Record,
    lang: str,
    map_tiles: interactive_map.MapTiles = interactive_map.DEFAULT_MAP_TILES,
) -> str:
    writer = LocalizedText(lang)
    title = writer.inline(record["title"])
    key = record_key(section, record["id"])
    blocks = [
        writer.paragraphs(record["summary"]),
        definition_list(_key_facts(data, section, record, writer)),
        f"## {escaping.inline(term(LABELS, 'basics', lang))}\n\n{basics(record, writer)}"
        if "basics" in record
        else "",
        # The same rows for every route, right under its key facts.
        stages.stage_table(data, record, writer),
        writer.paragraphs(record["body"]) if "body" in record else "",
        stages.pair_block(data, record, writer),
        # The map part: pictures drawn at build time and links to OpenStreetMap.
        # Further map blocks go right after this one, under its heading.
        maps.record_map_block(data, section, record, related_records(data, section, record), writer, key),
        interactive_map.record_map(section, record, lang, map_tiles),
        _basics_elsewhere(data, section, record, writer),
        _unverified(record, writer),
        _related(data, section, record, writer),
        _sources(record, lang),
        _back_to_section(section, record, lang),
    ]
    front = front_matter(writer.plain(record["title"]), writer.plain(record["summary"]))
    return page(front, title, writer.notice(), blocks)


def _key_facts(data: Data, section: str, record: Record, writer: LocalizedText) -> list[tuple[str, str]]:
    lang = writer.lang
    label = lambda name: term(LABELS, name, lang)  # noqa: E731 - a local shorthand
    facts: list[tuple[str, str]] = []
    if section == "projects":
        facts.append(
            (label("date"), escaping.inline(formatting.period(record["date"], record.get("date_end"), lang)))
        )
    facts.append((label("kind"), escaping.inline(term(KINDS, record["kind"], lang))))
    facts.append((label("city"), writer.inline(data.cities[record["city"]]["name"])))
    if "topics" in record:
        here = record_key(section, record["id"])
        topics = [link(escaping.inline(term(TOPICS, t, lang)), here, topic_key(t)) for t in record["topics"]]
        facts.append((label("topics"), term(LABELS, "field_joiner", lang).join(topics)))
    # Only a place not yet open has a status worth a line; an open one has its opening date.
    not_yet_open = record.get("status", "open") != "open"
    if not_yet_open:
        facts.append((label("status"), escaping.inline(term(STATUSES, record["status"], lang))))
    if "opened" in record:
        name = "opening" if not_yet_open else "opened"
        facts.append((label(name), escaping.inline(formatting.partial_date(record["opened"], lang))))
    for field in ("length", "area"):
        if field in record:
            facts.append((label(field), escaping.inline(formatting.quantity(record[field], lang))))
    facts += maps.track_facts(data, record, lang)  # what its GPX track measures, beside the length
    for field in ("start", "end", "district", "address"):
        if field in record:
            facts.append((label(field), writer.inline(record[field])))
    if "location" in record:
        facts.append((label("location"), _location(record["location"], writer)))
    if "website" in record:  # so that a reader can act, not only read: before the sources
        facts.append((label("website"), website_link(record["website"])))
    return facts


def _location(location: Record, writer: LocalizedText) -> str:
    lang = writer.lang
    note = escaping.inline(term(LABELS, f"location_{location['precision']}", lang))
    if "label" in location:
        note = term(VALUE_WORDS, "note_join", lang).format(
            first=note, second=writer.inline(location["label"])
        )
    text = escaping.inline(formatting.coordinates(location["lat"], location["lon"]))
    return term(VALUE_WORDS, "with_note", lang).format(text=text, note=note)


def _unverified(record: Record, writer: LocalizedText) -> str:
    if "unverified" not in record:
        return ""
    return admonition(
        "warning", term(LABELS, "unverified", writer.lang), writer.paragraphs(record["unverified"])
    )


def related_records(data: Data, section: str, record: Record) -> list[tuple[str, Record]]:
    """The records linked under "See also": those ``record`` names in ``related`` and those
    that name it, in the order of the sections and of their files."""
    return _related_by_key(data).get(record_key(section, record["id"]), [])


@functools.lru_cache(maxsize=2)  # the data in use, and the one an edit replaces
def _related_by_key(data: Data) -> dict[str, list[tuple[str, Record]]]:
    records = {record_key(s, r["id"]): (s, r) for s, rs in data.sections.items() for r in rs}
    linked: dict[str, set[str]] = {}
    for key, (_, record) in records.items():
        for other in record.get("related", ()):
            linked.setdefault(key, set()).add(other)
            linked.setdefault(other, set()).add(key)
    order = {key: number for number, key in enumerate(records)}
    return {key: [records[k] for k in sorted(keys, key=order.__getitem__)] for key, keys in linked.items()}


def _related(data: Data, section: str, record: Record, writer: LocalizedText) -> str:
    related = related_records(data, section, record)
    if not related:
        return ""
    here = record_key(section, record["id"])
    items = [
        "- " + link(writer.inline(other["title"]), here, record_key(other_section, other["id"]))
        for other_section, other in related
    ]
    heading = f"## {escaping.inline(term(LABELS, 'related', writer.lang))}"
    return "\n".join([heading, "", *items])


def basics(record: Record, writer: LocalizedText) -> str:
    """A record's ``basics`` (emergency numbers, warnings, help for visitors) with their
    sources right below them: on the record's page and at the top of its section's index."""
    lang = writer.lang
    links = [
        external_link(source["url"], source["title"], source["lang"], lang)
        for source in record["basics_sources"]
    ]
    label = escaping.inline(term(LABELS, "sources", lang))
    # Glossary punctuation (", " or "、"), used as the value templates are: as written.
    joiner = term(LABELS, "field_joiner", lang)
    listed = term(VALUE_WORDS, "labelled", lang).format(label=label, value=joiner.join(links))
    return f'{writer.paragraphs(record["basics"])}\n\n<p class="kk-basics__sources" markdown>{listed}</p>'


def basics_record(data: Data, section: str, city: str) -> Record | None:
    """The record of ``section`` that holds the basics of ``city``, if one does."""
    return _basics_by_city(data).get((section, city))


@functools.lru_cache(maxsize=2)  # the data in use, and the one an edit replaces
def _basics_by_city(data: Data) -> dict[tuple[str, str], Record]:
    found: dict[tuple[str, str], Record] = {}
    for section, records in data.sections.items():
        for record in records:
            if "basics" in record:
                found.setdefault((section, record["city"]), record)
    return found


def _basics_elsewhere(data: Data, section: str, record: Record, writer: LocalizedText) -> str:
    """On the other pages of a city: where its emergency numbers and warnings are."""
    holder = basics_record(data, section, record["city"])
    if holder is None or holder is record:
        return ""
    here = record_key(section, record["id"])
    target = link(writer.inline(holder["title"]), here, record_key(section, holder["id"]))
    return term(LABELS, "basics_elsewhere", writer.lang).format(link=target)


def _sources(record: Record, lang: str) -> str:
    items = ["- " + _source(source, lang) for source in record["sources"]]
    date = escaping.inline(formatting.partial_date(record["updated"], lang))
    checked = term(VALUE_WORDS, "labelled", lang).format(
        label=escaping.inline(term(LABELS, "last_checked", lang)),
        value=f'<time datetime="{record["updated"]}">{date}</time>',
    )
    heading = f"## {escaping.inline(term(LABELS, 'sources', lang))}"
    return "\n".join([heading, "", *items, "", checked])


def _source(source: Record, lang: str) -> str:
    """A link to a source; one in another language than the page names its language after it."""
    linked = external_link(source["url"], source["title"], source["lang"], lang)
    if source["lang"] == lang:
        return linked
    language = escaping.inline(term(LANGUAGE_NAMES, source["lang"], lang))
    return term(VALUE_WORDS, "with_note", lang).format(text=linked, note=language)


def _back_to_section(section: str, record: Record, lang: str) -> str:
    """A way back to the section's index: record pages are not in the nav."""
    text = term(LABELS, "back_to_section", lang).format(section=term(SECTION_TITLES, section, lang))
    return link(f"← {escaping.inline(text)}", record_key(section, record["id"]), section_index_key(section))


# --- section index pages ---------------------------------------------------


def sorted_records(data: Data, section: str, lang: str) -> list[Record]:
    """Projects newest first; other sections by title in the reader's language, except that
    a record with ``basics`` (the overview residents need first) leads its city."""
    return list(_sorted_records(data, section, lang))


# The index pages, the topic pages and every records directive of a language sort the
# same section: sorted once. 12 = 4 sections × 3 languages, about one load of the data.
@functools.lru_cache(maxsize=12)
def _sorted_records(data: Data, section: str, lang: str) -> tuple[Record, ...]:
    records = data.sections[section]
    if section == "projects":
        return tuple(sorted(records, key=lambda r: (r["date"], r["id"]), reverse=True))
    return tuple(
        sorted(records, key=lambda r: ("basics" not in r, pick(r["title"], lang).text.casefold(), r["id"]))
    )


# The cards of an index (or of one of its pages) by group: the city, or None for
# projects, and its records in order.
CardGroups = list[tuple[Record | None, list[Record]]]

# Cards per page of a section index, per city where the index is grouped by city:
# a page stays light on a phone, and an edit re-renders one small page.
CARDS_PER_PAGE = 50


# Every page of an index needs the same sorted groups; 12 = 4 sections × 3 languages,
# so no more than about one load of the data is kept alive.
@functools.lru_cache(maxsize=12)
def _groups(data: Data, section: str, lang: str) -> CardGroups:
    """The cards of an index in order: one group, or one per city that has records."""
    records = sorted_records(data, section, lang)
    if section == "projects":
        return [(None, records)]
    groups = [(city, [r for r in records if r["city"] == city_id]) for city_id, city in data.cities.items()]
    return [(city, in_city) for city, in_city in groups if in_city]


def index_page_count(data: Data, section: str) -> int:
    """How many pages the section's index has (the same in every language)."""
    records = data.sections[section]
    if section == "projects":
        largest = len(records)
    else:
        largest = max((sum(1 for r in records if r["city"] == city) for city in data.cities), default=0)
    return max(1, -(-largest // CARDS_PER_PAGE))


def index_page_cards(data: Data, section: str, lang: str, number: int) -> CardGroups:
    """The cards on page ``number`` of an index: per group (city, or None for projects) its records."""
    window = slice((number - 1) * CARDS_PER_PAGE, number * CARDS_PER_PAGE)
    return [(city, records[window]) for city, records in _groups(data, section, lang) if records[window]]


def render_section_index(
    data: Data,
    section: str,
    lang: str,
    number: int = 1,
    data_note: str = "",
    map_tiles: interactive_map.MapTiles = interactive_map.DEFAULT_MAP_TILES,
) -> str:
    """Page ``number`` of a section's index; ``data_note`` (Markdown) goes at its end."""
    writer = LocalizedText(lang)
    key = section_index_key(section, number)
    total = index_page_count(data, section)
    groups = index_page_cards(data, section, lang, number)
    if section == "projects":
        on_page = groups[0][1] if groups else []
        body = cards(data, section, on_page, writer, key)
        # One map per city of the located entries of this page, side by side, above the list.
        city_maps = [
            maps.section_city_map(
                section,
                city_id,
                writer.plain(city["name"]),
                [r for r in on_page if r["city"] == city_id],
                writer,
            )
            for city_id, city in data.cities.items()
        ]
        if any(city_maps):
            body = '<div class="kk-compare">' + "".join(city_maps) + "</div>\n\n" + body
    else:
        # Grouped by city, the groups side by side on wide screens.
        sections = []
        for city, in_city in groups:
            heading = f"## {writer.inline(city['name'])}"
            listing = cards(data, section, in_city, writer, key)
            # A map of the located entries of this page, above their cards.
            city_map = maps.section_city_map(section, city["id"], writer.plain(city["name"]), in_city, writer)
            parts = [heading, city_map, listing] if city_map else [heading, listing]
            sections.append("<section markdown>\n\n" + "\n\n".join(parts) + "\n\n</section>")
        body = '<div class="kk-compare" markdown>\n\n' + "\n\n".join(sections) + "\n\n</div>"
    intro = escaping.inline(term(SECTION_INTROS, section, lang))
    first = _basics_block(data, section, writer, key) if number == 1 else ""
    title = term(SECTION_TITLES, section, lang)
    if number > 1:
        page_words = term(LABELS, "page_number", lang).format(number=number)
        title = term(VALUE_WORDS, "title_with_part", lang).format(title=title, part=page_words)
    front = front_matter(title, term(SECTION_INTROS, section, lang))
    pager = _pager(section, number, total, lang) if total > 1 else ""
    located = interactive_map.section_map(data, section, lang, number, map_tiles)
    blocks = [intro, first, located, body, pager, data_note]
    return page(front, escaping.inline(title), writer.notice(), blocks)


def _basics_block(data: Data, section: str, writer: LocalizedText, key: str) -> str:
    """Above the cards of a section's first page: the ``basics`` of each city, side by side
    where there is room, each with its sources and a link to the record it comes from."""
    parts = []
    for city_id, city in data.cities.items():
        record = basics_record(data, section, city_id)
        if record is None:
            continue
        more = link(writer.inline(record["title"]), key, record_key(section, record["id"]))
        parts.append(
            f"<section markdown>\n\n### {writer.inline(city['name'])}\n\n{basics(record, writer)}"
            f"\n\n→ {more}\n\n</section>"
        )
    if not parts:
        return ""
    heading = f"## {escaping.inline(term(LABELS, 'basics', writer.lang))}"
    # What readers search for in an emergency: these words count the most on this page,
    # so that it comes first among the pages that name them.
    block = '<div class="kk-compare kk-basics" markdown>\n\n' + "\n\n".join(parts) + "\n\n</div>"
    return f'<div data-pagefind-weight="10" markdown>\n\n{heading}\n\n{block}\n\n</div>'


def _pager(section: str, number: int, total: int, lang: str) -> str:
    """Where this page stands, and links to the previous, every other and the next page."""
    here = section_index_key(section, number)
    words = lambda name, **values: term(LABELS, name, lang).format(**values)  # noqa: E731 - a local shorthand
    items = []
    if number > 1:
        previous = section_index_key(section, number - 1)
        items.append(link(f"← {escaping.inline(words('previous_page'))}", here, previous))
    for other in range(1, total + 1):
        if other == number:
            items.append(f'<strong aria-current="page">{other}</strong>')
        else:
            # Glossary words, free of quotes: safe inside the attribute list.
            label = f'{{ aria-label="{words("page_number", number=other)}" }}'
            items.append(link(str(other), here, section_index_key(section, other)) + label)
    if number < total:
        items.append(
            link(f"{escaping.inline(words('next_page'))} →", here, section_index_key(section, number + 1))
        )
    where = escaping.inline(words("page_of", number=number, total=total))
    nav_label = escaping.attribute(words("pages"))
    return (
        f'<nav class="kk-pager" aria-label="{nav_label}" markdown>\n\n{where}\n\n'
        + " ".join(items)
        + "\n\n</nav>"
    )


def cards(data: Data, section: str, records: list[Record], writer: LocalizedText, key: str) -> str:
    """The records as the cards of a section index, on page ``key`` (also the records marker's cards)."""
    items = []
    for record in records:
        title = link(f"__{writer.inline(record['title'])}__", key, record_key(section, record["id"]))
        facts = term(VALUE_WORDS, "fact_joiner", writer.lang).join(_card_facts(data, section, record, writer))
        summary = writer.inline(record["summary"])
        items.append(f"-   {title}\n\n    {facts}\n\n    {summary}")
    return '<div class="grid cards" markdown>\n\n' + "\n\n".join(items) + "\n\n</div>"


def _card_facts(data: Data, section: str, record: Record, writer: LocalizedText) -> list[str]:
    lang = writer.lang
    facts = []
    if section == "projects":
        facts.append(escaping.inline(formatting.period(record["date"], record.get("date_end"), lang)))
    facts.append(escaping.inline(term(KINDS, record["kind"], lang)))
    if record.get("status", "open") != "open":
        facts.append(escaping.inline(term(STATUSES, record["status"], lang)))
    if "length" in record:
        facts.append(escaping.inline(formatting.quantity(record["length"], lang)))
    if "district" in record:
        facts.append(writer.inline(record["district"]))
    return facts
