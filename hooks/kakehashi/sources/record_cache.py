"""Read a data file again record by record, reusing every record whose text is unchanged.

While ``mkdocs serve`` runs, an editor changes one record at a time; parsing
and validating a file of thousands of records anew takes seconds. The records
of a data file are the items of one top-level list, so the text splits at the
lines that start with ``-`` in the first column. Each item's text is parsed
and validated once and kept under that text; positions are shifted to the
item's line in the file. Positions are only read for messages, and as objects
they take twice the memory of the records themselves, so each item keeps its
tables packed until a message asks where a value stands. A record that is YAML
but breaks its schema is checked alone, its messages worded as a full read
words them. Anything else unusual (a YAML problem, a line break other than LF,
text in the first column that is neither an item nor a comment) takes the
plain path of :func:`read_checked`, so messages are exactly those of a full
read.

Given a folder, the cache also keeps the parsed records on disk (``.cache/`` of
the project), so the next build parses only the records whose text changed.
"""

from __future__ import annotations

import hashlib
import marshal
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kakehashi.base import fingerprints
from kakehashi.base.speedups import stand_down
from kakehashi.sources import schema
from kakehashi.sources.data_file import read_checked
from kakehashi.sources.problems import Problem
from kakehashi.sources.yaml_source import MAX_FILE_BYTES, Path_, YamlDocument, parse_yaml


class _PackedTables:
    """One item's position tables (value, key, plain scalar), marshalled until first asked."""

    __slots__ = ("_tables", "blob")

    def __init__(self, blob: bytes) -> None:
        self.blob = blob
        self._tables: tuple[dict, dict, dict] | None = None

    @classmethod
    def of(cls, doc: YamlDocument) -> _PackedTables:
        return cls(marshal.dumps((doc.positions, doc.key_positions, doc.plain_scalars)))

    def table(self, which: int) -> dict:
        if self._tables is None:
            self._tables = marshal.loads(self.blob)
        return self._tables[which]


class _PackedTable(Mapping):
    """One of an item's packed tables, as a mapping."""

    __slots__ = ("_packed", "_which")

    def __init__(self, packed: _PackedTables, which: int) -> None:
        self._packed = packed
        self._which = which

    def __getitem__(self, path: Path_) -> Any:
        return self._packed.table(self._which)[path]

    def __iter__(self) -> Iterator[Path_]:
        return iter(self._packed.table(self._which))

    def __len__(self) -> int:
        return len(self._packed.table(self._which))


@dataclass(frozen=True)
class _Item:
    """One record as parsed alone, as if it were the file's first."""

    record: Any
    tables: _PackedTables


def _item_key(display: str, text: str) -> tuple[str, bytes]:
    # A digest rather than the text: the texts of thousands of records are megabytes.
    return display, fingerprints.digest(text)


class _ShiftedTable(Mapping):
    """A position table of the whole file, answered from the tables of its items."""

    def __init__(self, items: list[tuple[int, Mapping]], head: Mapping, shift_lines: bool) -> None:
        self._items = items  # per record: (line offset, table keyed from index 0)
        self._head = head
        self._shift = shift_lines

    def __getitem__(self, path: Path_) -> Any:
        if path and isinstance(path[0], int) and 0 <= path[0] < len(self._items):
            offset, table = self._items[path[0]]
            value = table[(0, *path[1:])]
            return (value[0] + offset, value[1]) if self._shift else value
        return self._head[path]

    def __iter__(self) -> Iterator[Path_]:
        yield from self._head
        for index, (_, table) in enumerate(self._items):
            for path in table:
                if path:
                    yield (index, *path[1:])

    def __len__(self) -> int:
        return len(self._head) + sum(len(table) - 1 for _, table in self._items)


# What parsing and checking a record depends on besides its text and the schemas.
READ_PATH_MODULES = ("yaml_source.py", "schema.py", "data_file.py", "record_cache.py")


def _code_version() -> str:
    """What parsing and checking a record depends on besides its text and the schemas."""
    sources = fingerprints.files_digest(Path(__file__).parent / name for name in READ_PATH_MODULES)
    versions = fingerprints.python_and_packages(("pyyaml", "jsonschema"))
    return fingerprints.digest(sources + versions.encode()).hex()


