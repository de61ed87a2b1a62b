"""Mutation scores of the core modules: how many small planted bugs the tests catch.

    python bench/mutation.py                      # every core module
    python bench/mutation.py --modules site/escaping.py editor/publish.py

mutmut (pinned in the ``mutation`` extra: ``pip install -e '.[mutation]'``)
changes one operator, constant or call at a time in a module and runs the tests
that reach that function. A mutant the tests fail on is *killed*; one they pass
on *survived*: either a behaviour no test pins down, or an equivalent change
(the same behaviour written differently).

The run works on a copy of the project in a temporary folder, with the package
under ``src/`` (mutmut puts ``mutants/src`` first on the import path and names
modules after it), and runs the tests that build no site (``-m "not build"``),
with the property tests' fixed examples (``HYPOTHESIS_PROFILE=ci``). It is a
measurement, like the build benchmark, and not part of ``make test``: it takes
from minutes (one module) to an hour or more (all of them) on two cores.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# The modules the project's correctness rests on: escaping, the fallback rule,
# loading and checking the data, formatting, the generated parts of pages, the
# record and index pages, the sitemap, publishing.
CORE_MODULES = (
    "site/escaping.py",
    "site/languages.py",
    "sources/loader.py",
    "sources/schema.py",
    "site/formatting.py",
    "site/directives.py",
    "site/record_pages.py",
    "site/sitemap.py",
    "editor/publish.py",
)
# Everything the tests read besides the package (the package goes to src/).
PROJECT_PARTS = (
    "mkdocs.yml",
    "pyproject.toml",
    "data",
    "content",
    "docs",
    "overrides",
    "tests",
    "bench",
    ".github",
    ".ci",
    "Makefile",
    "README.md",
    "ARCHITECTURE.md",
    "THIRD_PARTY.md",
    "package.json",
    "package-lock.json",
    ".pre-commit-config.yaml",
)
KILLED = {"killed", "timeout", "caught by type check", "segfault"}
COUNTED = KILLED | {"survived", "no tests", "suspicious"}
RESULT_LINE = re.compile(r"^\s*(?P<name>\S+): (?P<status>.+?)\s*$")


def copy_for_mutation(target: Path, modules: list[str]) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__", ".cache"))
        elif source.is_file():
            shutil.copy2(source, target / part)
    # The tests build copies of "hooks" (not run here) and import "kakehashi" (from src/).
    shutil.copytree(ROOT / "hooks", target / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "hooks", target / "src", ignore=shutil.ignore_patterns("__pycache__"))
    only = ",\n".join(f'    "src/kakehashi/{module}"' for module in modules)
    config = (
        "\n[tool.mutmut]\n"
        'source_paths = ["src"]\n'
        f"only_mutate = [\n{only},\n]\n"
        'also_copy = ["hooks", "mkdocs.yml", "data", "content", "docs", "overrides", "bench", ".github",'
        ' ".ci", "Makefile", "README.md", "ARCHITECTURE.md", "THIRD_PARTY.md", "package.json",'
        ' "package-lock.json", ".pre-commit-config.yaml"]\n'
        'pytest_add_cli_args = ["-m", "not build and not browser", "-p", "no:cacheprovider", "-q"]\n'
        'pytest_add_cli_args_test_selection = ["tests/"]\n'
    )
    with (target / "pyproject.toml").open("a", encoding="utf-8") as file:
        file.write(config)


def scores(results: str) -> dict[str, Counter]:
    """Per module (``kakehashi.site.escaping``), how many mutants ended in each status."""
    by_module: dict[str, Counter] = {}
    for line in results.splitlines():
        match = RESULT_LINE.match(line)
        if not match or "__mutmut_" not in match["name"]:
            continue
        module = match["name"].split(".x")[0]
        by_module.setdefault(module, Counter())[match["status"]] += 1
    return by_module


def table(by_module: dict[str, Counter]) -> str:
    lines = [
        "| module | mutants | killed | survived | no tests | score |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for module, counts in sorted(by_module.items()):
        counted = sum(n for status, n in counts.items() if status in COUNTED)
        killed = sum(n for status, n in counts.items() if status in KILLED)
        score = f"{100 * killed / counted:.1f} %" if counted else "–"
        lines.append(
            f"| {module} | {counted} | {killed} | {counts['survived']} | {counts['no tests']} | {score} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--modules", nargs="+", default=list(CORE_MODULES), help="paths below hooks/kakehashi/"
    )
    parser.add_argument("--max-children", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--survivors", action="store_true", help="list the surviving mutants")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (to look at mutants)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as scratch:
        work = args.keep or Path(scratch) / "project"
        if not (work / "src").exists():
            copy_for_mutation(work, args.modules)
        env = {**os.environ, "HYPOTHESIS_PROFILE": "ci", "NO_MKDOCS_2_WARNING": "1"}
        mutmut = [sys.executable, "-m", "mutmut"]
        run = subprocess.run(
            [*mutmut, "run", "--max-children", str(args.max_children)],
            cwd=work,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
        listing = [*mutmut, "results", "--all", "true"]
        found = subprocess.run(listing, cwd=work, env=env, capture_output=True, text=True, check=False)
        results = found.stdout
        by_module = scores(results)
        if not by_module:
            sys.exit(f"mutmut gave no results (exit {run.returncode}):\n{run.stderr[-3000:]}")
        print(table(by_module))
        if args.survivors:
            print()
            print("\n".join(line.strip() for line in results.splitlines() if line.endswith(": survived")))


if __name__ == "__main__":
    main()
