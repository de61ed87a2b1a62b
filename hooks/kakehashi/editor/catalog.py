"""``kakehashi catalog``: keep the gettext catalogs of the generator's words up to date.

``update`` runs ``pybabel extract`` on ``glossary.py`` (with the mapping in
``pyproject.toml``) into the template, then ``pybabel update`` on the catalog
of every language. ``import`` moves entries written in the former form of
``glossary.py`` (dictionaries of ``{"de": …, "ja": …, "en": …}``, as a branch
made before the catalogs may still add them) into the declarations and the
catalogs, mechanically. Both work on the project's source folder.
"""

from __future__ import annotations

import ast
import contextlib
import io
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.extract import extract_from_file
from babel.messages.frontend import CommandLineInterface, parse_keywords
from babel.messages.pofile import write_po

from kakehashi.site import catalogs
from kakehashi.site.languages import LANGUAGES

SITE = Path("hooks") / "kakehashi" / "site"
GLOSSARY = SITE / "glossary.py"
LOCALES = SITE / "locales"
MAX_LINE = 110


def extract_command(root: Path) -> list[str]:
    """``pybabel extract``: the messages ``glossary.py`` declares, into the template."""
    return [
        "pybabel",
        "extract",
        "-F",
        str(root / "pyproject.toml"),
        "--no-location",
        "--no-wrap",
        "--sort-by-file",
        "--project=kakehashi",
        "--version=0.1.0",
        "--copyright-holder=the Bochum–Tsukuba knowledge base",
        "-o",
        str(root / LOCALES / catalogs.TEMPLATE.name),
        str(root / SITE),
    ]


def update_command(root: Path) -> list[str]:
    """``pybabel update``: the template merged into each language's catalog. A new message
    arrives untranslated, one whose English source changed arrives fuzzy."""
    return [
        "pybabel",
        "update",
        "-D",
        catalogs.DOMAIN,
        "-d",
        str(root / LOCALES),
        "-i",
        str(root / LOCALES / catalogs.TEMPLATE.name),
        "--no-wrap",
        "--ignore-obsolete",
        "--ignore-pot-creation-date",
    ]


def update(root: Path, quiet: bool = False) -> None:
    """Extract the messages and merge them into every catalog."""
    for argv in (extract_command(root), update_command(root)):
        output = io.StringIO()
        with contextlib.redirect_stderr(output) if quiet else contextlib.nullcontext():
            CommandLineInterface().run([argv[0], *(["-q"] if quiet else []), *argv[1:]])


def declared_messages(root: Path) -> dict[str, catalogs.Source]:
    """Context → English source of every message ``glossary.py`` declares, as ``pybabel extract``
    finds them with the mapping of ``pyproject.toml``."""
    settings = tomllib.loads((root / "pyproject.toml").read_text("utf-8"))
    (mapping,) = settings["tool"]["babel"]["mappings"]
    return {
        context: message
        for _, message, _, context in extract_from_file(
            mapping["method"],
            root / SITE / mapping["pattern"],
            keywords=parse_keywords(mapping["keywords"]),
            comment_tags=[mapping["add_comments"]],
        )
    }


def problems(root: Path) -> list[str]:
    """What is missing, untranslated, fuzzy or stale in the catalogs of ``root``."""
    return catalogs.problems(declared_messages(root), root / LOCALES)


# --- moving entries of the former glossary into the catalogs ---------------------


# Entries of the former glossary that became something else: import leaves them out.
RETIRED = {"label:records": "now count:records, a count with plural forms (formatting.counted)"}


@dataclass
class ImportResult:
    added: list[str] = field(default_factory=list)  # contexts declared and translated
    updated: list[str] = field(default_factory=list)  # words the branch changed, put into the catalogs
    conflicts: list[str] = field(default_factory=list)  # words that differ; the catalogs' stay
    skipped: list[str] = field(default_factory=list)  # retired entries, or removed since the base
    unchanged: int = 0


def former_entries(source: str) -> dict[str, dict[str, dict[str, str]]]:
    """``{TABLE: {key: {lang: text}}}`` of every dictionary table in a former ``glossary.py``;
    read as literals, never run."""
    tables = {}
    for node in ast.parse(source).body:
        if isinstance(node, ast.AnnAssign):
            target, value = node.target, node.value
        elif isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
        else:
            continue
        if isinstance(target, ast.Name) and isinstance(value, ast.Dict):
            with contextlib.suppress(ValueError):  # a table of tables, such as ALL_TERM_TABLES
                entries = ast.literal_eval(value)
                if all(isinstance(texts, dict) for texts in entries.values()):
                    tables[target.id] = entries
    return tables


def _declared_tables(source: str) -> dict[str, tuple[str, int]]:
    """``{TABLE: (prefix, line of its closing parenthesis)}`` of the glossary's ``_table`` calls."""
    found = {}
    for node in ast.parse(source).body:
        if (
            isinstance(node, ast.AnnAssign)
            and isinstance(node.target, ast.Name)
            and isinstance(node.value, ast.Call)
            and isinstance(node.value.func, ast.Name)
            and node.value.func.id == "_table"
        ):
            prefix = ast.literal_eval(node.value.args[0])
            found[node.target.id] = (prefix, node.value.end_lineno or 0)
    return found