class RecordCache:
    """Keeps the parsed and validated records of the data files between loads."""

    def __init__(self, store: Path | None = None) -> None:
        # (file, digest of one item's text) → that item
        self._items: dict[tuple[str, bytes], _Item] = {}
        self._schema_stamp: tuple | None = None
        self._files: dict[str, tuple[bytes, YamlDocument]] = {}  # file → its last text, read
        self._store = store  # where the parsed records are kept between runs, if anywhere
        self._restored: set[str] = set()  # files whose stored records were looked up
        self._unsaved: set[str] = set()  # files with records parsed since the store was read

    def read(
        self, path: Path, display: str, name: str, schema_dir: Path
    ) -> tuple[YamlDocument, list[Problem]]:
        """Like :func:`read_checked`, reusing the records whose text is unchanged."""
        stamp = schema.schema_stamps(schema_dir)
        if stamp != self._schema_stamp:
            self._items.clear()
            self._files.clear()
            self._restored.clear()
            self._schema_stamp = stamp
        if display not in self._restored:
            self._restored.add(display)
            self._restore(display)
        last = self._files.pop(display, None)
        if last is not None and path.stat().st_size == len(last[0]) and path.read_bytes() == last[0]:
            self._files[display] = last
            return last[1], []
        by_items = self._read_by_items(path, display, name, schema_dir)
        if by_items is not None:
            return by_items
        stand_down("the record cache", f"{display} is read whole (a YAML problem or an unusual layout)")
        return read_checked(path, display, name, schema_dir)

    def _read_by_items(
        self, path: Path, display: str, name: str, schema_dir: Path
    ) -> tuple[YamlDocument, list[Problem]] | None:
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                return None
            data = path.read_bytes()
            text = data.decode("utf-8")
        except (OSError, UnicodeDecodeError):
            return None
        items = split_items(text)
        if not items:
            return None
        validator = None
        kept: dict[tuple[str, bytes], _Item] = {}
        parsed: list[tuple[int, _Item]] = []
        # Records that are YAML but break their schema (the usual slip while editing):
        # worded below, without reading the whole file again, and never kept.
        broken: list[int] = []
        for first_line, item_text in items:
            key = _item_key(display, item_text)
            item = self._items.get(key) or kept.get(key)
            if item is None:
                alone, problems = parse_yaml(item_text, display)
                if problems or not isinstance(alone.value, list) or len(alone.value) != 1:
                    return None
                validator = validator or schema.record_validator(schema_dir, name)
                item = _Item(alone.value[0], _PackedTables.of(alone))
                if next(validator.iter_errors(item.record), None) is None:
                    kept[key] = item
                    self._unsaved.add(display)
                else:
                    broken.append(len(parsed))
            else:
                kept[key] = item
            parsed.append((first_line - 1, item))
        # Only what this file holds now stays; other files' items are untouched.
        self._items = {k: v for k, v in self._items.items() if k[0] != display} | kept
        doc = YamlDocument(
            display,
            [item.record for _, item in parsed],
            # The list itself stands where its first item does.
            positions=_ShiftedTable(
                [(o, _PackedTable(i.tables, 0)) for o, i in parsed], {(): (items[0][0], 1)}, True
            ),
            key_positions=_ShiftedTable([(o, _PackedTable(i.tables, 1)) for o, i in parsed], {}, True),
            plain_scalars=_ShiftedTable([(o, _PackedTable(i.tables, 2)) for o, i in parsed], {}, False),
        )
        if broken:
            assert validator is not None
            return doc, [problem for i in broken for problem in schema.check_record(doc, validator, i)]
        self._files[display] = (data, doc)
        return doc, []

    # --- kept on disk ------------------------------------------------------

    def save(self) -> None:
        """Write the records of the files read since the last save to the store.

        Written to a new file that then replaces the old one: a build stopped
        halfway leaves the old store or the new, never half of one.
        """
        if self._store is None:
            return
        for display in sorted(self._unsaved):
            items = {
                digest: (item.record, item.tables.blob)
                for (file, digest), item in self._items.items()
                if file == display
            }
            target = self._stored_file(display)
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                partial = target.with_suffix(".partial")
                partial.write_bytes(marshal.dumps((self._stored_stamp(), items)))
                os.replace(partial, target)
            except (OSError, ValueError) as error:  # a read-only checkout builds as well, without the store
                stand_down("the record cache", f"it cannot be saved ({error})")
                return
        self._unsaved.clear()

    def _restore(self, display: str) -> None:
        """Take the stored records of ``display`` if they were made by this code with these schemas."""
        if self._store is None:
            return
        try:
            stamp, items = marshal.loads(self._stored_file(display).read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            stand_down("the record cache", f"nothing stored for {display} yet, or unreadable")
            return  # the records are parsed again
        if stamp != self._stored_stamp():
            stand_down("the record cache", f"{display}: stored by other code or with other schemas")
            return
        for digest, (record, blob) in items.items():
            self._items[(display, digest)] = _Item(record, _PackedTables(blob))

    def _stored_file(self, display: str) -> Path:
        assert self._store is not None
        return self._store / (hashlib.blake2b(display.encode(), digest_size=8).hexdigest() + ".records")

    def _stored_stamp(self) -> tuple:
        return (_CODE_VERSION, self._schema_stamp)


_CODE_VERSION = _code_version()


def split_items(text: str) -> list[tuple[int, str]] | None:
    """The items of a top-level block list as (first line, text), or None if the file is not one.

    Comments and blank lines before the first item are left out; those between
    items go with the item before them.
    """
    if "\r" in text or "\x85" in text or "\u2028" in text or "\u2029" in text or text.startswith("\ufeff"):
        return None  # line breaks YAML counts that a split at "\n" would not
    items: list[tuple[int, list[str]]] = []
    for number, line in enumerate(text.split("\n"), start=1):
        first = line[:1]
        if first == "-" and line[1:2] in ("", " "):
            items.append((number, [line]))
        elif first in ("", " ", "#"):
            if items:
                items[-1][1].append(line)
        else:
            return None  # "---", "...", a directive, a top-level mapping, a tab: not a plain list
    return [(number, "\n".join(lines) + "\n") for number, lines in items] or None
