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


def _counted_table(prefix: str, *messages: tuple[str, tuple[str, str]]) -> CountedTerms:
    """``{key: {lang: forms}}`` of the counted messages ``<prefix>:<key>``, as ``_table``."""
    table: CountedTerms = {}
    for context, source in messages:
        table_name, _, key = context.partition(":")
        if table_name != prefix or context in DECLARED:
            raise ValueError(f"{context}: declared twice, or in the table of {prefix!r}")
        DECLARED[context] = source
        table[key] = {}
        for lang, found in _TRANSLATIONS.items():
            forms = found.texts.get(context)
            if isinstance(forms, tuple):
                table[key][lang] = forms
    return table


def _table(prefix: str, *messages: tuple[str, str]) -> Terms:
    """``{key: {lang: text}}`` of the messages ``<prefix>:<key>``; a language whose catalog
    has no usable translation of a message is left out of it (``missing_translations``)."""
    table: Terms = {}
    for context, source in messages:
        table_name, _, key = context.partition(":")
        if table_name != prefix or context in DECLARED:
            raise ValueError(f"{context}: declared twice, or in the table of {prefix!r}")
        DECLARED[context] = source
        texts = {}
        for lang, found in _TRANSLATIONS.items():
            text = found.texts.get(context)
            if isinstance(text, str):
                texts[lang] = text
        table[key] = texts
    return table


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

ALL_TERM_TABLES: dict[str, Terms] = {
    "SECTION_TITLES": SECTION_TITLES,
    "SECTION_INTROS": SECTION_INTROS,
    "KINDS": KINDS,
    "STATUSES": STATUSES,
    "LANGUAGE_NAMES": LANGUAGE_NAMES,
    "LABELS": LABELS,
    "VALUE_WORDS": VALUE_WORDS,
    "FIELDS": FIELDS,
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
    keys = ("search", "search_with_key", "close", "not_found_title", "not_found_text", "home")
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
