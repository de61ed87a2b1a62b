"""Problems found in the sources, reported to editors as ``file:line:col: field: message``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    file: str  # path relative to the project root, e.g. data/cycling.yml
    line: int  # 1-based
    column: int  # 1-based
    field: str  # e.g. ring-ring-road.title.ja; "" where no field applies
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class SourceProblems(Exception):
    """Raised with every problem found, so that editors fix them in one go."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        heading = f"{count} problem{'s' if count != 1 else ''} in the site's sources:"
        return "\n".join([heading, *(f"  {p}" for p in self.problems)])
