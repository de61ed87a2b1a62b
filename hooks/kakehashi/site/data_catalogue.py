"""The open data catalogue page (``/data/``, ``/ja/data/``, ``/en/data/``) and the links to it.

The page lists every file of :mod:`kakehashi.site.open_data` with its format,
size, number of records, last update and licence, explains the files, and
carries the same catalogue as DCAT-AP metadata in JSON-LD, for open data
portals to harvest: a ``dcat:Catalog`` whose ``dcat:Dataset``s have one
``dcat:Distribution`` per file format.
"""

from __future__ import annotations

import json
import string
from collections.abc import Mapping
from typing import Any

from kakehashi.site import escaping, events, formatting
from kakehashi.site.downloads import href
from kakehashi.site.glossary import LABELS, VALUE_WORDS, dataset_intro, dataset_title, term
from kakehashi.site.languages import DEFAULT_LANGUAGE, LANGUAGES
from kakehashi.site.markdown_blocks import LocalizedText, front_matter, link, page
from kakehashi.site.open_data import DataFile, DatasetExport, OpenDataSettings
from kakehashi.site.urls import absolute_url, section_index_key
from kakehashi.sources.loader import SECTION_IDS, Data, Record

CATALOGUE_KEY = "data/index"
# Editorial pages may not use this folder: the page and the files live there.
CATALOGUE_FOLDER = "data"

# DCAT-AP names formats and media types by these vocabularies.
_FILE_TYPES = {"json": "JSON", "csv": "CSV", "schema": "JSON"}
_MEDIA_TYPES = {"json": "application/json", "csv": "text/csv", "schema": "application/schema+json"}
_FILE_TYPE_VOCABULARY = "http://publications.europa.eu/resource/authority/file-type/"
_MEDIA_TYPE_VOCABULARY = "https://www.iana.org/assignments/media-types/"
_LANGUAGE_VOCABULARY = "http://publications.europa.eu/resource/authority/language/"
_LANGUAGE_CODES = {"de": "DEU", "ja": "JPN", "en": "ENG"}
_CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
# Distributions: the data itself; the schema is what they conform to.
_DISTRIBUTED = ("json", "csv")


def fill(template: str, **parts: str) -> str:
    """A glossary text as safe Markdown, its ``{placeholders}`` replaced by Markdown made elsewhere."""
    pieces = []
    for literal, name, _, _ in string.Formatter().parse(template):
        text = literal.strip(" ")
        if text:  # the spaces around a placeholder stay as they are
            lead, trail = literal[: literal.index(text)], literal[literal.index(text) + len(text) :]
            pieces += [lead, escaping.inline(text), trail]
        else:
            pieces.append(literal)
        if name is not None:
            pieces.append(parts[name])
    return "".join(pieces)


def file_link(data_file: DataFile, from_key: str, lang: str) -> str:
    name = data_file.path.rpartition("/")[2]
    return f'<a href="{escaping.attribute(href(data_file.path, from_key, lang))}">{escaping.inline(name)}</a>'


def licence_link(settings: OpenDataSettings) -> str:
    return (
        f'<a href="{escaping.attribute(settings.licence_url)}">{escaping.inline(settings.licence_name)}</a>'
    )


def section_note(export: DatasetExport, settings: OpenDataSettings, from_key: str, lang: str) -> str:
    """The line under a section's index: its files, their licence and the catalogue."""
    joiner = term(VALUE_WORDS, "fact_joiner", lang)
    files = joiner.join(file_link(f, from_key, lang) for f in export.files if f.format in _DISTRIBUTED)
    catalogue = link(escaping.inline(term(LABELS, "open_data", lang)), from_key, CATALOGUE_KEY)
    text = fill(
        term(LABELS, "open_data_section", lang),
        files=files,
        licence=licence_link(settings),
        catalogue=catalogue,
    )
    return f'<p class="kk-open-data" markdown>{text}</p>'


