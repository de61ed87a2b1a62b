"""``kakehashi``: the editors' command line — check, add, translate, export, publish.

Each command reads the project in ``--root`` (default: the current directory)
and exits with 0 when all is well, 1 when it found problems or failed, and 2
when it was called wrongly.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

from kakehashi.editor import catalog, project
from kakehashi.editor.publish import build_site
from kakehashi.editor.skeleton import (
    SkeletonError,
    appended,
    check_appended,
    check_new_id,
    record_text,
    skeleton,
)
from kakehashi.site.languages import LANGUAGES
from kakehashi.site.translation_status import TranslationReport, translation_report
from kakehashi.site.whole_site import Site, load_site
from kakehashi.sources.loader import CITIES, SECTION_IDS
from kakehashi.sources.problems import SourceProblems
from kakehashi.sources.yaml_source import read_yaml

OK, PROBLEMS, USAGE = 0, 1, 2

EXIT_CODES = """\
exit status:
  0  all is well
  1  problems were found, or the command failed
  2  the command was called wrongly (usage error)
"""

DATA_FILES = (*SECTION_IDS, CITIES)


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    root = Path(args.root).resolve()
    if not project.is_project_root(root):
        args.command_parser.error(
            f"{root} holds no {project.CONFIG_FILE}: run kakehashi in the project root or pass --root DIR"
        )
    try:
        return args.run(root, args)
    except project.SettingsError as error:
        return _fail(str(error))


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--root",
        metavar="DIR",
        default=".",
        help="the project root, the directory holding mkdocs.yml (default: the current directory)",
    )
    parser = argparse.ArgumentParser(
        prog="kakehashi",
        description="Tools for the editors of the Bochum–Tsukuba knowledge base.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)

    def command(name: str, run, summary: str, description: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(
            name,
            parents=[common],
            help=summary,
            description=description,
            epilog=EXIT_CODES,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        sub.set_defaults(run=run, command_parser=sub)
        return sub

    check = command(
        "check",
        run_check,
        "check all data and pages",
        "Load and check every data file (data/*.yml) and every page (content/<lang>/). "
        "Prints each problem as file:line:column: field: message, or a summary when there is none. "
        "With --publish, then each setting of mkdocs.yml still to fill in before the site may be "
        "published, as mkdocs.yml: key.path: what to enter.",
    )
    _format_option(check)
    check.add_argument(
        "--publish",
        action="store_true",
        help="also check what a published site needs: every operator setting of the imprint "
        "(extra.operator in mkdocs.yml) filled in, and site_url no longer the placeholder",
    )

    new = command(
        "new",
        run_new,
        "add an empty record to a data file",
        "Append a record with every required field to data/<section>.yml, in de, ja and en. "
        "Its fields are left empty on purpose: `kakehashi check` fails and names each one until "
        "it is filled in. The rest of the file is not touched.",
    )
    new.add_argument("section", help=f"the data file: {', '.join(DATA_FILES)}")
    new.add_argument("id", help="the new record's id, e.g. ring-ring-road: it becomes the page's URL")

    status = command(
        "status",
        run_status,
        "show which texts are not yet translated",
        "For each section and language, how many records have every text in that language, "
        "then each missing text as section/id: field (language), then the pages of "
        "content/<lang>/ missing in a language. Missing translations are not problems: readers "
        "get the text in another language.",
    )
    _format_option(status)

    export = command(
        "export-markdown",
        run_export_markdown,
        "write every generated page as Markdown",
        "Write the Markdown of every page in every language to DIR/<lang>/<page>.md, as the "
        "site's build receives it.",
    )
    export.add_argument("dir", help="the directory to write to; it must be empty or new")
    export.add_argument("--force", action="store_true", help="write into DIR even if it is not empty")

    build = command(
        "build",
        run_build,
        "build the site safely (mkdocs build --strict)",
        "Build the site with `mkdocs build --strict` into a fresh directory beside the site "
        "directory, and put it in place only when the build succeeds: a failing build leaves the "
        "previous site untouched. SOURCE_DATE_EPOCH is passed on; when it is not set, the time of "
        "the newest git commit is used, so two builds of the same sources are identical.",
    )
    build.add_argument(
        "--site-dir",
        metavar="DIR",
        help="where the site goes (default: site_dir of mkdocs.yml, relative to the root)",
    )
    words = command(
        "catalog",
        run_catalog,
        "keep the catalogs of the site's words up to date",
        "The words the generator writes are declared in hooks/kakehashi/site/glossary.py and "
        "translated in the gettext catalogs hooks/kakehashi/site/locales/<lang>/LC_MESSAGES/kakehashi.po. "
        "`update` extracts the declarations into kakehashi.pot (pybabel extract) and merges it into "
        "every catalog (pybabel update); `check` lists each message that is missing, untranslated, "
        "fuzzy or stale; `import FILE…` moves the entries of a glossary.py written in the former form "
        "(dictionaries of de, ja and en) that the declarations lack into them and into the catalogs.",
    )
    words.add_argument("action", choices=("update", "check", "import"))
    words.add_argument(
        "files", nargs="*", type=Path, metavar="FILE", help="for import: former glossary.py files"
    )
    words.add_argument(
        "--base",
        type=Path,
        metavar="FILE",
        help="for import: the former glossary.py where the branch started (git merge-base); "
        "then a word only the branch changed is updated in the catalogs",
    )
    return parser


def _format_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text for people (default), json for programs",
    )


def _load(root: Path) -> Site:
    settings = project.read_settings(root)
    return load_site(
        root,
        project.operator(settings),
        open_data_settings=project.open_data(settings),
        map_tiles=project.map_tiles(root, settings),
    )


def _report(lines: list[str], entries: list[dict], summary: str, output_format: str) -> int:
    """Print what is wrong, a line each or as JSON, and the count in words on stderr."""
    if output_format == "json":
        print(json.dumps(entries, ensure_ascii=False, indent=2))
    else:
        print("\n".join(lines))
    print(summary, file=sys.stderr)
    return PROBLEMS


def _report_problems(error: SourceProblems, output_format: str = "text") -> int:
    count = len(error.problems)
    return _report(
        [str(problem) for problem in error.problems],
        [asdict(problem) for problem in error.problems],
        f"{count} problem{'s' if count != 1 else ''} found.",
        output_format,
    )


# --- check -------------------------------------------------------------------


def run_check(root: Path, args: argparse.Namespace) -> int:
    try:
        site = _load(root)
    except SourceProblems as error:
        return _report_problems(error, args.format)
    if args.publish:
        missing = project.publish_problems(project.read_settings(root))
        if missing:
            count = len(missing)
            return _report(
                [f"{project.CONFIG_FILE}: {key}: {text}" for key, text in missing],
                [{"file": project.CONFIG_FILE, "field": key, "message": text} for key, text in missing],
                f"{count} setting{'s' if count != 1 else ''} to fill in before the site is published.",
                args.format,
            )
    counts = ", ".join(f"{len(site.data.sections[section])} {section}" for section in SECTION_IDS)
    summary = f"OK: {counts} records; {len(site.data.cities)} cities; {len(site.editorial)} pages in content/"
    if args.format == "json":
        print("[]")
        print(summary, file=sys.stderr)
    else:
        print(summary)
    return OK


# --- new ---------------------------------------------------------------------


def run_new(root: Path, args: argparse.Namespace) -> int:
    section, record_id = args.section, args.id
    if section not in DATA_FILES:
        return _fail(f"unknown section '{section}'; choose one of: {', '.join(DATA_FILES)}")
    display = f"data/{section}.yml"
    path = root / display
    if not path.is_file():
        return _fail(f"{display} is missing")
    document, problems = read_yaml(path, display)
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        return _fail(f"{display} cannot be read; fix the problems above first")
    records = document.value if isinstance(document.value, list) else []
    existing_ids = {record.get("id") for record in records if isinstance(record, dict)}
    schema_dir = root / "data" / "schema"
    raw = path.read_bytes()
    text = raw.decode("utf-8").replace("\r\n", "\n")
    try:
        check_new_id(schema_dir, section, record_id, existing_ids)
        new_text, line = appended(text, record_text(skeleton(schema_dir, section, record_id)))
        check_appended(new_text.removeprefix("\ufeff"), record_id, len(records))
    except SkeletonError as error:
        return _fail(str(error))
    addition = new_text[len(text) :]
    if b"\r\n" in raw:  # keep the file's line endings
        addition = addition.replace("\n", "\r\n")
    with path.open("a", encoding="utf-8", newline="") as file:  # append: the text before stays as it is
        file.write(addition)
    print(f"{display}:{line}: added '{record_id}'; fill in its fields, then run: kakehashi check")
    return OK


def _fail(message: str) -> int:
    print(f"kakehashi: error: {message}", file=sys.stderr)
    return PROBLEMS


# --- status ------------------------------------------------------------------


def run_status(root: Path, args: argparse.Namespace) -> int:
    try:
        site = _load(root)
    except SourceProblems as error:
        return _report_problems(error)
    report = translation_report(site.data, site.editorial)
    if args.format == "json":
        print(json.dumps(asdict(report), ensure_ascii=False, indent=2))
    else:
        print(status_text(report))
    return OK


def status_text(report: TranslationReport) -> str:
    width = max(len(section) for section in (*SECTION_IDS, "pages"))
    lines = ["Records with every text in the language:"]
    for coverage in report.sections:
        counts = "  ".join(f"{lang} {coverage.complete[lang]}/{coverage.records}" for lang in LANGUAGES)
        lines.append(f"  {coverage.section:<{width}}  {counts}")
    counts = "  ".join(f"{lang} {report.pages_complete[lang]}/{report.pages}" for lang in LANGUAGES)
    lines.append(f"  {'pages':<{width}}  {counts}")
    missing = [missing for coverage in report.sections for missing in coverage.missing]
    lines += ["", "Missing texts:" if missing else "Missing texts: none"]
    lines += [f"  {missing_text}" for missing_text in missing]
    lines += ["", "Missing pages:" if report.missing_pages else "Missing pages: none"]
    lines += [f"  {missing_page}" for missing_page in report.missing_pages]
    return "\n".join(lines)


# --- export-markdown ---------------------------------------------------------


def run_export_markdown(root: Path, args: argparse.Namespace) -> int:
    target = Path(args.dir)
    if target.exists() and not target.is_dir():
        return _fail(f"{target} is not a directory")
    if target.is_dir() and any(target.iterdir()) and not args.force:
        return _fail(f"{target} is not empty; choose another directory or pass --force to write into it")
    try:
        site = _load(root)
    except SourceProblems as error:
        return _report_problems(error)
    written = export_markdown(site, target)
    print(f"wrote {written} pages to {target}")
    return OK


def export_markdown(site: Site, target: Path) -> int:
    """Write ``<target>/<lang>/<page key>.md`` for every page and language; return how many."""
    written = 0
    for key in site.page_keys():
        for lang in LANGUAGES:
            path = target / lang / f"{key}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(site.markdown(key, lang), "utf-8")
            written += 1
    return written


# --- build -------------------------------------------------------------------


# --- catalog -------------------------------------------------------------------


def run_catalog(root: Path, args: argparse.Namespace) -> int:
    if not (root / catalog.GLOSSARY).is_file():
        return _fail(f"{catalog.GLOSSARY} is missing: run the command in the project's source folder")
    if args.action != "import" and (args.files or args.base):
        args.command_parser.error(f"{args.action} takes no files")
    if args.action == "update":
        catalog.update(root)
    elif args.action == "import":
        if not args.files:
            args.command_parser.error("import needs at least one former glossary.py")
        try:
            result = catalog.run_import(root, args.files, args.base)
        except (OSError, SyntaxError, ValueError) as error:
            return _fail(str(error))
        for context in result.added:
            print(f"added {context}")
        for change in result.updated:
            print(f"updated {change}")
        for conflict in result.conflicts:
            print(f"conflict {conflict}; the catalog's word is kept: change it by hand if need be")
        for skipped in result.skipped:
            print(f"skipped {skipped}")
        print(
            f"{len(result.added)} added, {len(result.updated)} words updated, "
            f"{len(result.conflicts)} conflicts, {len(result.skipped)} skipped, {result.unchanged} unchanged"
        )
    # After update and import, what is left is the translators' work: listed, not a failure.
    found = catalog.problems(root)
    for problem in found:
        print(problem)
    if not found:
        print("OK: every message is translated in every language")
    elif args.action == "check":
        print(f"{len(found)} problem{'s' if len(found) != 1 else ''} in the catalogs.", file=sys.stderr)
        return PROBLEMS
    return OK


def run_build(root: Path, args: argparse.Namespace) -> int:
    site_dir = Path(args.site_dir) if args.site_dir else project.site_dir(root, project.read_settings(root))
    status = build_site(root, site_dir, os.environ)
    if status == OK:
        print(f"built the site into {site_dir}", file=sys.stderr)
    else:
        print(f"kakehashi: error: the build failed; {site_dir} is unchanged", file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main())
