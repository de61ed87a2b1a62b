"""Problems found in the sources, reported to editors as ``file:line:col: field: message``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


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


# While serving, the preview's pages read the problems from this file at the
# site's root (overrides/main.html): a broken edit then shows on every page at
# once, without rendering thousands of pages again, and so does its fix.
PREVIEW_PROBLEMS_FILE = "kakehashi-problems.txt"


def write_preview_problems(site_dir: Path, problems: SourceProblems | None) -> None:
    """Write the preview's problems file: the report as the terminal shows it, empty once fixed."""
    target = site_dir / PREVIEW_PROBLEMS_FILE
    staged = target.with_name(target.name + ".tmp")
    # Replaced in one step: a page loading meanwhile reads the old report or the new one.
    staged.write_text(problems.report() if problems else "", "utf-8")
    staged.replace(target)
