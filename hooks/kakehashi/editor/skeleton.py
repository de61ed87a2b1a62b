"""A new record to fill in: every required field of its schema, left empty on purpose.

The skeleton fails ``kakehashi check`` until every field is filled, so that a
half-written record never reaches the site; the check names each field left.
It is appended to the data file as text, leaving the file's own text as it is.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft7Validator

from kakehashi.sources.schema import record_schema, resolve


class SkeletonError(ValueError):
    """The record cannot be added; the message says why, for the editor."""


def check_new_id(schema_dir: Path, name: str, record_id: str, existing_ids: set[str]) -> None:
    """Raise :class:`SkeletonError` unless ``record_id`` is a valid, unused id."""
    record, resolver = record_schema(schema_dir, name)
    id_schema, _ = resolve(record["properties"]["id"], resolver)
    if not Draft7Validator(id_schema).is_valid(record_id):
        rule = id_schema.get("errorMessage", "not a valid id")
        raise SkeletonError(f"'{record_id}' cannot be an id: {rule}")
    if record_id in existing_ids:
        raise SkeletonError(f"the id '{record_id}' is already used in data/{name}.yml")


def skeleton(schema_dir: Path, name: str, record_id: str) -> dict[str, Any]:
    """A record of ``<name>.yml`` with every required field, in the schema's order."""
    record, resolver = record_schema(schema_dir, name)
    values = _empty(record, resolver)
    values["id"] = record_id
    return values


def _empty(node: dict, resolver: Any) -> Any:
    """The empty value of a schema node: "" for every leaf, so that it fails the check."""
    node, resolver = resolve(node, resolver)
    names = node.get("propertyNames", {}).get("enum")
    if names:  # a localized text: one entry per language
        return {lang: _empty(node.get("additionalProperties", {}), resolver) for lang in names}
    if node.get("type") == "object" or "properties" in node:
        properties = node.get("properties", {})
        required = set(node.get("required", []))
        return {key: _empty(value, resolver) for key, value in properties.items() if key in required}
    if node.get("type") == "array":
        return [_empty(node.get("items", {}), resolver)]
    return ""


def record_text(record: dict[str, Any]) -> str:
    """One record as a YAML list item in the style of the data files (block style, 2 spaces)."""
    lines = _mapping_lines(record, indent=2)
    lines[0] = "- " + lines[0].lstrip()
    return "\n".join(lines) + "\n"


def _mapping_lines(mapping: dict[str, Any], indent: int) -> list[str]:
    pad = " " * indent
    lines = []
    for key, value in mapping.items():
        if isinstance(value, dict):
            lines += [f"{pad}{key}:", *_mapping_lines(value, indent + 2)]
        elif isinstance(value, list):
            lines.append(f"{pad}{key}:")
            for item in value:
                if isinstance(item, dict):
                    item_lines = _mapping_lines(item, indent + 4)
                    item_lines[0] = f"{pad}  - {item_lines[0].lstrip()}"
                    lines += item_lines
                else:
                    lines.append(f"{pad}  - {_scalar(item)}")
        else:
            lines.append(f"{pad}{key}: {_scalar(value)}")
    return lines


def _scalar(value: str) -> str:
    """Plain where YAML reads it back as the same text (ids), else double-quoted."""
    if value and yaml.safe_load(value) == value:
        return value
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def appended(text: str, record_yaml: str) -> tuple[str, int]:
    """``text`` with the record added at its end, and the line the record starts on.

    Records are separated by a blank line, as in the shipped data files.
    """
    separator = ""
    if text and not text.endswith("\n"):
        separator = "\n"
    if text.strip() and not (text + separator).endswith("\n\n"):
        separator += "\n"
    head = text + separator
    return head + record_yaml, head.count("\n") + 1


def check_appended(new_text: str, record_id: str, records_before: int) -> None:
    """Raise :class:`SkeletonError` unless the new text holds the old records plus this one.

    Appending lines extends a list written as lines starting with '- '; a list
    written otherwise (``[...]``) would break.
    """
    try:
        records = yaml.safe_load(new_text)
    except yaml.YAMLError:
        records = None
    if (
        not isinstance(records, list)
        or len(records) != records_before + 1
        or not isinstance(records[-1], dict)
        or records[-1].get("id") != record_id
    ):
        raise SkeletonError(
            "cannot add the record at the end of the file: write the list of records as lines "
            "starting with '- ', then try again"
        )
