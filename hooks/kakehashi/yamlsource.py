"""Read one YAML data file into plain values plus the position of every value.

PyYAML's libyaml composer keeps line and column marks on every node; the
values are built here from the nodes (rather than by ``safe_load``) so that
duplicate keys and aliases are refused and every field can be located.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem

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


_FRIENDLY_SYNTAX = {
    "found character '\\t' that cannot start any token": (
        "a tab character: YAML indentation must use spaces, not tabs"
    ),
    "found a tab character that violates indentation": (
        "a tab character: YAML indentation must use spaces, not tabs"
    ),
}


class _Builder:
    def __init__(self, file: str) -> None:
        self.doc = YamlDocument(file, None)
        self.problems: list[Problem] = []
        self._seen: set[int] = set()
        self._constructor = yaml.constructor.SafeConstructor()

    def problem(self, mark: yaml.Mark, path: Path_, message: str) -> None:
        self.problems.append(
            Problem(self.doc.file, mark.line + 1, mark.column + 1, _field_name(path), message)
        )

    def build(self, node: yaml.Node, path: Path_, depth: int = 0) -> Any:
        if id(node) in self._seen:
            self.problem(
                node.start_mark,
                path,
                "anchors and aliases (&name, *name) are not supported here: write the value out",
            )
            return None
        self._seen.add(id(node))
        if depth > MAX_DEPTH:
            self.problem(node.start_mark, path, f"values are nested more than {MAX_DEPTH} deep")
            return None
        self.doc.positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        if not node.style and node.tag != "tag:yaml.org,2002:str":
            self.doc.plain_scalars[path] = node.value
        try:
            return self._constructor.construct_object(node)
        except yaml.YAMLError as error:
            self.problem(node.start_mark, path, f"cannot read this value: {error}")
            return None

    def _mapping(self, node: yaml.MappingNode, path: Path_, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != "tag:yaml.org,2002:str":
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
            result[key] = self.build(value_node, key_path, depth + 1)
        return result


def _field_name(path: Path_) -> str:
    parts: list[str] = []
    for part in path:
        if isinstance(part, int):
            parts.append(f"[{part + 1}]")
        else:
            parts.append(("." if parts else "") + part)
    return "".join(parts)


def _line_col_of_offset(data: bytes, offset: int) -> tuple[int, int]:
    before = data[:offset]
    line = before.count(b"\n") + 1
    column = len(before) - (before.rfind(b"\n") + 1) + 1
    return line, column


def read_yaml(path: Path, display_name: str) -> tuple[YamlDocument, list[Problem]]:
    """Parse ``path``; problems are returned, never raised."""
    data = path.read_bytes()
    if len(data) > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // (1024 * 1024)
        return YamlDocument(display_name, None), [
            Problem(display_name, 1, 1, "", f"the file is larger than {limit} MB; split it up")
        ]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _line_col_of_offset(data, error.start)
        return YamlDocument(display_name, None), [
            Problem(
                display_name,
                line,
                column,
                "",
                f"the file is not UTF-8 text (byte 0x{data[error.start]:02x}); "
                "save it with the encoding UTF-8",
            )
        ]
    text = text.removeprefix("\ufeff")  # a byte-order mark some Windows editors add
    builder = _Builder(display_name)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = (error.problem or "").strip()
        message = _FRIENDLY_SYNTAX.get(problem, f"YAML syntax error: {problem}")
        if error.context and problem not in _FRIENDLY_SYNTAX:
            message += f" ({error.context.strip()})"
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return builder.doc, [Problem(display_name, line, column, "", message)]
    except RecursionError:
        return builder.doc, [Problem(display_name, 1, 1, "", f"values are nested more than {MAX_DEPTH} deep")]
    if node is None:
        return builder.doc, [Problem(display_name, 1, 1, "", "the file is empty")]
    builder.doc.value = builder.build(node, ())
    return builder.doc, builder.problems
