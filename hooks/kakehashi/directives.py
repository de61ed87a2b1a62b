"""Generated parts of editorial pages: section cards, the timeline, the operator."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from . import escaping, formatting
from .glossary import LABELS, SECTION_INTROS, SECTIONS, term
from .loader import SECTIONS as SECTION_NAMES
from .loader import Data
from .markdown import PageWriter, link
from .pages import record_key, section_index_key


def sections(data: Data, page_key: str, lang: str) -> str:
    """Four cards leading to the section index pages, with their record counts."""
    items = []
    for section in SECTION_NAMES:
        title = escaping.inline(term(SECTIONS, section, lang))
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
    writer = PageWriter(lang)
    items = []
    for record in sorted(data.sections["projects"], key=lambda r: (r["date"], r["id"])):
        when = escaping.inline(formatting.period(record["date"], record.get("date_end"), lang))
        title = link(writer.inline(record["title"]), page_key, record_key("projects", record["id"]))
        items.append(f"- __{when}__ – {title}  \n  {writer.inline(record['summary'])}")
    listing = "\n".join(items)
    notice = writer.notice()
    return f"{notice}\n\n{listing}" if notice else listing


def operator(settings: Mapping[str, Any], lang: str) -> str:
    """The site operator from ``extra.operator`` in mkdocs.yml, or a notice that it is missing."""
    name = str(settings.get("name") or "").strip()
    if not name:
        return f"*{escaping.inline(term(LABELS, 'operator_missing', lang))}*"
    lines = [f"__{escaping.inline(name)}__"]
    lines += [escaping.inline(str(line)) for line in settings.get("address") or []]
    email = str(settings.get("email") or "").strip()
    if email:
        label = escaping.inline(term(LABELS, "operator_email", lang))
        mail = escaping.attribute(email)
        lines.append(f'{label}: <a href="mailto:{mail}">{escaping.inline(email)}</a>')
    phone = str(settings.get("phone") or "").strip()
    if phone:
        lines.append(f"{escaping.inline(term(LABELS, 'operator_phone', lang))}: {escaping.inline(phone)}")
    return "  \n".join(lines)
