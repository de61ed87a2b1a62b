"""Generated parts of editorial pages: section cards, the timeline, the operator, the glossary."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kakehashi.site import escaping, formatting
from kakehashi.site.glossary import (
    KINDS,
    LABELS,
    LANGUAGE_NAMES,
    SECTION_INTROS,
    SECTION_TITLES,
    STATUSES,
    term,
)
from kakehashi.site.languages import LANGUAGES
from kakehashi.site.markdown_blocks import LocalizedText, link
from kakehashi.site.urls import record_key, section_index_key
from kakehashi.sources.loader import SECTION_IDS, Data


def sections(data: Data, page_key: str, lang: str) -> str:
    """Four cards leading to the section index pages, with their record counts."""
    items = []
    for section in SECTION_IDS:
        title = escaping.inline(term(SECTION_TITLES, section, lang))
        count = term(LABELS, "records", lang).format(count=len(data.sections[section]))
        items.append(
            f"-   {link(f'__{title}__', page_key, section_index_key(section))}\n\n"
            f"    {escaping.inline(term(SECTION_INTROS, section, lang))}\n\n"
            f"    {escaping.inline(count)}"
        )
    return '<div class="grid cards" markdown>\n\n' + "\n\n".join(items) + "\n\n</div>"


def timeline(data: Data, page_key: str, lang: str) -> str:
    """Every partnership project by date, oldest first; above it, the translation
    notice if any of its texts is shown in another language."""
    writer = LocalizedText(lang)
    items = []
    for record in sorted(data.sections["projects"], key=lambda r: (r["date"], r["id"])):
        when = escaping.inline(formatting.period(record["date"], record.get("date_end"), lang))
        title = link(writer.inline(record["title"]), page_key, record_key("projects", record["id"]))
        items.append(f"- __{when}__ – {title}  \n  {writer.inline(record['summary'])}")
    listing = "\n".join(items)
    notice = writer.notice()
    return f"{notice}\n\n{listing}" if notice else listing


def glossary(lang: str) -> str:
    """The glossary's section names, kinds and statuses as tables, the reader's language first:
    the terms translators use, as the site shows them."""
    order = [lang, *(other for other in LANGUAGES if other != lang)]

    def cell(text: str, text_lang: str) -> str:
        words = escaping.inline(text)
        return words if text_lang == lang else f'<span lang="{text_lang}">{words}</span>'

    tables = []
    for label, terms in (("section", SECTION_TITLES), ("kind", KINDS), ("status", STATUSES)):
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
