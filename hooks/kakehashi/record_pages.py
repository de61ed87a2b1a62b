"""Record pages and section index pages, generated from the validated data."""

from __future__ import annotations

from . import escaping, formatting
from .glossary import KINDS, LABELS, SECTION_INTROS, SECTIONS, STATUSES, VALUE_WORDS, term
from .languages import pick
from .loader import Data, Record
from .markdown import (
    PageWriter,
    admonition,
    definition_list,
    external_link,
    front_matter,
    link,
    page,
)
from .pages import record_key, section_index_key


def render_record(data: Data, section: str, record: Record, lang: str) -> str:
    writer = PageWriter(lang)
    title = writer.inline(record["title"])
    blocks = [
        writer.paragraphs(record["summary"]),
        definition_list(_key_facts(data, section, record, writer)),
        writer.paragraphs(record["body"]) if "body" in record else "",
        _unverified(record, writer),
        _sources(record, lang),
        _back_to_section(section, record, lang),
    ]
    front = front_matter(writer.plain(record["title"]), writer.plain(record["summary"]))
    return page(front, title, writer.notice(), blocks)


def _key_facts(data: Data, section: str, record: Record, writer: PageWriter) -> list[tuple[str, str]]:
    lang = writer.lang
    label = lambda name: term(LABELS, name, lang)  # noqa: E731 - a local shorthand
    facts: list[tuple[str, str]] = []
    if section == "projects":
        facts.append(
            (label("date"), escaping.inline(formatting.period(record["date"], record.get("date_end"), lang)))
        )
    facts.append((label("kind"), escaping.inline(term(KINDS, record["kind"], lang))))
    facts.append((label("city"), writer.inline(data.cities[record["city"]]["name"])))
    if "status" in record:
        facts.append((label("status"), escaping.inline(term(STATUSES, record["status"], lang))))
    if "opened" in record:
        name = "opening" if record.get("status") == "planned" else "opened"
        facts.append((label(name), escaping.inline(formatting.partial_date(record["opened"], lang))))
    for field in ("length", "area"):
        if field in record:
            facts.append((label(field), escaping.inline(formatting.quantity(record[field], lang))))
    for field in ("start", "end", "district", "address"):
        if field in record:
            facts.append((label(field), writer.inline(record[field])))
    if "location" in record:
        facts.append((label("location"), _location(record["location"], writer)))
    return facts


def _location(location: Record, writer: PageWriter) -> str:
    lang = writer.lang
    note = escaping.inline(term(LABELS, f"location_{location['precision']}", lang))
    if "label" in location:
        note = term(VALUE_WORDS, "note_join", lang).format(
            first=note, second=writer.inline(location["label"])
        )
    text = escaping.inline(formatting.coordinates(location["lat"], location["lon"]))
    return term(VALUE_WORDS, "with_note", lang).format(text=text, note=note)


def _unverified(record: Record, writer: PageWriter) -> str:
    if "unverified" not in record:
        return ""
    return admonition(
        "warning", term(LABELS, "unverified", writer.lang), writer.paragraphs(record["unverified"])
    )


def _sources(record: Record, lang: str) -> str:
    items = [
        "- " + external_link(source["url"], source["title"], source["lang"], lang)
        for source in record["sources"]
    ]
    date = escaping.inline(formatting.partial_date(record["updated"], lang))
    checked = term(VALUE_WORDS, "labelled", lang).format(
        label=escaping.inline(term(LABELS, "last_checked", lang)),
        value=f'<time datetime="{record["updated"]}">{date}</time>',
    )
    heading = f"## {escaping.inline(term(LABELS, 'sources', lang))}"
    return "\n".join([heading, "", *items, "", checked])


def _back_to_section(section: str, record: Record, lang: str) -> str:
    """A way back to the section's index: record pages are not in the nav."""
    text = term(LABELS, "back_to_section", lang).format(section=term(SECTIONS, section, lang))
    return link(f"← {escaping.inline(text)}", record_key(section, record["id"]), section_index_key(section))


# --- section index pages ---------------------------------------------------


def sorted_records(data: Data, section: str, lang: str) -> list[Record]:
    """Projects newest first; other sections by title in the reader's language."""
    records = data.sections[section]
    if section == "projects":
        return sorted(records, key=lambda r: (r["date"], r["id"]), reverse=True)
    return sorted(records, key=lambda r: (pick(r["title"], lang).text.casefold(), r["id"]))


def render_section_index(data: Data, section: str, lang: str) -> str:
    writer = PageWriter(lang)
    key = section_index_key(section)
    records = sorted_records(data, section, lang)
    if section == "projects":
        body = _cards(data, section, records, writer, key)
    else:
        # Grouped by city, the groups side by side on wide screens.
        groups = []
        for city_id, city in data.cities.items():
            in_city = [r for r in records if r["city"] == city_id]
            if in_city:
                cards = _cards(data, section, in_city, writer, key)
                heading = f"## {writer.inline(city['name'])}"
                groups.append(f"<section markdown>\n\n{heading}\n\n{cards}\n\n</section>")
        body = '<div class="kk-compare" markdown>\n\n' + "\n\n".join(groups) + "\n\n</div>"
    intro = escaping.inline(term(SECTION_INTROS, section, lang))
    title = term(SECTIONS, section, lang)
    front = front_matter(title, term(SECTION_INTROS, section, lang))
    return page(front, escaping.inline(title), writer.notice(), [intro, body])


def _cards(data: Data, section: str, records: list[Record], writer: PageWriter, key: str) -> str:
    items = []
    for record in records:
        title = link(f"__{writer.inline(record['title'])}__", key, record_key(section, record["id"]))
        facts = " · ".join(_card_facts(data, section, record, writer))
        summary = writer.inline(record["summary"])
        items.append(f"-   {title}\n\n    {facts}\n\n    {summary}")
    return '<div class="grid cards" markdown>\n\n' + "\n\n".join(items) + "\n\n</div>"


def _card_facts(data: Data, section: str, record: Record, writer: PageWriter) -> list[str]:
    lang = writer.lang
    facts = []
    if section == "projects":
        facts.append(escaping.inline(formatting.period(record["date"], record.get("date_end"), lang)))
    facts.append(escaping.inline(term(KINDS, record["kind"], lang)))
    if record.get("status") == "planned":
        facts.append(escaping.inline(term(STATUSES, "planned", lang)))
    if "length" in record:
        facts.append(escaping.inline(formatting.quantity(record["length"], lang)))
    if "district" in record:
        facts.append(writer.inline(record["district"]))
    return facts