def _declared_contexts(source: str) -> set[str]:
    return {
        ast.literal_eval(node.args[0])
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in {"N_", "NP_"}
    }


def _string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def declaration(context: str, source: str) -> str:
    """The ``N_(…)`` lines of a message, split as the file's others are to fit the line length."""
    line = f"    N_({_string(context)}, {_string(source)}),"
    if len(line) <= MAX_LINE:
        return line + "\n"
    pieces, current = [], ""
    for word in source.split(" "):
        candidate = f"{current} {word}" if current else word
        if current and len(_string(candidate)) > MAX_LINE - 14:
            pieces.append(current + " ")
            current = word
        else:
            current = candidate
    pieces.append(current)
    body = "".join(f"        {_string(piece)}\n" for piece in pieces)
    return f"    N_(\n        {_string(context)},\n{body}    ),\n"


def import_former(
    root: Path,
    former: Mapping[str, Mapping[str, Mapping[str, str]]],
    base: Mapping[str, Mapping[str, Mapping[str, str]]] | None = None,
) -> ImportResult:
    """Move the entries of ``former`` (a branch's glossary in the dictionary form) into the
    declarations and the catalogs.

    An entry that ``glossary.py`` lacks is declared at the end of its table, with its English
    text as source, and its words go into every catalog, not fuzzy. For an entry already
    declared, a word that differs from the catalog's is a conflict, left as the catalog has it,
    unless ``base`` (the same file where the branch started) shows that only the branch changed
    it: then the branch's word goes into the catalog. With ``base``, an entry the branch did
    not touch but this side removed stays removed.
    """
    glossary_path = root / GLOSSARY
    source = glossary_path.read_text("utf-8")
    tables = _declared_tables(source)
    declared = _declared_contexts(source)
    current = {lang: catalogs.translations(lang, root / LOCALES) for lang in LANGUAGES}
    result = ImportResult()
    new_words: dict[str, Mapping[str, str]] = {}
    changed_words: dict[str, dict[str, str]] = {}  # lang → context → word
    insertions: dict[int, list[str]] = {}
    for table_name, entries in former.items():
        if table_name not in tables:
            raise ValueError(f"{table_name}: no such table in {GLOSSARY}")
        prefix, closing_line = tables[table_name]
        for key, texts in entries.items():
            context = f"{prefix}:{key}"
            before = None if base is None else base.get(table_name, {}).get(key)
            if context in RETIRED:
                result.skipped.append(f"{context}: {RETIRED[context]}")
            elif context not in declared and before is not None and dict(before) == dict(texts):
                result.skipped.append(f"{context}: removed here, unchanged on the branch")
            elif context not in declared:
                missing = [lang for lang in LANGUAGES if not texts.get(lang)]
                if missing:
                    raise ValueError(f"{table_name}[{key!r}]: no text in {', '.join(missing)}")
                insertions.setdefault(closing_line, []).append(declaration(context, texts["en"]))
                new_words[context] = texts
                result.added.append(context)
            else:
                differs = False
                for lang in LANGUAGES:
                    ours, theirs = current[lang].texts.get(context), texts.get(lang)
                    if not theirs or theirs == ours or (before is not None and theirs == before.get(lang)):
                        continue
                    differs = True
                    if before is not None and ours == before.get(lang):
                        changed_words.setdefault(lang, {})[context] = theirs
                        result.updated.append(f"{context} ({lang}): {ours!r} → {theirs!r}")
                    else:
                        result.conflicts.append(
                            f"{context} ({lang}): here {ours!r}, on the branch {theirs!r}"
                        )
                result.unchanged += not differs
    if new_words:
        lines = source.splitlines(keepends=True)
        for closing_line in sorted(insertions, reverse=True):
            lines[closing_line - 1 : closing_line - 1] = insertions[closing_line]
        glossary_path.write_text("".join(lines), "utf-8")
        update(root, quiet=True)
    for lang in LANGUAGES:
        words = {context: texts[lang] for context, texts in new_words.items()} | changed_words.get(lang, {})
        if words:
            _set_words(catalogs.catalog_path(lang, root / LOCALES), words)
    return result


def _set_words(path: Path, words: Mapping[str, str]) -> None:
    """Put ``words`` (context → word) into the catalog at ``path``, not fuzzy, as a translator would."""
    catalog = catalogs.read_catalog(path)
    for message in catalog:
        if message.context in words:
            message.string = words[message.context]
            message.flags.discard("fuzzy")
    with path.open("wb") as file:
        write_po(file, catalog, width=None)


def run_import(root: Path, files: Sequence[Path], base: Path | None = None) -> ImportResult:
    before = former_entries(base.read_text("utf-8")) if base is not None else None
    result = ImportResult()
    for path in files:
        one = import_former(root, former_entries(path.read_text("utf-8")), before)
        result.added += one.added
        result.updated += one.updated
        result.conflicts += one.conflicts
        result.skipped += one.skipped
        result.unchanged += one.unchanged
    return result
