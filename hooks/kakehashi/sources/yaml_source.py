"""Read one YAML data file into plain values plus the position of every value.

PyYAML's libyaml composer keeps line and column marks on every node; the
values are built here from the nodes (rather than by ``safe_load``) so that
duplicate keys and aliases are refused and every field can be located.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kakehashi.sources.problems import Problem

try:  # libyaml is about 10× faster and keeps marks as well
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - wheels ship libyaml on every platform we use
    _Loader = yaml.SafeLoader

MAX_FILE_BYTES = 16 * 1024 * 1024
MAX_DEPTH = 32

Path_ = tuple[str | int, ...]


@dataclass
class YamlDocument:
    """The values of a file and where each one stands in it."""

    file: str
    value: Any
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)  # value's line, col
    key_positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)  # its key's
    plain_scalars: dict[Path_, str] = field(default_factory=dict)  # unquoted source text

    def field_name(self, path: Path_) -> str:
        """``(2, "title", "ja")`` → ``"ring-ring-road.title.ja"``: records named by their id."""
        if path and isinstance(path[0], int) and isinstance(self.value, list):
            record = self.value[path[0]] if path[0] < len(self.value) else None
            record_id = record.get("id") if isinstance(record, dict) else None
            if isinstance(record_id, str) and record_id:
                rest = _field_name(path[1:])
                return f"{record_id}.{rest}" if rest and not rest.startswith("[") else record_id + rest
        return _field_name(path)

    def records(self) -> Iterator[tuple[int, dict[str, Any], str]]:
        """Each record (a mapping) of a list file: its index, itself, and the label its
        problems name it by, its id or else its place in the file ("[3]")."""
        for index, record in enumerate(self.value if isinstance(self.value, list) else []):
            if isinstance(record, dict):
                record_id = record.get("id")
                yield index, record, record_id if isinstance(record_id, str) else f"[{index + 1}]"

    def reporter(self, problems: list[Problem]) -> Callable[[Path_, str, str], None]:
        """``problem(path, field, message)``: adds a problem at ``path`` of this file to ``problems``."""

        def problem(path: Path_, field_name: str, message: str) -> None:
            line, column = self.position(path)
            problems.append(Problem(self.file, line, column, field_name, message))

        return problem

    def position(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """Where ``path`` (or its nearest existing parent) stands; its key if ``key``."""
        path = tuple(path)
        while path:
            table = self.key_positions if key else self.positions
            if path in table:
                return table[path]
            if path in self.positions:
                return self.positions[path]
            path = path[:-1]
        return self.positions.get((), (1, 1))


_TAB_MESSAGE = "a tab character: YAML indentation must use spaces, not tabs"
_FRIENDLY_SYNTAX = {
    "found character '\\t' that cannot start any token": _TAB_MESSAGE,
    "found a tab character that violates indentation": _TAB_MESSAGE,
    "found a tab character where an indentation space is expected": _TAB_MESSAGE,
    # "de: Hinweis: etwas": the second ": " would start a field
    "mapping values are not allowed in this context": (
        "a colon and a space (': ') inside a text without quotes; put the whole text in quotes"
    ),
}

# Invisible characters a page cannot show. YAML refuses them written as they
# are, but a double-quoted escape ("\a", "\x85", "\0") still carries them in.
_CONTROL_CHARACTER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

_YAML_TAG = "tag:yaml.org,2002:"
# The tags plain YAML values resolve to. Explicit others (!!binary, !!set,
# !!python/...) are refused: data files hold text, numbers, lists and mappings.
_PLAIN_TAGS = {
    _YAML_TAG + name for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
}


class _Builder:
    """Plain values from a composed node tree, recording where each value stands.

    The tree is known to be shallow and free of aliases (see :func:`_scan_events`).
    """

    def __init__(self, file: str) -> None:
        self.doc = YamlDocument(file, None)
        self._found: list[tuple[int, int, Path_, str]] = []
        self._constructor = yaml.constructor.SafeConstructor()

    def problem(self, mark: yaml.Mark, path: Path_, message: str) -> None:
        self._found.append((mark.line + 1, mark.column + 1, path, message))

    def problems(self) -> list[Problem]:
        """The problems found, their fields named after the records' ids (known only once built)."""
        return [
            Problem(self.doc.file, line, column, self.doc.field_name(path), message)
            for line, column, path, message in self._found
        ]

    def build(self, node: yaml.Node, path: Path_) -> Any:
        self.doc.positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if node.tag not in _PLAIN_TAGS:
            tag = node.tag.replace(_YAML_TAG, "!!", 1)
            message = f"the YAML tag '{tag}' is not allowed here; write the value without it"
            self.problem(node.start_mark, path, message)
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        if not node.style and node.tag != _YAML_TAG + "str":
            self.doc.plain_scalars[path] = node.value
        return self._scalar(node, path)

    def _scalar(self, node: yaml.ScalarNode, path: Path_) -> Any:
        try:
            value = self._constructor.construct_object(node)
        except (yaml.YAMLError, ValueError) as error:
            # An unquoted 2025-02-30 looks like a date to YAML but is none; an
            # integer of thousands of digits exceeds Python's conversion limit.
            if node.tag == _YAML_TAG + "timestamp":
                message = f"'{node.value}' is not a calendar date; write dates in quotes, e.g. \"2025-04-23\""
            elif node.tag == _YAML_TAG + "int":
                message = "this number has too many digits"
            else:
                message = f"cannot read this value: {str(error).splitlines()[0]}"
            self.problem(node.start_mark, path, message)
            return None
        control = _CONTROL_CHARACTER.search(value) if isinstance(value, str) else None
        if control:
            self.problem(node.start_mark, path, _control_character_message(control.group()))
            return None
        if isinstance(value, float) and not math.isfinite(value):
            message = f"'{node.value}' is not a number that can be shown; write a number"
            self.problem(node.start_mark, path, message)
            return None
        return value

    def _mapping(self, node: yaml.MappingNode, path: Path_) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _YAML_TAG + "str":
                text = key_node.value if isinstance(key_node, yaml.ScalarNode) else "?"
                self.problem(
                    key_node.start_mark,
                    path,
                    f"field names must be plain words; '{text}' is read as another kind of value",
                )
                continue
            key = key_node.value
            key_path = (*path, key)
            if key in result or key_path in self.doc.key_positions:
                first_line = self.doc.key_positions[key_path][0]
                self.problem(
                    key_node.start_mark,
                    key_path,
                    f"'{key}' is given twice in the same place (first on line {first_line}); keep one",
                )
                continue
            self.doc.key_positions[key_path] = (
                key_node.start_mark.line + 1,
                key_node.start_mark.column + 1,
            )
            result[key] = self.build(value_node, key_path)
        return result


