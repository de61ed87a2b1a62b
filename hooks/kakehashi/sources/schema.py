"""Check a data file against its JSON Schema and word the findings for editors."""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jsonschema import Draft7Validator
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7

from kakehashi.base.fingerprints import file_stamps
from kakehashi.sources.problems import Problem
from kakehashi.sources.yaml_source import YamlDocument

if TYPE_CHECKING:  # referencing does not export its Resolver class
    from referencing._core import Resolver

_COMMON = "common.schema.json"


def _registry(schema_dir: Path) -> Registry:
    """The common definitions, so that ``$ref``s to them resolve locally, as they do in editors."""
    return _compiled_registry(schema_dir, schema_stamps(schema_dir))


# Keyed by the schema files' stamps as well: under `mkdocs serve` the process
# outlives an edit of a schema, which must take effect at the next reload.
@lru_cache(maxsize=8)
def _compiled_registry(schema_dir: Path, stamps: tuple) -> Registry:
    common = json.loads((schema_dir / _COMMON).read_text("utf-8"))
    return Registry().with_resource(_COMMON, Resource.from_contents(common))


def schema_stamps(schema_dir: Path) -> tuple:
    """The stamps of every schema file: they change when an editor changes a schema."""
    return file_stamps(schema_dir.parent, [schema_dir.name])


def _schema(schema_dir: Path, name: str) -> dict:
    return json.loads((schema_dir / f"{name}.schema.json").read_text("utf-8"))


def validator(schema_dir: Path, name: str) -> Draft7Validator:
    """The validator of ``<schema_dir>/<name>.schema.json`` as the schema files are now."""
    return _compiled_validator(schema_dir, name, schema_stamps(schema_dir))


@lru_cache(maxsize=32)
def _compiled_validator(schema_dir: Path, name: str, stamps: tuple) -> Draft7Validator:
    schema = _schema(schema_dir, name)
    Draft7Validator.check_schema(schema)
    return Draft7Validator(schema, registry=_registry(schema_dir))


def record_validator(schema_dir: Path, name: str) -> Draft7Validator:
    """The validator of one record (one item of the file's list)."""
    items, _ = record_schema(schema_dir, name)
    return Draft7Validator(items, registry=_registry(schema_dir))


def record_schema(schema_dir: Path, name: str) -> tuple[dict, Resolver]:
    """The schema of one record of ``<name>.yml``, and a resolver for the ``$ref``s in it.

    The file's own ``definitions`` come along, so that a ``#/definitions/…`` reference
    (a cycling stage's facts) resolves in a record checked alone as in the whole file.
    """
    whole = _schema(schema_dir, name)
    items = whole["items"]
    if "definitions" in whole:
        items = {**items, "definitions": whole["definitions"]}
    return items, _registry(schema_dir).resolver_with_root(DRAFT7.create_resource(items))


def resolve(node: dict, resolver: Resolver) -> tuple[dict, Resolver]:
    """``node`` with its ``$ref`` followed (repeatedly); the resolver for refs inside the result."""
    while "$ref" in node:
        resolved = resolver.lookup(node["$ref"])
        node, resolver = resolved.contents, resolved.resolver
    return node, resolver


def allowed_values(schema_dir: Path, name: str, field: str) -> tuple[str, ...]:
    """The values the schema of ``<name>.yml`` allows in ``field`` of a record (its enum,
    or the enum of its items for a list), e.g. the kinds of a section."""
    items, resolver = record_schema(schema_dir, name)
    node, resolver = resolve(items["properties"][field], resolver)
    if "items" in node:
        node, _ = resolve(node["items"], resolver)
    return tuple(node["enum"])


def check(doc: YamlDocument, schema: Draft7Validator) -> list[Problem]:
    return [_problem(doc, tuple(error.absolute_path), error) for error in schema.iter_errors(doc.value)]


def check_record(doc: YamlDocument, record_validator: Draft7Validator, index: int) -> list[Problem]:
    """The problems of record ``index`` of ``doc`` alone: what :func:`check` finds in it, in its order."""
    return [
        _problem(doc, (index, *error.absolute_path), error)
        for error in record_validator.iter_errors(doc.value[index])
    ]


