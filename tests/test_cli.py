"""The ``kakehashi`` command as editors run it: in the project root, on a copy of the project."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kakehashi.editor import project as project_settings
from kakehashi.editor.skeleton import appended
from kakehashi.site.languages import LANGUAGES
from kakehashi.site.whole_site import load_site
from kakehashi.sources.loader import SECTION_IDS

EPOCH = "1764201600"


def kakehashi(
    project: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the command in ``project`` as an editor would, from the project root."""
    return subprocess.run(
        [sys.executable, "-m", "kakehashi.editor.cli", *args],
        cwd=project,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def break_file(project: Path, file: str, old: str, new: str) -> None:
    path = project / file
    text = path.read_text("utf-8")
    assert old in text, f"{file} does not contain {old!r}"
    path.write_text(text.replace(old, new, 1), "utf-8")


def tree(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()
    }


# --- check -------------------------------------------------------------------


def test_check_passes_with_a_summary(project_copy: Path) -> None:
    result = kakehashi(project_copy, "check")
    assert result.returncode == 0, result.stdout + result.stderr
    site = load_site(project_copy)
    counts = ", ".join(f"{len(site.data.sections[s])} {s}" for s in SECTION_IDS)
    assert result.stdout == (
        f"OK: {counts} records; {len(site.data.cities)} cities; {len(site.editorial)} pages in content/\n"
    )


def test_check_lists_every_problem_as_text_and_as_json(project_copy: Path) -> None:
    break_file(project_copy, "data/cycling.yml", "  kind: route\n", "  kind: no\n")
    (project_copy / "content" / "en" / "about.md").write_text("No title line here.\n", "utf-8")
    result = kakehashi(project_copy, "check")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 2, result.stdout
    assert lines[0] == "content/en/about.md:1:1: the page has no title line ('# Title')"
    assert lines[1].startswith("data/cycling.yml:")
    assert ".kind: 'no', which YAML reads as false (yes/no) is not allowed; use one of: " in lines[1]
    assert result.stderr == "2 problems found.\n"

    as_json = kakehashi(project_copy, "check", "--format", "json")
    assert as_json.returncode == 1
    problems = json.loads(as_json.stdout)
    assert [set(problem) for problem in problems] == [{"file", "line", "column", "field", "message"}] * 2
    first = problems[0]
    assert (first["file"], first["line"], first["column"], first["field"]) == (
        "content/en/about.md",
        1,
        1,
        "",
    )
    assert [
        f"{p['file']}:{p['line']}:{p['column']}: {p['field']}: {p['message']}" for p in problems[1:]
    ] == lines[1:]


def test_check_json_when_all_is_well(project_copy: Path) -> None:
    result = kakehashi(project_copy, "check", "--format", "json")
    assert result.returncode == 0
    assert json.loads(result.stdout) == []
    assert result.stderr.startswith("OK: ")


# What `check --publish` says about the shipped project, which has no operator yet.
PUBLISH_PROBLEMS = [
    "mkdocs.yml: extra.operator.name: empty; enter the name of the person or organisation "
    "that runs the site (imprint, § 5 DDG)",
    "mkdocs.yml: extra.operator.address: empty; enter the postal address as a list of lines, "
    'e.g. ["Straße 1", "44787 Bochum"] (imprint, § 5 DDG)',
    "mkdocs.yml: extra.operator.email: empty; enter an e-mail address readers can write to "
    "(imprint, § 5 DDG)",
    "mkdocs.yml: extra.operator.phone: empty; enter a phone number, a second quick way to reach "
    "the operator (imprint, § 5 DDG)",
    "mkdocs.yml: extra.operator.responsible.name: empty; enter the person responsible for the "
    "content (imprint, § 18 Abs. 2 MStV)",
    "mkdocs.yml: extra.operator.responsible.address: empty; enter that person's postal address "
    "as a list of lines (imprint, § 18 Abs. 2 MStV)",
    "mkdocs.yml: site_url: https://bochum-tsukuba.example.org/ is a placeholder; enter the address "
    "the site is published at (or set the environment variable SITE_URL when building)",
]

FILLED_OPERATOR = """\
  operator:
    name: "Partnerschaftsverein Bochum–Tsukuba e. V."
    address: ["Musterstraße 1", "44787 Bochum"]
    email: "info@example.org"
    phone: "+49 234 000000"
    responsible:
      name: "Erika Mustermann"
      address: ["Musterstraße 1", "44787 Bochum"]
"""


def fill_operator(project: Path) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    start = text.index("  operator:\n")
    end = text.index("  generator:")
    config.write_text(text[:start] + FILLED_OPERATOR + text[end:], "utf-8")


def test_publish_check_names_every_empty_operator_setting_and_the_placeholder_address(
    project_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SITE_URL", raising=False)  # site_url of mkdocs.yml, as shipped
    env: dict[str, str] = {}
    result = kakehashi(project_copy, "check", "--publish", env=env)
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stdout.splitlines() == PUBLISH_PROBLEMS
    assert result.stderr == "7 settings to fill in before the site is published.\n"
    as_json = kakehashi(project_copy, "check", "--publish", "--format", "json", env=env)
    assert as_json.returncode == 1
    assert [
        f"{p['file']}: {p['field']}: {p['message']}" for p in json.loads(as_json.stdout)
    ] == PUBLISH_PROBLEMS
    # Without --publish the same project passes: a preview needs no operator.
    assert kakehashi(project_copy, "check", env=env).returncode == 0


def test_publish_check_passes_once_every_setting_is_filled(
    project_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill_operator(project_copy)
    # SITE_URL is how the workflow gives the published address; the placeholder stays in mkdocs.yml.
    result = kakehashi(
        project_copy, "check", "--publish", env={"SITE_URL": "https://partnership.example.net/"}
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("OK: ")
    # One setting emptied again, one line again.
    config = project_copy / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace('"+49 234 000000"', '""'), "utf-8")
    result = kakehashi(
        project_copy, "check", "--publish", env={"SITE_URL": "https://partnership.example.net/"}
    )
    assert result.returncode == 1
    assert result.stdout.splitlines() == [PUBLISH_PROBLEMS[3]]
    # And without SITE_URL the placeholder of mkdocs.yml is what would be published.
    fill_operator(project_copy)
    monkeypatch.delenv("SITE_URL", raising=False)
    result = kakehashi(project_copy, "check", "--publish")
    assert result.stdout.splitlines() == [PUBLISH_PROBLEMS[-1]]


def test_outside_the_project_is_a_usage_error(tmp_path: Path, project_copy: Path) -> None:
    result = kakehashi(tmp_path, "check")
    assert result.returncode == 2
    assert "holds no mkdocs.yml" in result.stderr
    assert kakehashi(tmp_path, "check", "--root", str(project_copy)).returncode == 0
    assert kakehashi(project_copy, "check", "--format", "xml").returncode == 2
    assert kakehashi(project_copy).returncode == 2


@pytest.mark.parametrize("command", ["check", "new", "status", "export-markdown", "build", "catalog"])
def test_every_command_explains_itself(project_copy: Path, command: str) -> None:
    result = kakehashi(project_copy, command, "--help")
    assert result.returncode == 0
    assert "--root DIR" in result.stdout
    assert "exit status:" in result.stdout and "1  problems were found" in result.stdout


# --- new ---------------------------------------------------------------------


def test_new_record_fails_the_check_until_filled(project_copy: Path) -> None:
    data = project_copy / "data" / "projects.yml"
    before = data.read_bytes()
    result = kakehashi(project_copy, "new", "projects", "school-exchange-2026")
    assert result.returncode == 0, result.stderr
    after = data.read_bytes()
    assert after.startswith(before)  # the file's own text is untouched
    assert not before.endswith(b"\n\n")  # the shipped file ends with one newline
    start = before.count(b"\n") + 2  # after a blank line, which separates records
    assert result.stdout == (
        f"data/projects.yml:{start}: added 'school-exchange-2026'; fill in its fields, "
        "then run: kakehashi check\n"
    )
    assert after.decode("utf-8").split("\n")[start - 1] == "- id: school-exchange-2026"

    check = kakehashi(project_copy, "check", "--format", "json")
    assert check.returncode == 1
    problems = json.loads(check.stdout)
    assert {p["file"] for p in problems} == {"data/projects.yml"}
    assert all(p["line"] > start for p in problems)
    fields = {p["field"].removeprefix("school-exchange-2026.") for p in problems}
    languages = {f"{field}.{lang}" for field in ("title", "summary") for lang in LANGUAGES}
    sources = {"sources[1].url", "sources[1].title", "sources[1].lang"}
    assert fields == {"city", "date", "kind", "updated", *languages, *sources}


def test_new_city_fails_the_check_until_filled_and_then_can_be_used(project_copy: Path) -> None:
    cities = project_copy / "data" / "cities.yml"
    before = cities.read_text("utf-8")
    result = kakehashi(project_copy, "new", "cities", "osaka")
    assert result.returncode == 0, result.stderr
    start = before.count("\n") + 2
    expected = f"data/cities.yml:{start}: added 'osaka'; fill in its fields, then run: kakehashi check\n"
    assert result.stdout == expected

    check = kakehashi(project_copy, "check", "--format", "json")
    assert check.returncode == 1
    problems = json.loads(check.stdout)
    assert {p["file"] for p in problems} == {"data/cities.yml"}
    fields = {p["field"].removeprefix("osaka.") for p in problems}
    names = {f"{field}.{lang}" for field in ("name", "country") for lang in LANGUAGES}
    assert fields == {*names, "sources[1].url", "sources[1].title", "sources[1].lang", "updated"}

    skeleton = cities.read_text("utf-8")[len(before) :]
    filled = (
        skeleton.replace('de: ""', 'de: "Osaka"', 2)
        .replace('ja: ""', 'ja: "大阪"', 1)
        .replace('ja: ""', 'ja: "日本"', 1)
        .replace('en: ""', 'en: "Osaka"', 1)
        .replace('en: ""', 'en: "Japan"', 1)
        .replace('url: ""', 'url: "https://www.city.osaka.lg.jp/"')
        .replace('title: ""', 'title: "大阪市"')
        .replace('lang: ""', "lang: ja")
        .replace('updated: ""', 'updated: "2026-12-05"')
    )
    cities.write_text(before + filled, "utf-8")
    break_file(project_copy, "data/cycling.yml", "city: tsukuba", "city: osaka")
    check = kakehashi(project_copy, "check")
    assert check.returncode == 0, check.stdout + check.stderr
    assert "; 4 cities;" in check.stdout


def test_new_refuses_a_used_id_a_bad_id_and_an_unknown_section(project_copy: Path) -> None:
    data = project_copy / "data" / "cycling.yml"
    before = data.read_bytes()
    used = load_site(project_copy).data.sections["cycling"][0]["id"]

    result = kakehashi(project_copy, "new", "cycling", used)
    assert result.returncode == 1
    assert result.stderr == f"kakehashi: error: the id '{used}' is already used in data/cycling.yml\n"

    result = kakehashi(project_copy, "new", "cycling", "Ring_Road")
    assert result.returncode == 1
    assert result.stderr == (
        "kakehashi: error: 'Ring_Road' cannot be an id: use lowercase letters a–z, digits and single "
        "hyphens, e.g. ring-ring-road\n"
    )

    result = kakehashi(project_copy, "new", "castles", "castle")
    assert result.returncode == 1
    assert result.stderr == (
        "kakehashi: error: unknown section 'castles'; choose one of: projects, ecosystem, cycling, "
        "disaster-prevention, cities\n"
    )
    assert data.read_bytes() == before
    assert kakehashi(project_copy, "new", "cycling").returncode == 2


def test_new_refuses_a_file_it_cannot_read(project_copy: Path) -> None:
    data = project_copy / "data" / "cycling.yml"
    data.write_text(data.read_text("utf-8") + "- id: [unclosed\n", "utf-8")
    before = data.read_bytes()
    result = kakehashi(project_copy, "new", "cycling", "fresh-route")
    assert result.returncode == 1
    assert result.stderr.endswith(
        "kakehashi: error: data/cycling.yml cannot be read; fix the problems above first\n"
    )
    assert data.read_bytes() == before


def test_new_quotes_an_id_yaml_would_misread(project_copy: Path) -> None:
    assert kakehashi(project_copy, "new", "ecosystem", "2026").returncode == 0
    assert '\n- id: "2026"\n' in (project_copy / "data" / "ecosystem.yml").read_text("utf-8")


@pytest.mark.parametrize(
    ("text", "expected", "line"),
    [
        ("- id: a\n", "- id: a\n\n- id: b\n", 3),
        ("- id: a", "- id: a\n\n- id: b\n", 3),  # no newline at the end
        ("- id: a\n\n", "- id: a\n\n- id: b\n", 3),
        ("", "- id: b\n", 1),
        ("# comment\n", "# comment\n\n- id: b\n", 3),
    ],
)
def test_appended_separates_records_by_a_blank_line(text: str, expected: str, line: int) -> None:
    assert appended(text, "- id: b\n") == (expected, line)


# --- status ------------------------------------------------------------------


def test_status_lists_missing_texts_and_pages(project_copy: Path) -> None:
    site = load_site(project_copy)
    record = site.data.sections["ecosystem"][0]
    break_file(
        project_copy,
        "data/ecosystem.yml",
        f"    ja: {json.dumps(record['summary']['ja'], ensure_ascii=False)}\n",
        "",
    )
    (project_copy / "content" / "ja" / "about.md").unlink()
    result = kakehashi(project_copy, "status")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    total = len(site.data.sections["ecosystem"])
    assert f"  ecosystem            de {total}/{total}  ja {total - 1}/{total}  en {total}/{total}" in lines
    assert lines[lines.index("Missing texts:") + 1] == f"  ecosystem/{record['id']}: summary (ja)"
    assert lines[lines.index("Missing pages:") + 1] == "  content/ja/about.md"

    report = json.loads(kakehashi(project_copy, "status", "--format", "json").stdout)
    ecosystem = next(s for s in report["sections"] if s["section"] == "ecosystem")
    assert ecosystem["missing"] == [
        {
            "section": "ecosystem",
            "record_id": record["id"],
            "field": "summary",
            "lang": "ja",
            "shown_in": "en",
        }
    ]
    assert report["missing_pages"] == [{"key": "about", "lang": "ja", "shown_in": "en"}]


def test_status_of_the_shipped_project_has_nothing_missing(project_copy: Path) -> None:
    result = kakehashi(project_copy, "status")
    assert result.returncode == 0
    assert "Missing texts: none" in result.stdout.splitlines()


# --- export-markdown ---------------------------------------------------------


def test_export_markdown_writes_every_page_in_every_language(project_copy: Path, tmp_path: Path) -> None:
    target = tmp_path / "markdown"
    result = kakehashi(project_copy, "export-markdown", str(target))
    assert result.returncode == 0, result.stderr
    # With the site's address and the data's licence from mkdocs.yml, as the command reads them.
    settings = project_settings.read_settings(project_copy)
    site = load_site(
        project_copy,
        project_settings.operator(settings),
        open_data_settings=project_settings.open_data(settings),
    )
    expected = {
        f"{lang}/{key}.md": site.markdown(key, lang) for key in site.page_keys() for lang in LANGUAGES
    }
    assert result.stdout == f"wrote {len(expected)} pages to {target}\n"
    assert {name: data.decode("utf-8") for name, data in tree(target).items()} == expected
    assert "ja/translation-status.md" in expected
    assert "https://bochum-tsukuba.example.org/data/cycling.csv" in expected["en/data/index.md"]

    again = kakehashi(project_copy, "export-markdown", str(target))
    assert again.returncode == 1
    assert "is not empty" in again.stderr
    assert kakehashi(project_copy, "export-markdown", str(target), "--force").returncode == 0


# --- build -------------------------------------------------------------------


def test_build_twice_gives_byte_identical_sites(project_copy: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    for site_dir in (first, second):
        result = kakehashi(
            project_copy, "build", "--site-dir", str(site_dir), env={"SOURCE_DATE_EPOCH": EPOCH}
        )
        assert result.returncode == 0, result.stderr
    first_tree, second_tree = tree(first), tree(second)
    assert "translation-status/index.html" in first_tree and "ja/translation-status/index.html" in first_tree
    assert first_tree.keys() == second_tree.keys()
    differing = [name for name in first_tree if first_tree[name] != second_tree[name]]
    assert differing == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["first", "project", "second"]  # no scratch left


def test_failing_build_leaves_the_previous_site_untouched(project_copy: Path) -> None:
    env = {"SOURCE_DATE_EPOCH": EPOCH}
    assert kakehashi(project_copy, "build", env=env).returncode == 0  # into site/ of mkdocs.yml
    site_dir = project_copy / "site"
    before = tree(site_dir)
    assert "index.html" in before
    (project_copy / "data" / "cities.yml").write_text("- id: [unclosed\n", "utf-8")

    result = kakehashi(project_copy, "build", env=env)
    assert result.returncode == 1
    assert "data/cities.yml:2:1: YAML syntax error" in result.stderr
    assert result.stderr.endswith(f"kakehashi: error: the build failed; {site_dir} is unchanged\n")
    assert tree(site_dir) == before
    assert not [p.name for p in project_copy.iterdir() if p.name.startswith(".site-")]


def failing_pagefind(folder: Path) -> Path:
    """A Pagefind that fails to index, as on a full disk."""
    script = folder / "pagefind-that-fails"
    script.write_text('#!/bin/sh\necho "Error: no space left on device" >&2\nexit 1\n', "utf-8")
    script.chmod(0o755)
    return script


@pytest.mark.parametrize("failure", ["broken link", "search index"])
def test_a_build_that_fails_late_leaves_the_previous_site_byte_identical(
    project_copy: Path, tmp_path: Path, failure: str
) -> None:
    # Late: every page of at least one language is written before the failure, so
    # only building beside the published site and swapping keeps it intact.
    env = {"SOURCE_DATE_EPOCH": EPOCH}
    assert kakehashi(project_copy, "build", env=env).returncode == 0
    site_dir = project_copy / "site"
    before = tree(site_dir)
    about = project_copy / "content" / "de" / "about.md"
    if failure == "broken link":
        about.write_text(about.read_text("utf-8") + "\n[Weiter](keine-solche-seite.md)\n", "utf-8")
        expected = "keine-solche-seite.md"
    else:
        # A changed page, so that the search index of its language is made anew.
        about.write_text(about.read_text("utf-8") + "\nEin neuer Absatz.\n", "utf-8")
        env["PAGEFIND_BINARY_PATH"] = str(failing_pagefind(tmp_path))
        expected = "no space left on device"

    result = kakehashi(project_copy, "build", env=env)
    assert result.returncode == 1
    assert expected in result.stderr
    assert result.stderr.endswith(f"kakehashi: error: the build failed; {site_dir} is unchanged\n")
    assert tree(site_dir) == before
    assert not [p.name for p in project_copy.iterdir() if p.name.startswith(".site-")]


def test_unreadable_settings_are_reported_not_raised(project_copy: Path) -> None:
    config = project_copy / "mkdocs.yml"
    config.write_text(config.read_text("utf-8") + "site_name: [unclosed\n", "utf-8")
    result = kakehashi(project_copy, "check")
    assert result.returncode == 1
    assert result.stderr.startswith("kakehashi: error: mkdocs.yml cannot be read: ")
    assert "Traceback" not in result.stderr