def _field_name(path: Path_) -> str:
    parts: list[str] = []
    for part in path:
        if isinstance(part, int):
            parts.append(f"[{part + 1}]")
        else:
            parts.append(("." if parts else "") + part)
    return "".join(parts)


def _line_col_of_offset(data: bytes | str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset`` (bytes of a file or characters of a text)."""
    newline = b"\n" if isinstance(data, bytes) else "\n"
    before = data[:offset]
    line = before.count(newline) + 1  # type: ignore[arg-type]
    column = len(before) - (before.rfind(newline) + 1) + 1  # type: ignore[arg-type]
    return line, column


def _scan_events(text: str, file: str) -> list[Problem]:
    """Problems visible in the event stream, found before the nodes are composed.

    libyaml's parser is iterative but its composer recurses once per nesting
    level: input nested some 100,000 deep (a 200 KB file) crashes the whole
    process, which no ``except`` can catch. Aliases are refused here too, so an
    alias bomb ("billion laughs") is never expanded.
    """
    problems: list[Problem] = []

    def problem(mark: yaml.Mark, message: str) -> None:
        problems.append(Problem(file, mark.line + 1, mark.column + 1, "", message))

    depth = documents = 0
    alias_lines: set[int] = set()
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                problem(
                    event.start_mark,
                    "a second YAML document starts here ('---'); a data file holds one list of "
                    "records: remove this line and add the records below it to the list",
                )
                break
        elif isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                problem(event.start_mark, f"values are nested more than {MAX_DEPTH} deep")
                break
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
        elif isinstance(event, yaml.AliasEvent) and event.start_mark.line not in alias_lines:
            alias_lines.add(event.start_mark.line)  # one problem per line is enough to find them
            problem(
                event.start_mark,
                "anchors and aliases (&name, *name) are not supported here: write the value out",
            )
    return problems


def _syntax_problem(error: yaml.MarkedYAMLError, file: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    problem = (error.problem or "").strip()
    context = (error.context or "").strip()
    if context == "while scanning a quoted scalar" and error.context_mark:
        # YAML notices only at the end of the file; the editor needs the opening quote.
        mark = error.context_mark
        message = "this quotation mark is never closed; end the text with the same quotation mark"
    elif problem in _FRIENDLY_SYNTAX:
        message = _FRIENDLY_SYNTAX[problem]
    else:
        message = f"YAML syntax error: {problem}" + (f" ({context})" if context else "")
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return Problem(file, line, column, "", message)


def _control_character_message(character: str) -> str:
    return f"an invisible control character (U+{ord(character):04X}); delete it"


def _is_empty_document(node: yaml.Node) -> bool:
    """A file holding only ``---`` (and comments) composes to one empty null."""
    return isinstance(node, yaml.ScalarNode) and node.tag == _YAML_TAG + "null" and not node.value


def read_yaml(path: Path, display_name: str) -> tuple[YamlDocument, list[Problem]]:
    """Parse ``path``; problems are returned, never raised."""
    empty = YamlDocument(display_name, None)
    if path.stat().st_size > MAX_FILE_BYTES:  # before reading it into memory
        limit = MAX_FILE_BYTES // (1024 * 1024)
        return empty, [Problem(display_name, 1, 1, "", f"the file is larger than {limit} MB; split it up")]
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _line_col_of_offset(data, error.start)
        return empty, [
            Problem(
                display_name,
                line,
                column,
                "",
                f"the file is not UTF-8 text (byte 0x{data[error.start]:02x}); "
                "save it with the encoding UTF-8",
            )
        ]
    return parse_yaml(text.removeprefix("\ufeff"), display_name)  # a byte-order mark some editors add


def parse_yaml(text: str, display_name: str) -> tuple[YamlDocument, list[Problem]]:
    """Parse the text of a data file; problems are returned, never raised."""
    empty = YamlDocument(display_name, None)
    try:
        problems = _scan_events(text, display_name)
        if problems:
            return empty, problems
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        return empty, [_syntax_problem(error, display_name)]
    except yaml.reader.ReaderError as error:  # a character YAML does not allow, e.g. a control character
        # libyaml counts this position in bytes of UTF-8 (its marks count characters).
        offset = error.position
        if _Loader is not yaml.SafeLoader:
            offset = len(text.encode("utf-8")[:offset].decode("utf-8", errors="ignore"))
        line, column = _line_col_of_offset(text, offset)
        character = chr(error.character) if isinstance(error.character, int) else str(error.character)
        return empty, [Problem(display_name, line, column, "", _control_character_message(character))]
    if node is None or _is_empty_document(node):
        return empty, [Problem(display_name, 1, 1, "", "the file is empty")]
    builder = _Builder(display_name)
    builder.doc.value = builder.build(node, ())
    return builder.doc, builder.problems()
