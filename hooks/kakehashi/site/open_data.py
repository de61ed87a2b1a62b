"""Every dataset as files to download: JSON, CSV and its JSON Schema, under ``/data/``.

For each dataset of :func:`dataset_records` the site publishes

- ``data/<dataset>.json``: an object with the dataset's metadata (name, titles,
  licence, the site, the schema, the number of records, the latest ``updated``)
  and its ``records`` as they are in the YAML file (dates are ISO strings there);
- ``data/<dataset>.csv``: one row per record, UTF-8 with a byte order mark and
  CRLF line ends, so that spreadsheet programs read it as UTF-8. Columns are
  flattened (:func:`csv_columns`); every row ends with the licence's name and
  address in the columns ``licence`` and ``licence_url``;
- ``data/<dataset>.schema.json``: the project's schema of the dataset (it
  describes the ``records`` list), with ``common.schema.json`` beside it, so that
  its relative ``$ref`` resolve.

Cells are written as the data has them. A text starting with ``=``, ``+``,
``-`` or ``@`` is not altered: the files must give back exactly what the records
say (a longitude west of Greenwich starts with ``-``), and every record is
reviewed text from the project's own repository. The catalogue page tells
readers to import the CSV as text in a spreadsheet.

Each file is made with one ``json.dumps`` or one ``csv.writer`` per dataset,
from the loaded records, without copying them: linear in the number of records.
The files hold no build time; the same data gives the same bytes.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from kakehashi.site.downloads import Download
from kakehashi.site.glossary import dataset_title
from kakehashi.site.languages import LANGUAGES
from kakehashi.sources.loader import CITIES, SECTION_IDS, Data, Record
from kakehashi.sources.problems import Problem, SourceProblems

DATA_FOLDER = "data"
COMMON_SCHEMA = "common.schema.json"
DEFAULT_LICENCE = ("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/")
LICENCE_COLUMNS = ("licence", "licence_url")
CSV_BOM = "\ufeff"


def dataset_records(data: Data) -> dict[str, list[Record]]:
    """Every published dataset, in the catalogue's order: its name and its records in file order.

    A new dataset is one more line here; its schema is ``data/schema/<name>.schema.json``
    and its title ``dataset_title(name, lang)`` in the glossary.
    """
    return {
        CITIES: list(data.cities.values()),
        **{section: data.sections[section] for section in SECTION_IDS},
        "events": data.events,
    }


@dataclass(frozen=True)
class OpenDataSettings:
    """Where the site is published and under which licence its data is."""

    site_url: str = ""
    licence_name: str = DEFAULT_LICENCE[0]
    licence_url: str = DEFAULT_LICENCE[1]

    @classmethod
    def from_settings(cls, site_url: str | None, extra: Mapping[str, Any]) -> OpenDataSettings:
        """From ``site_url`` and ``extra.data_licence: {name, url}`` of mkdocs.yml (CC BY 4.0 if unset)."""
        licence = extra.get("data_licence")
        if licence is None:
            return cls(site_url or "")
        name = licence.get("name") if isinstance(licence, Mapping) else None
        url = licence.get("url") if isinstance(licence, Mapping) else None
        if not (isinstance(name, str) and name.strip() and isinstance(url, str) and url.startswith("http")):
            message = "give the licence of the data as {name: ..., url: https://...}"
            raise SourceProblems([Problem("mkdocs.yml", 1, 1, "extra.data_licence", message)])
        return cls(site_url or "", name.strip(), url.strip())

    def absolute(self, path: str) -> str:
        """The address of ``path`` (below the site root) on the published site."""
        return self.site_url.rstrip("/") + "/" + path


@dataclass(frozen=True)
class DataFile:
    """One published file of a dataset: what the catalogue says about it, and its bytes."""

    path: str  # below the site root: "data/cycling.csv"
    format: str  # "json", "csv" or "schema"
    content: bytes = field(repr=False)

    @property
    def size(self) -> int:
        return len(self.content)


@dataclass(frozen=True)
class DatasetExport:
    name: str
    records: list[Record] = field(repr=False)
    updated: str  # the latest ``updated`` of its records, "" for none
    files: list[DataFile]

    @property
    def count(self) -> int:
        return len(self.records)

    def file(self, kind: str) -> DataFile | None:
        return next((f for f in self.files if f.format == kind), None)


def data_path(name: str, suffix: str) -> str:
    return f"{DATA_FOLDER}/{name}{suffix}"


def export_datasets(
    data: Data,
    schema_files: Mapping[str, bytes],
    settings: OpenDataSettings,
    made: Mapping[str, bytes] | None = None,
) -> list[DatasetExport]:
    """The files of every dataset; ``schema_files`` are the bytes of ``data/schema/*.json`` by file name.

    ``made``: files made before from the same data and settings, by path; they are taken as they are.
    """
    made = made or {}
    common = _parsed(schema_files.get(COMMON_SCHEMA))
    exports = []
    for name, records in dataset_records(data).items():
        updated = max((r["updated"] for r in records if isinstance(r.get("updated"), str)), default="")
        schema = schema_files.get(f"{name}.schema.json")
        json_path, csv_path = data_path(name, ".json"), data_path(name, ".csv")
        json_file = made.get(json_path) or json_export(name, records, updated, settings)
        columns = schema_columns(_parsed(schema), common)
        csv_file = made.get(csv_path) or csv_export(records, columns, settings)
        files = [DataFile(json_path, "json", json_file), DataFile(csv_path, "csv", csv_file)]
        if schema is not None:
            files.append(DataFile(data_path(name, ".schema.json"), "schema", schema))
        exports.append(DatasetExport(name, records, updated, files))
    return exports


def downloads(exports: Iterable[DatasetExport], schema_files: Mapping[str, bytes]) -> list[Download]:
    """Every file of the exports, and the shared schema definitions their schemas refer to."""
    files = [Download(f.path, f.content) for export in exports for f in export.files]
    if COMMON_SCHEMA in schema_files:
        files.append(Download(f"{DATA_FOLDER}/{COMMON_SCHEMA}", schema_files[COMMON_SCHEMA]))
    return files


# --- JSON ----------------------------------------------------------------------


def json_metadata(name: str, count: int, updated: str, settings: OpenDataSettings) -> dict[str, Any]:
    return {
        "dataset": name,
        "title": {lang: dataset_title(name, lang) for lang in LANGUAGES},
        "licence": {"name": settings.licence_name, "url": settings.licence_url},
        "source": settings.absolute(""),
        "schema": settings.absolute(data_path(name, ".schema.json")),
        "record_count": count,
        "updated": updated,
    }


def json_export(name: str, records: list[Record], updated: str, settings: OpenDataSettings) -> bytes:
    """The dataset as one JSON object: metadata, then ``records`` as in the YAML file."""
    document = {**json_metadata(name, len(records), updated, settings), "records": records}
    # Compact: with an indent, json.dumps leaves its C encoder for a Python one.
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (text + "\n").encode("utf-8")


# --- CSV -----------------------------------------------------------------------

Column = str  # "title_de", "location_lat", "sources"


def _parsed(schema: bytes | None) -> dict[str, Any] | None:
    return json.loads(schema) if schema is not None else None


def schema_columns(schema: Mapping[str, Any] | None, common: Mapping[str, Any] | None = None) -> list[Column]:
    """The columns a dataset's schema names, in the schema's order.

    The flattening: a localized text gives one column per language
    (``title_de``, ``title_ja``, ``title_en``); an object gives one column per
    property, named with ``_`` (``location_lat``, ``location_label_en``,
    ``length_value``); a list (``sources``, ``related``) is one cell holding
    the list as JSON. ``common`` holds the definitions the schema refers to; the
    schema's own ``definitions`` (``#/definitions/…``) are read from it.
    """
    if not schema:
        return []
    definitions = {
        "common": (common or {}).get("definitions") or {},
        "own": schema.get("definitions") or {},
    }
    properties = (schema.get("items") or {}).get("properties") or {}
    return [column for name, part in properties.items() for column in _columns(name, part, definitions)]


def _columns(
    name: str, part: Mapping[str, Any], definitions: Mapping[str, Mapping[str, Any]], where: str = "own"
) -> list[Column]:
    """``where``: the schema ``part`` is written in, "own" or "common", which a ``#/…`` reference means."""
    ref = part.get("$ref")
    if isinstance(ref, str) and "#/definitions/" in ref:
        where = where if ref.startswith("#") else "common"
        resolved = definitions[where].get(ref.rpartition("/")[2])
        if resolved is None:  # not found: the data decides the columns
            return []
        part = resolved
    names = (part.get("propertyNames") or {}).get("enum")
    if names and set(names) <= set(LANGUAGES):
        return [f"{name}_{lang}" for lang in LANGUAGES]
    if part.get("type") == "object" and "properties" in part:
        return [
            c
            for key, sub in part["properties"].items()
            for c in _columns(f"{name}_{key}", sub, definitions, where)
        ]
    return [name]


def _is_localized(value: Mapping[str, Any]) -> bool:
    return bool(value) and all(key in LANGUAGES and isinstance(text, str) for key, text in value.items())


# Numbers, true/false and lists as JSON, the same text the JSON file has (one encoder, made once).
_as_json = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode


def flatten(record: Mapping[str, Any], prefix: str = "") -> dict[Column, str]:
    """A record's values by column, each as the text of its cell (see :func:`schema_columns`)."""
    cells: dict[Column, str] = {}
    for key, value in record.items():
        name = prefix + key
        if isinstance(value, str):
            cells[name] = value
        elif isinstance(value, Mapping):
            if _is_localized(value):
                for lang, text in value.items():
                    cells[f"{name}_{lang}"] = text
            else:
                cells.update(flatten(value, f"{name}_"))
        else:
            cells[name] = _as_json(value)
    return cells


def csv_columns(schema_order: list[Column], rows: Iterable[Mapping[Column, str]]) -> list[Column]:
    """The schema's columns, then any other column the data has, sorted.

    A field the schema does not describe yet still gets its column, after the known ones.
    """
    known = dict.fromkeys(schema_order)
    extra = {column for row in rows for column in row if column not in known}
    # A localized field the schema does not describe still gets all three languages.
    for name, lang in [_field_and_language(column) for column in extra]:
        if lang is not None:
            extra.update(f"{name}_{other}" for other in LANGUAGES)
    return [*known, *sorted(extra, key=_by_field)]


def _field_and_language(column: Column) -> tuple[str, str | None]:
    field, _, lang = column.rpartition("_")
    return (field, lang) if field and lang in LANGUAGES else (column, None)


def _by_field(column: Column) -> tuple[str, int]:
    """A field's columns together, its languages in the site's order."""
    field, lang = _field_and_language(column)
    return field, -1 if lang is None else LANGUAGES.index(lang)


def csv_export(records: list[Record], schema_order: list[Column], settings: OpenDataSettings) -> bytes:
    """One row per record, a header row first; UTF-8 with a byte order mark, CRLF line ends.

    ``schema_order``: the columns of the dataset's schema (:func:`schema_columns`).
    """
    rows = [flatten(record) for record in records]
    columns = csv_columns(schema_order, rows)
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([*columns, *LICENCE_COLUMNS])
    licence = [settings.licence_name, settings.licence_url]
    writer.writerows([row.get(column, "") for column in columns] + licence for row in rows)
    return (CSV_BOM + out.getvalue()).encode("utf-8")
