"""Generated parts of editorial pages: section cards, the timeline, the operator, the glossary
(the records marker is ``records_view.py``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kakehashi.site import escaping, events, formatting
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
from kakehashi.site.languages import LANGUAGES
from kakehashi.site.markdown_blocks import LocalizedText, link, relative_path
from kakehashi.site.urls import section_index_key
from kakehashi.sources.loader import SECTION_IDS, Data


def sections(data: Data, page_key: str, lang: str) -> str:
    """Four cards leading to the section index pages, with their record counts."""
    items = []
    for section in SECTION_IDS:
        title = escaping.inline(term(SECTION_TITLES, section, lang))
        count = formatting.counted("records", len(data.sections[section]), lang)
        items.append(
            f"-   {link(f'__{title}__', page_key, section_index_key(section))}\n\n"
            f"    {escaping.inline(term(SECTION_INTROS, section, lang))}\n\n"
            f"    {escaping.inline(count)}"
        )
    return '<div class="grid cards" markdown>\n\n' + "\n\n".join(items) + "\n\n</div>"


def timeline(data: Data, page_key: str, lang: str) -> str:
    """The partnership's events (``scope: partnership`` in data/events.yml), oldest
    first, each linked to its entry on the events page; above them, the translation
    notice if any of their texts is shown in another language, and the words that
    the list is not complete."""
    writer = LocalizedText(lang)
    items = []
    partnership = [event for event in data.events if event["scope"] == "partnership"]
    for event in events.chronological(partnership):
        when = escaping.inline(events.when(event, lang))
        target = relative_path(f"{events.PAGE_KEY}.md", page_key) + f"#{event['id']}"
        title = f"[{writer.inline(event['title'])}]({target})"
        item = term(VALUE_WORDS, "timeline_item", lang).format(date=f"__{when}__", title=title)
        item = f"- {item}  \n  {writer.inline(event['summary'])}"
        if "reports" in event:
            # Blank lines around the columns: else the next item would continue their last paragraph.
            item += "\n\n" + events.reports(data, event, writer, in_list=True) + "\n"
        items.append(item)
    intro = escaping.inline(term(LABELS, "timeline_intro", lang))
    more = link(escaping.inline(term(LABELS, "all_events", lang)), page_key, events.PAGE_KEY)
    parts = [writer.notice(), intro, "\n".join(items), more]
    return "\n\n".join(part for part in parts if part)


def glossary(lang: str) -> str:
    """The glossary's section names, kinds, statuses and topics as tables, the reader's language first:
    the terms translators use, as the site shows them."""
    order = [lang, *(other for other in LANGUAGES if other != lang)]

    def cell(text: str, text_lang: str) -> str:
        words = escaping.inline(text)
        return words if text_lang == lang else f'<span lang="{text_lang}">{words}</span>'

    tables = []
    for label, terms in (
        ("section", SECTION_TITLES),
        ("kind", KINDS),
        ("status", STATUSES),
        ("topic", TOPICS),
    ):
        header = " | ".join(escaping.inline(term(LANGUAGE_NAMES, other, lang)) for other in order)
        rows = [" | ".join(cell(term(terms, key, other), other) for other in order) for key in terms]
        caption = f"__{escaping.inline(term(LABELS, label, lang))}__"
        lines = [caption, "", f"| {header} |", "|---" * len(order) + "|", *(f"| {row} |" for row in rows)]
        tables.append("\n".join(lines))
    return "\n\n".join(tables)


def contact(settings: Mapping[str, Any], lang: str) -> str:
    """The operator's name, address, e-mail and phone from ``extra.operator`` in mkdocs.yml,
    or a notice that they are still to be added: whom readers write to (the controller
    of the privacy statement, the feedback contact of the accessibility statement)."""
    name = _setting_text(settings.get("name"))
    if not name:
        return f"*{escaping.inline(term(LABELS, 'operator_missing', lang))}*"
    lines = [f"__{escaping.inline(name)}__", *_address_lines(settings.get("address"))]
    email = _setting_text(settings.get("email"))
    if email:
        label = escaping.inline(term(LABELS, "operator_email", lang))
        mail = escaping.attribute(email)
        lines.append(f'{label}: <a href="mailto:{mail}">{escaping.inline(email)}</a>')
    phone = _setting_text(settings.get("phone"))
    if phone:
        lines.append(f"{escaping.inline(term(LABELS, 'operator_phone', lang))}: {escaping.inline(phone)}")
    return "  \n".join(lines)


def operator(settings: Mapping[str, Any], lang: str) -> str:
    """The imprint: the operator (:func:`contact`) with, for an organisation, who represents
    it and its register entry, then the person responsible for the content under § 18 Abs. 2
    MStV (``extra.operator.responsible``), each empty part shown as still to be added."""
    organisation = [
        f"{escaping.inline(term(LABELS, label, lang))}: {escaping.inline(value)}"
        for key, label in (("representative", "operator_representative"), ("register", "operator_register"))
        if (value := _setting_text(settings.get(key)))
    ]
    operator_part = contact(settings, lang)
    if organisation and _setting_text(settings.get("name")):
        operator_part = "  \n".join([operator_part, *organisation])
    responsible = settings.get("responsible")
    responsible = responsible if isinstance(responsible, Mapping) else {}
    label = f"__{escaping.inline(term(LABELS, 'operator_responsible', lang))}__"
    name = _setting_text(responsible.get("name"))
    if name:
        person = "  \n".join([label, escaping.inline(name), *_address_lines(responsible.get("address"))])
    else:
        person = f"{label}  \n*{escaping.inline(term(LABELS, 'details_missing', lang))}*"
    return f"{operator_part}\n\n{person}"


def _setting_text(value: Any) -> str:
    return str(value or "").strip()


def _address_lines(value: Any) -> list[str]:
    lines = value if isinstance(value, list) else [value]
    return [escaping.inline(text) for text in map(_setting_text, lines) if text]
