"""Marker lines of editorial pages, read in one place with their positions.

A marker line is ``<!-- kakehashi:NAME key=value key=a,b -->`` on a line of
its own, outside fenced code blocks. A value may list several items separated
by commas. Which names, keys and values are allowed is checked where the
directive is known (``whole_site``); here only the form is read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A line that means to be a marker: it starts with a comment that names kakehashi.
_ATTEMPT = re.compile(r"^[ \t]*<!--[ \t]*kakehashi\b[^\n]*$", re.MULTILINE | re.IGNORECASE)
_WHOLE = re.compile(r"^<!--[ \t]*(?i:kakehashi):(?P<body>[^\n]*?)[ \t]*-->[ \t]*$")
_KEY = re.compile(r"[a-z][a-z-]*")
_TOKEN = re.compile(r"\S+")
# Fenced code blocks show marker lines as they are (the editor's guide quotes them).
_FENCE = re.compile(r"^(`{3,}|~{3,}).*?^\1[ \t]*$", re.MULTILINE | re.DOTALL)

FORM = "<!-- kakehashi:NAME key=value … -->"


@dataclass(frozen=True)
class Argument:
    key: str
    values: tuple[str, ...]  # the comma-separated items of the value, in order
    column: int  # 1-based, of the key
    value_column: int  # 1-based, of the value

    @property
    def text(self) -> str:
        return f"{self.key}={','.join(self.values)}"


@dataclass(frozen=True)
class Marker:
    name: str
    arguments: tuple[Argument, ...]
    line: int  # 1-based
    column: int  # 1-based, of the name
    start: int  # offsets of the whole line in the page's text
    end: int

    def argument(self, key: str) -> Argument | None:
        return next((argument for argument in self.arguments if argument.key == key), None)


@dataclass(frozen=True)
class MarkerError:
    line: int
    column: int
    message: str


def read_markers(text: str) -> tuple[list[Marker], list[MarkerError]]:
    """Every marker line of ``text`` outside fenced code, and what is wrong with the form of any."""
    fences = [(fence.start(), fence.end()) for fence in _FENCE.finditer(text)]
    markers: list[Marker] = []
    errors: list[MarkerError] = []
    for attempt in _ATTEMPT.finditer(text):
        if any(a <= attempt.start() < b for a, b in fences):
            continue
        line = text.count("\n", 0, attempt.start()) + 1
        whole = _WHOLE.match(attempt.group(0))
        if not whole:
            message = f"a marker is one whole line, from its first column to '-->': {FORM}"
            errors.append(MarkerError(line, 1, message))
            continue
        body, offset = whole.group("body"), whole.start("body")
        tokens = list(_TOKEN.finditer(body))
        # The name is checked against the known ones by the caller, so an unknown one is named.
        name = tokens[0].group(0) if tokens else ""
        arguments, argument_errors = _arguments(tokens[1:], offset, line)
        errors += argument_errors
        if not argument_errors:
            markers.append(Marker(name, arguments, line, offset + 1, attempt.start(), attempt.end()))
    return markers, errors


def _arguments(
    tokens: list[re.Match[str]], offset: int, line: int
) -> tuple[tuple[Argument, ...], list[MarkerError]]:
    arguments: list[Argument] = []
    errors: list[MarkerError] = []
    for token in tokens:
        column = offset + token.start() + 1
        key, equals, value = token.group(0).partition("=")
        items = tuple(value.split(","))
        if not equals or not _KEY.fullmatch(key):
            message = f"write each argument as key=value, e.g. view=table (found '{token.group(0)}')"
            errors.append(MarkerError(line, column, message))
        elif not all(items):
            errors.append(
                MarkerError(
                    line,
                    column + len(key) + 1,
                    f"'{key}' needs a value; separate several values by commas without spaces, "
                    f"e.g. {key}=a,b (found '{token.group(0)}')",
                )
            )
        elif any(argument.key == key for argument in arguments):
            errors.append(MarkerError(line, column, f"'{key}' is given twice in this marker; keep one"))
        else:
            arguments.append(Argument(key, items, column, column + len(key) + 1))
    return tuple(arguments), errors