def render_catalogue(
    data: Data,
    exports: list[DatasetExport],
    settings: OpenDataSettings,
    operator: Mapping[str, Any],
    lang: str,
) -> str:
    writer = LocalizedText(lang)
    words = lambda name: term(LABELS, name, lang)  # noqa: E731 - a local shorthand
    title = words("open_data")
    blocks = [
        escaping.inline(words("open_data_intro")),
        fill(words("open_data_licence"), licence=licence_link(settings)),
    ]
    for export in exports:
        blocks.append(f"## {escaping.inline(dataset_title(export.name, lang))}")
        facts = [escaping.inline(dataset_intro(export.name, lang))]
        cities = _cities(data, export.records)
        if cities:
            names = term(LABELS, "field_joiner", lang).join(writer.inline(city["name"]) for city in cities)
            facts.append(
                term(VALUE_WORDS, "labelled", lang).format(
                    label=escaping.inline(words("cities_covered")), value=names
                )
            )
        blocks.append("  \n".join(facts))
        blocks.append(_file_table(export, settings, lang))
    blocks.append(f"## {escaping.inline(words('open_data_about_files'))}")
    blocks.append(
        "\n".join(
            f"- {escaping.inline(words(name))}"
            for name in ("open_data_json", "open_data_csv", "open_data_formulas", "open_data_schema")
        )
    )
    blocks.append(json_ld_script(data, exports, settings, operator))
    front = front_matter(title, words("open_data_intro"))
    return page(front, escaping.inline(title), writer.notice(), blocks)


def _file_table(export: DatasetExport, settings: OpenDataSettings, lang: str) -> str:
    words = lambda name: escaping.inline(term(LABELS, name, lang))  # noqa: E731 - a local shorthand
    header = [words(name) for name in ("file", "format", "size", "status_entries", "last_update", "licence")]
    count = escaping.inline(formatting.number(export.count, lang))
    updated = (
        f'<time datetime="{escaping.attribute(export.updated)}">'
        f"{escaping.inline(formatting.partial_date(export.updated, lang))}</time>"
        if export.updated
        else "–"
    )
    rows = []
    for data_file in export.files:
        shown = escaping.inline(formatting.file_size(data_file.size, lang))
        size = f'<data value="{data_file.size}">{shown}</data>'
        described = data_file.format in _DISTRIBUTED
        cells = [
            file_link(data_file, CATALOGUE_KEY, lang),
            words(f"format_{data_file.format}"),
            size,
            count if described else "–",
            updated if described else "–",
            licence_link(settings),
        ]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(["| " + " | ".join(header) + " |", "|---" * len(header) + "|", *rows])


def _cities(data: Data, records: list[Record]) -> list[Record]:
    """The cities a dataset's records are in, in the order of cities.yml (every city for the cities)."""
    named = {record.get("city") for record in records}
    if named == {None}:  # the cities themselves
        named = {record.get("id") for record in records}
    return [city for city_id, city in data.cities.items() if city_id in named]


# --- DCAT-AP ---------------------------------------------------------------


def _texts(texts: Mapping[str, str]) -> list[dict[str, str]]:
    return [{"@value": texts[lang], "@language": lang} for lang in LANGUAGES if texts.get(lang)]


def _in_every_language(make: Any) -> list[dict[str, str]]:
    return _texts({lang: make(lang) for lang in LANGUAGES})


