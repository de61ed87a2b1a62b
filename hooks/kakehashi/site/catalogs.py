"""The gettext catalogs that hold every word the generator writes, and what is wrong with them.

One catalog per language, ``locales/<lang>/LC_MESSAGES/kakehashi.po``, made from
the template ``locales/kakehashi.pot``. A message's context (``msgctxt``) is its
key, ``<table>:<key>`` such as ``kind:agreement``; its ``msgid`` is the English
source text that ``glossary.py`` declares. The ``.po`` files are read once per
process with Babel's ``read_po``; no compiled ``.mo`` file is used, so no
compiled file can be older than its source.
"""

from __future__ import annotations

import gettext
import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po

from kakehashi.site.languages import LANGUAGES

DOMAIN = "kakehashi"
LOCALES = Path(__file__).resolve().parent / "locales"
TEMPLATE = LOCALES / f"{DOMAIN}.pot"

# A message's source: its English text, or (singular, plural) for a count.
Source = str | tuple[str, str]


def catalog_path(lang: str, locales: Path = LOCALES) -> Path:
    return locales / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_catalog(path: Path) -> Catalog:
    with path.open("rb") as file:
        return read_po(file, domain=DOMAIN)


@dataclass(frozen=True)
class Translations:
    """The usable translations of one language: context → text (a tuple of forms for a count).

    A fuzzy or empty translation is left out: it is not yet a translation.
    """

    lang: str
    texts: Mapping[str, str | tuple[str, ...]]
    plural_forms: str  # the catalog's Plural-Forms header
    plural_index: Callable[[int], int]  # count → index of its form


def translations(lang: str, locales: Path = LOCALES) -> Translations:
    catalog = read_catalog(catalog_path(lang, locales))
    texts: dict[str, str | tuple[str, ...]] = {}
    for message in catalog:
        if not message.id or message.fuzzy or message.context is None:
            continue
        if isinstance(message.string, tuple | list):
            if all(message.string):
                texts[message.context] = tuple(message.string)
        elif message.string:
            texts[message.context] = message.string
    return Translations(lang, texts, catalog.plural_forms, gettext.c2py(catalog.plural_expr))


def load_all() -> dict[str, Translations]:
    return {lang: translations(lang) for lang in LANGUAGES}


# --- checks ------------------------------------------------------------------


def _fields(text: str) -> set[str]:
    """The ``{names}`` a text fills in."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def _sources(catalog: Catalog) -> dict[str, Source]:
    found: dict[str, Source] = {}
    for message in catalog:
        if message.id and message.context is not None:
            found[message.context] = (
                tuple(message.id) if isinstance(message.id, tuple | list) else message.id  # type: ignore[assignment]
            )
    return found


def problems(declared: Mapping[str, Source], locales: Path = LOCALES) -> list[str]:
    """Every way the catalogs differ from the messages ``declared`` in the code (context → source):
    a message missing, stale or out of date in the template or a catalog, a translation that is
    empty, fuzzy, lacks a plural form or drops a ``{name}`` of its source, and a Plural-Forms
    header other than CLDR's. Empty when the catalogs are complete."""
    found = []
    template_path = locales / TEMPLATE.name
    template = _sources(read_catalog(template_path))
    for context, source in declared.items():
        if template.get(context) != source:
            found.append(f"{template_path.name}: {context}: missing or out of date; run `make catalogs`")
    found += [f"{template_path.name}: {c}: not in the code" for c in template if c not in declared]
    for lang in LANGUAGES:
        path = catalog_path(lang, locales)
        name = f"{lang}/{path.name}"
        catalog = read_catalog(path)
        expected = get_plural(lang)
        if catalog.num_plurals != expected.num_plurals or catalog.plural_expr != expected.plural_expr:
            found.append(f"{name}: Plural-Forms is {catalog.plural_forms!r}, CLDR says {str(expected)!r}")
        if catalog.fuzzy:
            found.append(f"{name}: the catalog is marked fuzzy")
        messages = {m.context: m for m in catalog if m.id and m.context is not None}
        for context, source in declared.items():
            message = messages.get(context)
            if message is None:
                found.append(f"{name}: {context}: missing")
                continue
            message_id = tuple(message.id) if isinstance(message.id, tuple | list) else message.id
            if message_id != source:
                found.append(f"{name}: {context}: msgid {message_id!r} is not the source {source!r}")
            if message.fuzzy:
                found.append(f"{name}: {context}: fuzzy")
            forms = list(message.string) if isinstance(message.string, tuple | list) else [message.string]
            if isinstance(source, tuple) and len(forms) != catalog.num_plurals:
                found.append(f"{name}: {context}: {len(forms)} forms, Plural-Forms has {catalog.num_plurals}")
            if not all(forms):
                found.append(f"{name}: {context}: not translated")
                continue
            wanted = _fields(source if isinstance(source, str) else source[1])
            for form in forms:
                if _fields(form) != wanted:
                    found.append(f"{name}: {context}: {form!r} does not fill in exactly {sorted(wanted)}")
        found += [f"{name}: {c}: not in the code" for c in messages if c not in declared]
    return found
