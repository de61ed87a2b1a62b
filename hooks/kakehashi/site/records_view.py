"""Records of one section, filtered and sorted, as cards, a table or a list.

Editorial pages place them with a marker line,
``<!-- kakehashi:records section=ecosystem city=tsukuba kind=… topic=… view=table sort=title -->``;
the topic pages use the same selection and views. The cards are those of the
section index (``record_pages.cards``).
"""

from __future__ import annotations

from dataclasses import dataclass

from kakehashi.site import escaping, formatting
from kakehashi.site.glossary import KINDS, LABELS, term
from kakehashi.site.languages import pick
from kakehashi.site.markdown_blocks import LocalizedText, link
from kakehashi.site.markers import Argument, Marker
from kakehashi.site.record_pages import cards, sorted_records
from kakehashi.site.urls import record_key
from kakehashi.sources.loader import SECTION_IDS, Data, Record

NAME = "records"
KEYS = ("section", "city", "kind", "topic", "view", "sort")
VIEWS = ("cards", "table", "list")


def sort_orders(section: str) -> tuple[str, ...]:
    """The sort orders a section's records allow: by date only where every record has one."""
    return ("date", "title", "city") if section == "projects" else ("title", "city")


@dataclass(frozen=True)
class RecordsQuery:
    section: str
    cities: frozenset[str] = frozenset()  # empty: every city
    kinds: frozenset[str] = frozenset()  # empty: every kind
    topics: frozenset[str] = frozenset()  # empty: tagged or not
    view: str = "cards"
    sort: str = ""  # empty: the order of the section's index


def query_of(marker: Marker) -> RecordsQuery:
    """What a records marker asks for (checked by :func:`check_marker` when loading)."""

    def values(key: str) -> frozenset[str]:
        argument = marker.argument(key)
        return frozenset(argument.values) if argument else frozenset()

    def one(key: str, default: str) -> str:
        argument = marker.argument(key)
        return argument.values[0] if argument else default

    return RecordsQuery(
        one("section", ""),
        values("city"),
        values("kind"),
        values("topic"),
        one("view", "cards"),
        one("sort", ""),
    )


@dataclass(frozen=True)
class Vocabulary:
    """What a records marker may name: the city ids, each section's kinds, the topics
    (None: not known, as the data or the schemas could not be read; not checked)."""

    cities: tuple[str, ...] | None
    kinds: dict[str, tuple[str, ...]] | None
    topics: tuple[str, ...]


def check_marker(marker: Marker, vocabulary: Vocabulary) -> list[tuple[int, str, str]]:
    """What is wrong with a records marker's arguments, each as (column, field, message)."""
    field = f"kakehashi:{NAME}"
    problems: list[tuple[int, str, str]] = []
    for argument in marker.arguments:
        if argument.key not in KEYS:
            message = f"unknown argument '{argument.key}'; allowed: {', '.join(KEYS)}"
            problems.append((argument.column, field, message))
    sections = ", ".join(SECTION_IDS)
    given = marker.argument("section")
    section = None
    if given is None:
        message = f"the argument 'section' is missing, e.g. section=ecosystem (sections: {sections})"
        problems.append((marker.column, field, message))
    elif len(given.values) > 1:
        message = f"name one section (found '{','.join(given.values)}')"
        problems.append((given.value_column, f"{field}.section", message))
    elif given.values[0] not in SECTION_IDS:
        message = f"unknown section '{given.values[0]}'; use one of: {sections}"
        problems.append((given.value_column, f"{field}.section", message))
    else:
        section = given.values[0]
    allowed: dict[str, tuple[tuple[str, ...], str]] = {
        "topic": (vocabulary.topics, "unknown topic '{value}'; use one of: {allowed}"),
        "view": (VIEWS, "unknown view '{value}'; use one of: {allowed}"),
    }
    if vocabulary.cities is not None:
        template = "unknown city '{value}'; cities are defined in data/cities.yml: {allowed}"
        allowed["city"] = (vocabulary.cities, template)
    if section is not None and vocabulary.kinds is not None:
        allowed["kind"] = (
            vocabulary.kinds[section],
            f"'{{value}}' is not a kind of section {section}; use one of: {{allowed}}",
        )
    if section is not None:
        allowed["sort"] = (
            sort_orders(section),
            f"unknown sort order '{{value}}' for section {section}; use one of: {{allowed}}",
        )
    for key, (values, template) in allowed.items():
        argument = marker.argument(key)
        if argument is None:
            continue
        if key in ("view", "sort") and len(argument.values) > 1:
            message = f"write one value (found '{','.join(argument.values)}')"
            problems.append((argument.value_column, f"{field}.{key}", message))
            continue
        for number, value in enumerate(argument.values):
            if value not in values:
                message = template.format(value=value, allowed=", ".join(values))
                problems.append((_item_column(argument, number), f"{field}.{key}", message))
    return problems


def _item_column(argument: Argument, number: int) -> int:
    """The column of item ``number`` of a comma-separated value."""
    return argument.value_column + sum(len(value) + 1 for value in argument.values[:number])


def select(data: Data, query: RecordsQuery, lang: str) -> list[Record]:
    """The records of the query's section that pass its filters, in its order for readers of ``lang``."""
    records = [
        record
        for record in sorted_records(data, query.section, lang)
        if (not query.cities or record["city"] in query.cities)
        and (not query.kinds or record["kind"] in query.kinds)
        and (not query.topics or not query.topics.isdisjoint(record.get("topics", ())))
    ]
    if query.sort == "title":
        records.sort(key=lambda r: (pick(r["title"], lang).text.casefold(), r["id"]))
    elif query.sort == "city":  # by the city's name; within a city, in the section's order
        records.sort(key=lambda r: pick(data.cities[r["city"]]["name"], lang).text.casefold())
    # "date" (projects only) is the order of the projects' index: newest first.
    return records


def no_records(lang: str) -> str:
    """The sentence shown where a selection is empty: data change, so it is not an error."""
    return escaping.inline(term(LABELS, "no_records", lang))


def render_selection(
    data: Data, section: str, records: list[Record], view: str, page_key: str, writer: LocalizedText
) -> str:
    """``records`` of ``section`` as ``view`` on page ``page_key``; a short sentence if there are none."""
    lang = writer.lang
    if not records:
        return no_records(lang)
    if view == "cards":
        return cards(data, section, records, writer, page_key)
    titles = [link(writer.inline(r["title"]), page_key, record_key(section, r["id"])) for r in records]
    if view == "list":
        return "\n".join(f"- {title}" for title in titles)
    columns = ["title", *(["date"] if section == "projects" else []), "city", "kind"]
    header = " | ".join(escaping.inline(term(LABELS, column, lang)) for column in columns)
    rows = []
    for title, record in zip(titles, records, strict=True):
        cells = [title]
        if section == "projects":
            cells.append(escaping.inline(formatting.period(record["date"], record.get("date_end"), lang)))
        cells.append(writer.inline(data.cities[record["city"]]["name"]))
        cells.append(escaping.inline(term(KINDS, record["kind"], lang)))
        rows.append(f"| {' | '.join(cells)} |")
    return "\n".join([f"| {header} |", "|---" * len(columns) + "|", *rows])


def records_marker(data: Data, marker: Marker, page_key: str, lang: str) -> str:
    """What a records marker shows, with the translation notice above it where a text falls back."""
    query = query_of(marker)
    writer = LocalizedText(lang)
    shown = render_selection(data, query.section, select(data, query, lang), query.view, page_key, writer)
    notice = writer.notice()
    return f"{notice}\n\n{shown}" if notice else shown