def catalogue_json_ld(
    data: Data, exports: list[DatasetExport], settings: OpenDataSettings, operator: Mapping[str, Any]
) -> dict[str, Any]:
    """The catalogue as DCAT-AP in JSON-LD, with every title in every language."""
    catalogue_url = absolute_url(settings.site_url, CATALOGUE_KEY, DEFAULT_LANGUAGE)
    licence = {"@id": settings.licence_url}
    datasets = []
    for export in exports:
        modified = {"@value": export.updated, "@type": "xsd:date"} if export.updated else None
        schema = export.file("schema")
        distributions = []
        for data_file in export.files:
            if data_file.format not in _DISTRIBUTED:
                continue
            label = _FILE_TYPES[data_file.format]
            distribution = {
                "@id": f"{catalogue_url}#{export.name}-{data_file.format}",
                "@type": "dcat:Distribution",
                "dct:title": _in_every_language(
                    lambda lang, name=export.name, label=label: term(VALUE_WORDS, "with_note", lang).format(
                        text=dataset_title(name, lang), note=label
                    )
                ),
                "dcat:accessURL": {"@id": catalogue_url},
                "dcat:downloadURL": {"@id": settings.absolute(data_file.path)},
                "dcat:mediaType": {"@id": _MEDIA_TYPE_VOCABULARY + _MEDIA_TYPES[data_file.format]},
                "dct:format": {"@id": _FILE_TYPE_VOCABULARY + label},
                "dcat:byteSize": {"@value": str(data_file.size), "@type": "xsd:nonNegativeInteger"},
                "dct:license": licence,
            }
            if modified:
                distribution["dct:modified"] = modified
            if schema:
                distribution["dct:conformsTo"] = {"@id": settings.absolute(schema.path)}
            distributions.append(distribution)
        landing = catalogue_url
        if export.name in SECTION_IDS:
            landing = absolute_url(settings.site_url, section_index_key(export.name), DEFAULT_LANGUAGE)
        elif export.name == events.PAGE_KEY:
            landing = absolute_url(settings.site_url, events.PAGE_KEY, DEFAULT_LANGUAGE)
        dataset = {
            "@id": f"{catalogue_url}#{export.name}",
            "@type": "dcat:Dataset",
            "dct:identifier": export.name,
            "dct:title": _in_every_language(lambda lang, name=export.name: dataset_title(name, lang)),
            "dct:description": _in_every_language(lambda lang, name=export.name: dataset_intro(name, lang)),
            "dcat:landingPage": {"@id": landing},
            "dct:spatial": [
                {"@type": "dct:Location", "skos:prefLabel": _texts(city["name"])}
                for city in _cities(data, export.records)
            ],
            "dcat:distribution": distributions,
        }
        if modified:
            dataset["dct:modified"] = modified
        datasets.append(dataset)
    catalogue: dict[str, Any] = {
        "@context": _CONTEXT,
        "@id": catalogue_url,
        "@type": "dcat:Catalog",
        "dct:title": _in_every_language(lambda lang: term(LABELS, "open_data", lang)),
        "dct:description": _in_every_language(lambda lang: term(LABELS, "open_data_intro", lang)),
        "dct:language": [{"@id": _LANGUAGE_VOCABULARY + _LANGUAGE_CODES[lang]} for lang in LANGUAGES],
        "dct:license": licence,
        "foaf:homepage": {"@id": absolute_url(settings.site_url, "index", DEFAULT_LANGUAGE)},
        "dcat:dataset": datasets,
    }
    name = str(operator.get("name") or "").strip()
    if name:
        catalogue["dct:publisher"] = {"@type": "foaf:Agent", "foaf:name": name}
    updated = max((export.updated for export in exports), default="")
    if updated:
        catalogue["dct:modified"] = {"@value": updated, "@type": "xsd:date"}
    return catalogue


def json_ld_script(
    data: Data, exports: list[DatasetExport], settings: OpenDataSettings, operator: Mapping[str, Any]
) -> str:
    """The JSON-LD as a ``<script>`` block that no text can end or break.

    ``<``, ``>`` and ``&`` occur only inside JSON strings, where ``\\u003c`` and
    the like mean the same: no ``</script>`` and no comment can appear.
    """
    text = json.dumps(
        catalogue_json_ld(data, exports, settings, operator), ensure_ascii=False, sort_keys=True
    )
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    # Line breaks of the text stay escaped by json.dumps (\\n); U+2028/9 end lines in old parsers.
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f'<script type="application/ld+json">{text}</script>'
