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


@dataclass
class ImportResult:
    added: list[str] = field(default_factory=list)  # contexts declared and translated
    kept: list[str] = field(default_factory=list)  # already declared with the same words
    differs: list[str] = field(default_factory=list)  # already declared; the catalogs' words stay


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


def import_former(root: Path, former: Mapping[str, Mapping[str, Mapping[str, str]]]) -> ImportResult:
    """Declare every entry of ``former`` that ``glossary.py`` lacks, with its English text as
    source, and put its words into the catalogs of every language, not fuzzy."""
    glossary_path = root / GLOSSARY
    source = glossary_path.read_text("utf-8")
    tables = _declared_tables(source)
    declared = _declared_contexts(source)
    current = {lang: catalogs.translations(lang, root / LOCALES) for lang in LANGUAGES}
    result = ImportResult()
    new_words: dict[str, Mapping[str, str]] = {}
    insertions: dict[int, list[str]] = {}
    for table_name, entries in former.items():
        if table_name not in tables:
            raise ValueError(f"{table_name}: no such table in {GLOSSARY}")
        prefix, closing_line = tables[table_name]
        for key, texts in entries.items():
            context = f"{prefix}:{key}"
            if context in declared:
                words = {lang: current[lang].texts.get(context) for lang in LANGUAGES}
                if all(words[lang] == texts.get(lang) for lang in LANGUAGES):
                    result.kept.append(context)
                else:
                    changed = [
                        f"{lang} {texts.get(lang)!r}" for lang in LANGUAGES if words[lang] != texts.get(lang)
                    ]
                    result.differs.append(f"{context}: {', '.join(changed)}")
                continue
            missing = [lang for lang in LANGUAGES if not texts.get(lang)]
            if missing:
                raise ValueError(f"{table_name}[{key!r}]: no text in {', '.join(missing)}")
            insertions.setdefault(closing_line, []).append(declaration(context, texts["en"]))
            new_words[context] = texts
            result.added.append(context)
    if not new_words:
        return result
    lines = source.splitlines(keepends=True)
    for closing_line in sorted(insertions, reverse=True):
        lines[closing_line - 1 : closing_line - 1] = insertions[closing_line]
    glossary_path.write_text("".join(lines), "utf-8")
    update(root, quiet=True)
    for lang in LANGUAGES:
        path = catalogs.catalog_path(lang, root / LOCALES)
        catalog = catalogs.read_catalog(path)
        for context, texts in new_words.items():
            message = catalog.get(texts["en"], context=context)
            message.string = texts[lang]
            message.flags.discard("fuzzy")
        with path.open("wb") as file:
            write_po(file, catalog, width=None)
    return result


def run_import(root: Path, files: Sequence[Path]) -> ImportResult:
    result = ImportResult()
    for path in files:
        one = import_former(root, former_entries(path.read_text("utf-8")))
        result.added += one.added
        result.kept += one.kept
        result.differs += one.differs
    return result
