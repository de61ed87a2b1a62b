"""The gettext catalogs hold every word the code declares, translated, in every language."""

from __future__ import annotations

import ast
import shutil
import tomllib
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_file
from babel.messages.frontend import parse_keywords
from babel.messages.mofile import write_mo
from babel.messages.pofile import write_po

from kakehashi.editor import catalog
from kakehashi.editor.cli import main
from kakehashi.site import catalogs, glossary
from kakehashi.site.languages import LANGUAGES

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "hooks" / "kakehashi"


def test_every_declared_message_is_translated_in_every_language() -> None:
    assert catalogs.problems(glossary.DECLARED) == []


def test_the_template_is_what_pybabel_extract_makes_of_the_glossary() -> None:
    """The extraction configured in pyproject.toml finds every message the glossary declares."""
    (mapping,) = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["babel"]["mappings"]
    extracted = {
        context: message
        for _, message, _, context in extract_from_file(
            mapping["method"],
            PACKAGE / "site" / mapping["pattern"],
            keywords=parse_keywords(mapping["keywords"]),
            comment_tags=[mapping["add_comments"]],
        )
    }
    assert extracted == glossary.DECLARED
    assert len(extracted) > 100


@pytest.fixture
def locales(tmp_path: Path) -> Path:
    """A copy of the catalogs to break."""
    copy = tmp_path / "locales"
    shutil.copytree(catalogs.LOCALES, copy)
    return copy


def edit(locales: Path, lang: str, change) -> None:  # type: ignore[no-untyped-def]
    path = catalogs.catalog_path(lang, locales)
    catalog = catalogs.read_catalog(path)
    change(catalog)
    with path.open("wb") as file:
        write_po(file, catalog, width=None)


def test_a_missing_message_is_a_problem(locales: Path) -> None:
    edit(locales, "ja", lambda catalog: catalog.delete("Agreement", context="kind:agreement"))
    assert catalogs.problems(glossary.DECLARED, locales) == ["ja/kakehashi.po: kind:agreement: missing"]


def test_an_empty_translation_is_a_problem_and_is_not_used(locales: Path) -> None:
    def empty(catalog) -> None:  # type: ignore[no-untyped-def]
        catalog.get("Cycling", context="section:cycling").string = ""

    edit(locales, "en", empty)
    assert catalogs.problems(glossary.DECLARED, locales) == [
        "en/kakehashi.po: section:cycling: not translated"
    ]
    assert "section:cycling" not in catalogs.translations("en", locales).texts
    assert catalogs.translations("en").texts["section:cycling"] == "Cycling"


def test_a_fuzzy_translation_is_a_problem(locales: Path) -> None:
    def fuzzy(catalog) -> None:  # type: ignore[no-untyped-def]
        catalog.get("Search", context="label:search").flags.add("fuzzy")

    edit(locales, "de", fuzzy)
    assert catalogs.problems(glossary.DECLARED, locales) == ["de/kakehashi.po: label:search: fuzzy"]


def test_a_translation_that_drops_a_placeholder_is_a_problem(locales: Path) -> None:
    def drop(catalog) -> None:  # type: ignore[no-untyped-def]
        catalog.get("Page {number}", context="label:page_number").string = "Seite"

    edit(locales, "de", drop)
    assert catalogs.problems(glossary.DECLARED, locales) == [
        "de/kakehashi.po: label:page_number: 'Seite' does not fill in exactly ['number']"
    ]


def test_a_message_used_in_the_code_but_absent_from_the_catalogs_is_a_problem() -> None:
    declared = {**glossary.DECLARED, "label:brand_new": "Brand new"}
    assert catalogs.problems(declared) == [
        "kakehashi.pot: label:brand_new: missing or out of date; run `make catalogs`",
        *(f"{lang}/kakehashi.po: label:brand_new: missing" for lang in LANGUAGES),
    ]


def test_a_message_no_longer_in_the_code_is_a_problem() -> None:
    declared = {c: s for c, s in glossary.DECLARED.items() if c != "label:close"}
    assert catalogs.problems(declared) == [
        "kakehashi.pot: label:close: not in the code",
        *(f"{lang}/kakehashi.po: label:close: not in the code" for lang in LANGUAGES),
    ]


def test_plural_forms_are_cldrs() -> None:
    forms = {lang: catalogs.translations(lang).plural_forms for lang in LANGUAGES}
    assert forms == {
        "de": "nplurals=2; plural=(n != 1);",
        "ja": "nplurals=1; plural=0;",
        "en": "nplurals=2; plural=(n != 1);",
    }


def test_a_wrong_plural_forms_header_is_a_problem(locales: Path) -> None:
    path = catalogs.catalog_path("ja", locales)
    path.write_text(path.read_text("utf-8").replace("nplurals=1; plural=0;", "nplurals=2; plural=(n != 1);"))
    assert catalogs.problems(glossary.DECLARED, locales)[0].startswith("ja/kakehashi.po: Plural-Forms is")


def test_the_words_come_from_the_po_files_even_beside_an_older_compiled_catalog(locales: Path) -> None:
    """Poedit compiles a .mo on saving; the build never reads one, so none can be out of date."""
    path = catalogs.catalog_path("de", locales)
    stale = catalogs.read_catalog(path)
    stale.get("Search", context="label:search").string = "Suchen (veraltet)"
    with path.with_suffix(".mo").open("wb") as file:
        write_mo(file, stale)
    assert catalogs.translations("de", locales).texts["label:search"] == "Suche"


def _package_data() -> str:
    settings = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    return " ".join(settings["tool"]["setuptools"]["package-data"]["kakehashi"])


