"""Translation coverage: which texts exist in which language, and what readers get instead.

:func:`translation_report` is a pure function from the loaded data and the
editorial pages to a :class:`TranslationReport`; the ``kakehashi status``
command prints it, and :func:`render_page` turns it into the site's
translation status page (not in the nav, reached by its URL).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from kakehashi.site import escaping
from kakehashi.site.editorial import EditorialPage, page_title
from kakehashi.site.glossary import FIELDS, LABELS, LANGUAGE_NAMES, SECTION_TITLES, VALUE_WORDS, term
from kakehashi.site.languages import FALLBACK_CHAINS, LANGUAGES, first_available
from kakehashi.site.markdown_blocks import LocalizedText, front_matter, link, page
from kakehashi.site.urls import record_key, section_index_key
from kakehashi.sources.loader import SECTION_IDS, Data, Record

PAGE_KEY = "translation-status"


@dataclass(frozen=True)
class MissingText:
    """A text of a record that is missing in one language."""

    section: str
    record_id: str
    field: str  # "title", "location.label"
    lang: str  # the language it is missing in
    shown_in: str  # the language its readers get instead

    def __str__(self) -> str:
        return f"{self.section}/{self.record_id}: {self.field} ({self.lang})"


@dataclass(frozen=True)
class SectionCoverage:
    section: str
    records: int
    complete: dict[str, int]  # lang → records with every text in that language
    missing: tuple[MissingText, ...]


@dataclass(frozen=True)
class MissingPage:
    """An editorial page that has no file in one language."""

    key: str
    lang: str
    shown_in: str

    def __str__(self) -> str:
        return f"content/{self.lang}/{self.key}.md"


@dataclass(frozen=True)
class TranslationReport:
    sections: tuple[SectionCoverage, ...]
    pages: int
    pages_complete: dict[str, int]  # lang → editorial pages with a file in that language
    missing_pages: tuple[MissingPage, ...]

    @property
    def complete(self) -> bool:
        return not self.missing_pages and not any(s.missing for s in self.sections)


def localized_texts(record: Mapping[str, Any], prefix: str = "") -> Iterator[tuple[str, Mapping[str, str]]]:
    """Every localized text of a record as (field path, texts by language).

    A localized text is a mapping from language codes to text; the schemas
    allow no other mapping with only such keys.
    """
    for name, value in record.items():
        field = f"{prefix}{name}"
        if isinstance(value, Mapping) and value and set(value) <= set(LANGUAGES):
            yield field, value
        elif isinstance(value, Mapping):
            yield from localized_texts(value, f"{field}.")


def missing_texts(section: str, record: Record) -> list[MissingText]:
    missing = []
    for field, texts in localized_texts(record):
        available = {lang for lang, text in texts.items() if text}
        for lang in LANGUAGES:
            if lang not in available:
                shown_in = first_available(available, lang)
                assert shown_in is not None  # the schema requires at least one language
                missing.append(MissingText(section, record["id"], field, lang, shown_in))
    return missing


def translation_report(data: Data, editorial: Mapping[str, EditorialPage]) -> TranslationReport:
    sections = []
    for section in SECTION_IDS:
        records = data.sections[section]
        missing_by_record = [missing_texts(section, record) for record in records]
        complete = {
            lang: sum(1 for missing in missing_by_record if all(m.lang != lang for m in missing))
            for lang in LANGUAGES
        }
        missing = tuple(m for record_missing in missing_by_record for m in record_missing)
        sections.append(SectionCoverage(section, len(records), complete, missing))
    missing_pages = []
    for key, editorial_page in editorial.items():
        available = set(editorial_page.texts)
        for lang in LANGUAGES:
            if lang not in available:
                shown_in = first_available(available, lang)
                assert shown_in is not None  # a page exists because one of its files does
                missing_pages.append(MissingPage(key, lang, shown_in))
    pages_complete = {
        lang: sum(1 for editorial_page in editorial.values() if lang in editorial_page.texts)
        for lang in LANGUAGES
    }
    return TranslationReport(tuple(sections), len(editorial), pages_complete, tuple(missing_pages))


# --- the site's page ---------------------------------------------------------


def render_page(
    data: Data, editorial: Mapping[str, EditorialPage], lang: str, report: TranslationReport | None = None
) -> str:
    """The translation status page for readers of ``lang``.

    ``report`` is the report of ``data`` and ``editorial`` where it is made
    already: a site renders the page in every language from one report.
    """
    report = report or translation_report(data, editorial)
    writer = LocalizedText(lang)
    title = term(LABELS, "translation_status", lang)
    intro = term(LABELS, "translation_status_intro", lang)
    status = [_fallback_order(lang), _coverage_table(report, lang)]
    if report.complete:
        status.append(escaping.inline(term(LABELS, "all_translated", lang)))
    for coverage in report.sections:
        if coverage.missing:
            status.append(_section_gaps(data, coverage, writer))
    if report.missing_pages:
        status.append(_page_gaps(editorial, report.missing_pages, writer))
    # Out of the search index: a search for an entry should find the entry, not this list.
    listing = '<div data-pagefind-ignore="all" markdown>\n\n' + "\n\n".join(status) + "\n\n</div>"
    return page(
        front_matter(title, intro), escaping.inline(title), writer.notice(), [escaping.inline(intro), listing]
    )


def _language(lang: str, reader: str) -> str:
    return term(LANGUAGE_NAMES, lang, reader)


def _labelled(label_markdown: str, value_markdown: str, lang: str) -> str:
    # The pattern is glossary punctuation (": " or "："), safe as it is.
    return term(VALUE_WORDS, "labelled", lang).format(label=label_markdown, value=value_markdown)


def _fallback_order(lang: str) -> str:
    items = [
        "- "
        + _labelled(
            f"__{escaping.inline(_language(reader, lang))}__",
            " → ".join(escaping.inline(_language(other, lang)) for other in FALLBACK_CHAINS[reader][1:]),
            lang,
        )
        for reader in LANGUAGES
    ]
    return "\n".join([escaping.inline(term(LABELS, "fallback_order", lang)), "", *items])


def _count(complete: int, total: int, lang: str) -> str:
    if complete == total:
        return escaping.inline(term(LABELS, "status_complete", lang))
    return escaping.inline(term(LABELS, "status_partial", lang).format(complete=complete, total=total))


def _coverage_table(report: TranslationReport, lang: str) -> str:
    header = [term(LABELS, "status_section", lang), term(LABELS, "status_entries", lang)]
    header += [_language(other, lang) for other in LANGUAGES]
    rows = ["| " + " | ".join(escaping.inline(cell) for cell in header) + " |"]
    rows.append("| --- | ---: |" + " --- |" * len(LANGUAGES))
    for coverage in report.sections:
        name = link(
            escaping.inline(term(SECTION_TITLES, coverage.section, lang)),
            PAGE_KEY,
            section_index_key(coverage.section),
        )
        counts = [_count(coverage.complete[other], coverage.records, lang) for other in LANGUAGES]
        rows.append(f"| {name} | {coverage.records} | " + " | ".join(counts) + " |")
    counts = [_count(report.pages_complete[other], report.pages, lang) for other in LANGUAGES]
    other_pages = escaping.inline(term(LABELS, "other_pages", lang))
    rows.append(f"| {other_pages} | {report.pages} | " + " | ".join(counts) + " |")
    return "\n".join(rows)


def _shown_in(lang: str, reader: str) -> str:
    return escaping.inline(term(LABELS, "shown_in", reader).format(language=_language(lang, reader)))


def _gaps_by_language(title: str, items_by_lang: dict[str, list[str]], lang: str) -> str:
    """A heading, then per language with gaps a bold line and a list."""
    parts = [f"## {title}"]
    for missing_lang in LANGUAGES:
        items = items_by_lang.get(missing_lang)
        if items:
            label = term(LABELS, "missing_in", lang).format(language=_language(missing_lang, lang))
            parts += [f"__{escaping.inline(label)}__", "\n".join(f"- {item}" for item in items)]
    return "\n\n".join(parts)


def _section_gaps(data: Data, coverage: SectionCoverage, writer: LocalizedText) -> str:
    lang = writer.lang
    records = {record["id"]: record for record in data.sections[coverage.section]}
    # (missing language, record id) → shown-in language → field names, in file order
    gaps: dict[tuple[str, str], dict[str, list[str]]] = {}
    for missing in coverage.missing:
        fields = gaps.setdefault((missing.lang, missing.record_id), {}).setdefault(missing.shown_in, [])
        fields.append(term(FIELDS, missing.field, lang))
    items_by_lang: dict[str, list[str]] = {}
    for (missing_lang, record_id), by_shown_in in gaps.items():
        groups = [
            term(VALUE_WORDS, "with_note", lang).format(
                text=escaping.inline(term(LABELS, "field_joiner", lang).join(fields)),
                note=_shown_in(shown_in, lang),
            )
            for shown_in, fields in by_shown_in.items()
        ]
        title = writer.inline(records[record_id]["title"])
        record_link = link(title, PAGE_KEY, record_key(coverage.section, record_id))
        joiner = escaping.inline(term(LABELS, "group_joiner", lang))
        items_by_lang.setdefault(missing_lang, []).append(_labelled(record_link, joiner.join(groups), lang))
    section_title = escaping.inline(term(SECTION_TITLES, coverage.section, lang))
    return _gaps_by_language(section_title, items_by_lang, lang)


def _page_gaps(
    editorial: Mapping[str, EditorialPage], missing_pages: tuple[MissingPage, ...], writer: LocalizedText
) -> str:
    lang = writer.lang
    items_by_lang: dict[str, list[str]] = {}
    for missing in missing_pages:
        editorial_page = editorial[missing.key]
        titles = {text_lang: page_title(editorial_page, text_lang) for text_lang in editorial_page.texts}
        page_link = link(writer.inline(titles), PAGE_KEY, missing.key)
        item = _labelled(page_link, _shown_in(missing.shown_in, lang), lang)
        items_by_lang.setdefault(missing.lang, []).append(item)
    return _gaps_by_language(escaping.inline(term(LABELS, "other_pages", lang)), items_by_lang, lang)
