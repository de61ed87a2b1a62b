"""Read one data file and check it against its schema: the plain read path.

The record cache (:mod:`kakehashi.sources.record_cache`) reuses unchanged
records and takes this path for anything unusual, so that its messages are
exactly those of a full read.
"""

from __future__ import annotations

from pathlib import Path

from kakehashi.sources import schema
from kakehashi.sources.problems import Problem
from kakehashi.sources.yaml_source import YamlDocument, read_yaml


def read_checked(path: Path, display: str, name: str, schema_dir: Path) -> tuple[YamlDocument, list[Problem]]:
    """Parse one data file and check it against its schema.

    A file that cannot be read comes back without a value: its records are not
    checked against each other, which would only add follow-up problems.
    """
    doc, problems = read_yaml(path, display)
    if problems:
        return YamlDocument(display, None), problems
    return doc, schema.check(doc, schema.validator(schema_dir, name))