def _problem(doc: YamlDocument, path: tuple, error: ValidationError) -> Problem:
    key_error = False
    kind = error.validator
    if kind == "required":
        name = _quoted_name(error.message)
        message = f"the required field '{name}' is missing"
        path_for_field = (*path, name)
    elif kind == "dependencies":
        match = re.match(r"^'(.*)' is a dependency of '(.*)'$", error.message)
        name, given = match.groups() if match else (error.message, "?")
        message = f"the field '{name}' is missing; it goes with '{given}'"
        path_for_field = (*path, name)
    elif kind == "additionalProperties":
        known = sorted(error.schema.get("properties", {}))
        extra = sorted(set(error.instance) - set(known))
        path = (*path, extra[0]) if extra else path
        path_for_field = path
        key_error = True
        message = f"unknown field '{extra[0] if extra else '?'}'"
        if known:
            message += f"; allowed here: {', '.join(known)}"
    elif "propertyNames" in error.relative_schema_path:
        path = (*path, error.instance)
        path_for_field = path
        key_error = True
        message = f"unknown language '{error.instance}'; languages are de, ja and en"
    else:
        path_for_field = path
        message = _value_message(doc, path, error)
    line, column = doc.position(path, key=key_error)
    return Problem(doc.file, line, column, doc.field_name(path_for_field), message)


def _quoted_name(message: str) -> str:
    match = re.match(r"^'(.*)' is a required property$", message)
    return match.group(1) if match else message


_TYPE_WORDS = {
    "string": "text",
    "number": "a number",
    "integer": "a whole number",
    "object": "a mapping of fields (name: value)",
    "array": "a list (lines starting with '- ')",
    "boolean": "true or false",
}


def _describe(value: Any, plain: str | None) -> str:
    if isinstance(value, bool):
        if plain is not None and plain.lower() not in ("true", "false"):
            return f"'{plain}', which YAML reads as {str(value).lower()} (yes/no)"
        return str(value).lower()
    if isinstance(value, (dt.date, dt.datetime)):
        return f"the unquoted date {plain or value}"
    if isinstance(value, (int, float)):
        if plain is not None and plain != str(value):
            return f"'{plain}', which YAML reads as the number {value}"
        return f"the number {value}"
    if value is None:
        return "nothing"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"'{value}'"


def _value_message(doc: YamlDocument, path: tuple, error: ValidationError) -> str:
    kind = error.validator
    custom = error.schema.get("errorMessage") if isinstance(error.schema, dict) else None
    value = error.instance
    plain = doc.plain_scalars.get(path)
    if kind == "type":
        expected = error.validator_value
        expected = expected if isinstance(expected, list) else [expected]
        words = " or ".join(_TYPE_WORDS.get(t, t) for t in expected)
        if "propertyNames" in error.schema:  # a localized text, the commonest mapping
            words = "the text per language (de:, ja:, en:)"
        message = f"expected {words}, found {_describe(value, plain)}"
        if "string" in expected and not isinstance(value, (dict, list)) and value is not None:
            message += f'; put it in quotes: "{plain if plain is not None else value}"'
        return message
    if custom and kind in ("pattern", "minLength", "maxLength", "format"):
        return f"{custom} (found {_describe(value, plain)})"
    if kind == "enum":
        allowed = ", ".join(json.dumps(v) if isinstance(v, bool) else str(v) for v in error.validator_value)
        return f"{_describe(value, plain)} is not allowed; use one of: {allowed}"
    if kind == "minLength" and error.validator_value == 1:
        return "the text is empty"
    if kind == "minItems":
        return "at least one entry is needed"
    if kind == "minProperties":
        return "at least one language (de, ja or en) is needed"
    if kind in ("minimum", "maximum"):
        return f"{value} is out of range ({_range_words(error.schema)})"
    return error.message


def _range_words(schema: dict) -> str:
    low, high = schema.get("minimum"), schema.get("maximum")
    if low is not None and high is not None:
        return f"allowed: {low} to {high}"
    if low is not None:
        return f"must be at least {low}"
    return f"must be at most {high}"