def test_the_package_ships_the_template_and_every_catalog() -> None:
    shipped = _package_data()
    assert "site/locales/*.pot" in shipped and "site/locales/*/LC_MESSAGES/*.po" in shipped


def _looked_up_keys() -> set[tuple[str, str]]:
    """(table, key) of every ``term(TABLE, "key", …)`` with a literal key in the package."""
    found = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "term"
                and len(node.args) == 3
                and isinstance(node.args[0], ast.Name)
                and isinstance(node.args[1], ast.Constant)
            ):
                found.add((node.args[0].id, node.args[1].value))
    return found


def test_every_word_the_code_looks_up_is_declared() -> None:
    looked_up = _looked_up_keys()
    assert len(looked_up) > 30
    missing = {(table, key) for table, key in looked_up if key not in glossary.ALL_TERM_TABLES[table]}
    assert missing == set()


# A branch made before the catalogs, where the glossary was dictionaries: BASE where it
# started, BRANCH as it is now. It added label:share, changed the German label:close,
# and holds label:search and label:records as they were; this side has since changed
# the German label:district ("Stadtgebiet" → "Lage") and made label:records a count.
BASE_GLOSSARY = """
LABELS: Terms = {
    "close": {"de": "Schließen", "ja": "閉じる", "en": "Close"},
    "district": {"de": "Stadtgebiet", "ja": "地区", "en": "District"},
    "records": {"de": "{count} Einträge", "ja": "{count}件", "en": "{count} entries"},
}
ALL_TERM_TABLES: dict[str, Terms] = {"LABELS": LABELS}
"""
BRANCH_GLOSSARY = """
LABELS: Terms = {
    "close": {"de": "Zuklappen", "ja": "閉じる", "en": "Close"},
    "district": {"de": "Stadtgebiet", "ja": "地区", "en": "District"},
    "records": {"de": "{count} Einträge", "ja": "{count}件", "en": "{count} entries"},
    "share": {"de": "Teilen", "ja": "共有する", "en": "Share this page"},
}
KINDS: Terms = {
    "harbour": {"de": "Hafen", "ja": "港", "en": "Harbour"},
}
ALL_TERM_TABLES: dict[str, Terms] = {"LABELS": LABELS, "KINDS": KINDS}
"""


@pytest.fixture
def source_folder(tmp_path: Path) -> Path:
    """The files ``kakehashi catalog`` works on, copied."""
    for name in ("pyproject.toml", "mkdocs.yml"):
        shutil.copy(ROOT / name, tmp_path / name)
    site = tmp_path / catalog.SITE
    site.mkdir(parents=True)
    shutil.copy(PACKAGE / "site" / "glossary.py", site / "glossary.py")
    shutil.copytree(catalogs.LOCALES, site / "locales")
    (tmp_path / "base.py").write_text(BASE_GLOSSARY, "utf-8")
    (tmp_path / "branch.py").write_text(BRANCH_GLOSSARY, "utf-8")
    return tmp_path


def test_import_moves_a_branchs_new_and_changed_words_into_the_declarations_and_catalogs(
    source_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = str(source_folder)
    assert main(["catalog", "import", f"{root}/branch.py", "--base", f"{root}/base.py", "--root", root]) == 0

    output = capsys.readouterr().out
    assert "added label:share\nadded kind:harbour\n" in output
    assert "updated label:close (de): 'Schließen' → 'Zuklappen'\n" in output
    assert "skipped label:records: now count:records" in output
    assert "conflict label" not in output, "the branch left label:district as it was; this side's word stays"
    assert "2 added, 1 words updated, 0 conflicts, 1 skipped, 1 unchanged" in output
    declared = catalog.declared_messages(source_folder)
    assert declared == {**glossary.DECLARED, "label:share": "Share this page", "kind:harbour": "Harbour"}
    source = (source_folder / catalog.GLOSSARY).read_text("utf-8")
    assert '    N_("kind:harbour", "Harbour"),\n)\n\nSTATUSES' in source, "at the end of its own table"
    assert catalog.problems(source_folder) == []
    words = {lang: catalogs.translations(lang, source_folder / catalog.LOCALES).texts for lang in LANGUAGES}
    assert [words[lang]["label:share"] for lang in LANGUAGES] == ["Teilen", "共有する", "Share this page"]
    assert [words["de"]["label:close"], words["de"]["label:district"]] == ["Zuklappen", "Lage"]


def test_import_without_a_base_keeps_the_catalogs_words_and_names_each_difference(
    source_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = str(source_folder)
    assert main(["catalog", "import", f"{root}/branch.py", "--root", root]) == 0

    output = capsys.readouterr().out
    assert "conflict label:close (de): here 'Schließen', on the branch 'Zuklappen'" in output
    assert "conflict label:district (de): here 'Lage', on the branch 'Stadtgebiet'" in output
    assert "added label:share\n" in output
    words = catalogs.translations("de", source_folder / catalog.LOCALES).texts
    assert [words["label:close"], words["label:district"]] == ["Schließen", "Lage"]


def test_a_word_without_a_translation_names_its_catalog() -> None:
    table = {"share": {"de": "Teilen", "en": "Share"}}
    with pytest.raises(
        KeyError, match=r"a table\['share'\] has no translation in 'ja'.*locales/ja/LC_MESSAGES"
    ):
        glossary.term(table, "share", "ja")
    with pytest.raises(KeyError, match=r"LABELS declares no 'nothing'"):
        glossary.term(glossary.LABELS, "nothing", "de")
    assert glossary.term(glossary.LABELS, "close", "ja") == "閉じる"
